"""Short claim ids for people: a row shows the shortest prefix that `explain` takes."""

from __future__ import annotations

from claimcheck.model import Report

SHORT_ID = 6  # characters of a claim id shown in a row at least ("d-3140"), more when needed


def short_ids(report: Report) -> dict[str, str]:
    """The shortest prefix of each claim id, of at least SHORT_ID characters, that no other
    claim of the run shares: what `claimcheck explain` takes."""
    ids = sorted({v.claim.id for v in (*report.verdicts, *report.omitted)})
    length = SHORT_ID
    while length < max((len(i) for i in ids), default=0) and len({i[:length] for i in ids}) < len(ids):
        length += 1
    return {i: i[:length] for i in ids}
