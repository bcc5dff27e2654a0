"""What a row shows people of a claim: a short id that `explain` takes, its values as people
write them ("R14.3 billion", not "14300000000 ZAR"; JSON keeps the canonical value), and the
evidence to quote, dissent first. Shared by the table and the Markdown renderers."""

from __future__ import annotations

from claimcheck import values
from claimcheck.model import Kind, Mention, Report, Status, Verdict

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


def evidence_mentions(verdict: Verdict, limit: int) -> tuple[list[Mention], int]:
    """The mentions to show as evidence, at most ``limit``, and how many sources are left out.

    A conflict shows one sentence per distinct value first, so the dissent is always visible;
    then one sentence for each other source, most specific mention first ("January 10" before
    "in January"); a source is shown twice only when every source is already shown.
    """
    by_source = sorted(verdict.claim.mentions, key=lambda m: (m.source_id, -values.specificity(m), m.start))
    shown: list[Mention] = []
    if verdict.status is Status.CONFLICTING:
        for group in values.value_groups(verdict.claim.mentions, values.agreeing(verdict.claim.kind)):
            pick = next((m for m in by_source if m in group and m.source_id not in {s.source_id for s in shown}), None)
            if pick is not None and len(shown) < limit:
                shown.append(pick)
    for mention in by_source:  # then the sources not shown yet
        if len(shown) >= limit:
            break
        if mention.source_id not in {s.source_id for s in shown}:
            shown.append(mention)
    if verdict.status is Status.CONFLICTING:  # then a source's other mentions, as room allows
        for mention in by_source:
            if len(shown) >= limit:
                break
            if mention not in shown:
                shown.append(mention)
    hidden = len({m.source_id for m in verdict.claim.mentions} - {m.source_id for m in shown})
    order = {id(m): n for n, m in enumerate(by_source)}
    return sorted(shown, key=lambda m: order[id(m)]), hidden
