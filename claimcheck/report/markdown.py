"""Report → Markdown: for pasting into an issue, a wiki page or a newsroom chat."""

from __future__ import annotations

from typing import Any

from claimcheck.model import Kind, Report, Status, Verdict
from claimcheck.report.ids import evidence_mentions, short_ids, shown_values
from claimcheck.report.safe import printable


def _cell(text: str) -> str:
    return " ".join(printable(text).replace("|", "\\|").split())


def _row(verdict: Verdict, sentences: dict[tuple[str, int], str], short_id: str) -> str:
    if verdict.status is Status.CONFLICTING and len(verdict.groups) > 1 and verdict.claim.kind is not Kind.QUOTE:
        value = "<br>".join(f"**{shown}** ({', '.join(sources)})" for shown, sources in shown_values(verdict))
    else:
        value = shown_values(verdict)[0][0] if verdict.claim.kind is not Kind.QUOTE else f"“{verdict.claim.mentions[0].text}”"
    # Every source once, and for a conflict each value's sentence first (the dissent shown).
    shown, _hidden = evidence_mentions(verdict, limit=len(verdict.sources))
    evidence = [
        f"*{m.source_id}*: {sentences.get((m.source_id, m.sentence_index), m.text)}" for m in shown
    ]
    return (
        f"| `{short_id}` | {verdict.claim.kind.value}{f' ({verdict.disagreement})' if verdict.disagreement else ''} | {_cell(value)} | {_cell(', '.join(verdict.sources))} "
        f"| {verdict.independent_sources} | {'<br>'.join(_cell(e) for e in evidence)} |"
    )


def _changes(changes: dict[str, Any]) -> list[str]:
    """The ``--baseline`` section: what a pull-request comment is for."""
    lines = [
        "",
        f"## Changes since {_cell(str(changes['baseline']))}",
        "",
        f"{len(changes['new'])} new claims, {len(changes['new_conflicts'])} new conflicts, "
        f"{len(changes['status_changed'])} changed status, {len(changes['gone'])} gone.",
    ]
    items = [f"- new conflict: `{i}`" for i in changes["new_conflicts"]]
    items += [f"- `{c['id']}`: {c['before']} → {c['after']}" for c in changes["status_changed"]]
    items += [f"- new: `{i}`" for i in changes["new"] if i not in changes["new_conflicts"]]
    items += [f"- gone: `{i}`" for i in changes["gone"]]
    return lines + (["", *items] if items else [])


def render(report: Report, *, changes: dict[str, Any] | None = None) -> str:
    """The report as Markdown: a summary line, one table per status (conflicts first), then
    the changes since a baseline when there is one."""
    sentences = {(s.source_id, s.index): s.text for d in report.documents for s in d.sentences}
    ids = short_ids(report)
    lines = [
        "# claimcheck report",
        "",
        f"{len(report.documents)} sources, {report.count_all()} claims: "
        f"{report.count_all(Status.CONFLICTING)} conflicting, {report.count_all(Status.CORROBORATED)} corroborated, "
        f"{report.count_all(Status.UNIQUE)} unique" + (f"; {len(report.verdicts)} shown." if report.omitted else "."),
    ]
    for status in Status:
        verdicts = [v for v in report.verdicts if v.status is status]
        if not verdicts:
            continue
        lines += ["", f"## {status.value.capitalize()} ({len(verdicts)})", ""]
        lines += ["| id | kind | value | sources | independent | evidence |", "|---|---|---|---|---|---|"]
        lines += [_row(v, sentences, ids[v.claim.id]) for v in verdicts]
    if changes is not None:
        lines += _changes(changes)
    if report.skipped:
        lines += ["", "## Skipped", ""] + [f"- `{_cell(s.path)}`: {_cell(s.reason)}" for s in report.skipped]
    return "\n".join(lines) + "\n"
