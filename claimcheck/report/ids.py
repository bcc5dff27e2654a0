"""What a row shows people of a claim: a short id that `explain` takes, and its values as
people write them ("R14.3 billion", not "14300000000 ZAR"; JSON keeps the canonical value)."""

from __future__ import annotations

from claimcheck import values
from claimcheck.model import Kind, Report, Verdict

SHORT_ID = 6  # characters of a claim id shown in a row at least ("d-3140"), more when needed


def short_ids(report: Report) -> dict[str, str]:
    """The shortest prefix of each claim id, of at least SHORT_ID characters, that no other
    claim of the run shares: what `claimcheck explain` takes."""
    ids = sorted({v.claim.id for v in (*report.verdicts, *report.omitted)})
    length = SHORT_ID
    while length < max((len(i) for i in ids), default=0) and len({i[:length] for i in ids}) < len(ids):
        length += 1
    return {i: i[:length] for i in ids}


def shown_values(verdict: Verdict) -> list[tuple[str, tuple[str, ...]]]:
    """Each value of the claim with the sources behind it, most supported first. A number is
    shown as its most specific mention words it ("tens of thousands of troops", "$22 million"),
    so the unit stays on every value; other kinds show their canonical value."""
    if verdict.claim.kind is not Kind.NUMBER:
        return [(g.value, g.sources) for g in verdict.groups] or [(verdict.value, verdict.sources)]
    first_of = {group[0].value: group[0] for group in values.value_groups(verdict.claim.mentions)}
    shown = []
    for group in verdict.groups or ():
        mention = first_of.get(group.value)
        shown.append((" ".join(mention.text.split()) if mention else group.value, group.sources))
    return shown or [(verdict.value, verdict.sources)]
