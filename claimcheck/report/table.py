"""Report → rich tables for people: conflicts first, each claim with its evidence.

The console decides decoration (colour, box characters); the content is the same on a terminal,
in a pipe or with NO_COLOR.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from claimcheck.model import Document, Kind, Mention, Report, Status, Story, Verdict
from claimcheck.report.ids import evidence_mentions, short_ids, shown_values
from claimcheck.report.safe import printable

STATUS_STYLE = {
    Status.CONFLICTING: "bold red",
    Status.CORROBORATED: "green",
    Status.UNIQUE: "dim",
}
SNIPPET_CHARS = 160  # evidence sentences longer than this are cut around the mention


@dataclass(frozen=True, slots=True)
class Symbols:
    """The characters a renderer adds of its own: typographic on a terminal, ASCII off one."""

    ellipsis: str
    arrow: str
    dash: str
    open_quote: str
    close_quote: str
    minus: str


TYPOGRAPHIC = Symbols("…", "←", "—", "“", "”", "−")
ASCII = Symbols("...", "<-", "-", '"', '"', "-")


def is_plain(console: Console) -> bool:
    """Off a terminal, or without colour, a renderer draws in plain ASCII."""
    return console.no_color or not console.is_terminal


def symbols(console: Console) -> Symbols:
    return ASCII if is_plain(console) else TYPOGRAPHIC


def short_names(ids: Sequence[str]) -> dict[str, str]:
    """Short, unique names for sources: the id's first part when that is unique
    ("017_4be1c0d2" → "017"), otherwise the whole id."""
    firsts = {i: i.split("_")[0] if "_" in i else i for i in ids}
    counts: dict[str, int] = {}
    for name in firsts.values():
        counts[name] = counts.get(name, 0) + 1
    return {i: (firsts[i] if counts[firsts[i]] == 1 and len(firsts[i]) >= 2 else i) for i in ids}


def snippet(sentence: str, start: int, end: int, *, width: int = SNIPPET_CHARS, ellipsis: str = "…") -> Text:
    """The sentence with the mention in bold, cut to ``width`` characters around it."""
    lo, hi = max(start, 0), min(end, len(sentence))
    if len(sentence) > width:
        room = max(width - (hi - lo), 20) // 2
        cut_lo, cut_hi = max(0, lo - room), min(len(sentence), hi + room)
    else:
        cut_lo, cut_hi = 0, len(sentence)
    text = Text(ellipsis if cut_lo > 0 else "")
    text.append(printable(sentence[cut_lo:lo]))
    text.append(printable(sentence[lo:hi]), style="bold")
    text.append(printable(sentence[hi:cut_hi]))
    if cut_hi < len(sentence):
        text.append(ellipsis)
    return text


class _Evidence:
    def __init__(self, report: Report, marks: Symbols) -> None:
        self.documents: dict[str, Document] = {d.source.id: d for d in report.documents}
        self.names = {i: printable(n) for i, n in short_names([d.source.id for d in report.documents]).items()}
        self.marks = marks

    def sentence_of(self, mention: Mention) -> Text:
        document = self.documents.get(mention.source_id)
        if document is None or not 0 <= mention.sentence_index < len(document.sentences):
            return Text(printable(mention.text))
        sentence = document.sentences[mention.sentence_index]
        return snippet(
            sentence.text, mention.start - sentence.start, mention.end - sentence.start, ellipsis=self.marks.ellipsis
        )

    def sources(self, ids: Iterable[str]) -> str:
        return ", ".join(self.names.get(i, printable(i)) for i in ids)


def _value_cell(verdict: Verdict, evidence: _Evidence) -> Text:
    if verdict.status is Status.CONFLICTING and len(verdict.groups) > 1 and verdict.claim.kind is not Kind.QUOTE:
        cell = Text()
        for n, (value, sources) in enumerate(shown_values(verdict)):
            if n:
                cell.append("\n")
            cell.append(printable(value), style="bold")
            cell.append(f"  {evidence.marks.arrow} {evidence.sources(sources)}")
        return cell
    if verdict.claim.kind is Kind.QUOTE:
        words = verdict.claim.mentions[0].text.split()
        speaker = next((m.speaker for m in verdict.claim.mentions if m.speaker), None)
        marks = evidence.marks
        quoted = printable(" ".join(words[:14]))
        text = Text(marks.open_quote + quoted + (marks.ellipsis if len(words) > 14 else "") + marks.close_quote)
        if speaker:
            text.append(f"\n{marks.dash} {printable(speaker)}", style="italic")
        return text
    return Text(printable(shown_values(verdict)[0][0]))


def _sources_cell(verdict: Verdict, evidence: _Evidence) -> Text:
    cell = Text(evidence.sources(verdict.sources))
    if len(verdict.sources) > 1 and verdict.independent_sources < len(verdict.sources):
        cell.append(f"\n{verdict.independent_sources} independent", style="yellow")
    hedged = {m.source_id for m in verdict.claim.mentions if m.hedged}
    firm = {m.source_id for m in verdict.claim.mentions if not m.hedged}
    if hedged - firm and len(verdict.sources) > 1:
        cell.append(f"\nconfirmed by {len(firm)}, expected by {len(hedged - firm)}", style="cyan")
    return cell


def _evidence_cell(verdict: Verdict, evidence: _Evidence, limit: int) -> Group:
    lines: list[Text] = []
    by_mention = {(d.source_id, d.start): d for d in verdict.differences}
    shown, hidden = evidence_mentions(verdict, limit)
    for mention in shown:
        line = Text(f"[{evidence.sources([mention.source_id])}] ", style="cyan")
        line.append_text(evidence.sentence_of(mention))
        difference = by_mention.get((mention.source_id, mention.start))
        if difference is not None and (
            difference.kind in ("altered", "misattributed") or difference.added or difference.dropped
        ):
            note = "worded differently" if difference.kind == "cosmetic" else difference.kind
            if difference.dropped:
                note += f" {evidence.marks.minus}" + " ".join(difference.dropped)
            if difference.added:
                note += " +" + " ".join(difference.added)
            if difference.kind == "misattributed":
                note += f" (speaker: {mention.speaker})"
            line.append(f"  [{printable(note)}]", style="yellow" if difference.kind == "cosmetic" else "red")
        lines.append(line)
    if hidden > 0:
        lines.append(Text(f"{evidence.marks.ellipsis} and {hidden} more", style="dim"))
    return Group(*lines)


def headline(report: Report, dash: str) -> str:
    """All the counts, whatever is shown, then what is shown when a filter left claims out:
    "5 sources, 31 claims - 0 conflicting, 12 corroborated, 19 unique; 12 shown"."""
    line = (
        f"{len(report.documents)} sources, {report.count_all()} claims {dash} "
        f"{report.count_all(Status.CONFLICTING)} conflicting, {report.count_all(Status.CORROBORATED)} corroborated, "
        f"{report.count_all(Status.UNIQUE)} unique"
    )
    if report.omitted:
        line += f"; {len(report.verdicts)} shown"
    return line


def _tables(
    verdicts_shown: list[Verdict], console: Console, evidence: _Evidence, ids: dict[str, str], evidence_lines: int, plain: bool
) -> None:
    """One table per status, conflicts first."""
    for status in Status:
        verdicts = [v for v in verdicts_shown if v.status is status]
        if not verdicts:
            continue
        table = Table(
            title=f"{status.value} ({len(verdicts)})",
            title_style=STATUS_STYLE[status],
            title_justify="left",
            box=box.ASCII if plain else box.ROUNDED,
            show_lines=True,
            expand=True,
        )
        table.add_column("kind", no_wrap=True)
        table.add_column("value", ratio=2)
        table.add_column("sources", ratio=2)
        table.add_column("evidence", ratio=6)
        for verdict in verdicts:
            kind = Text(verdict.claim.kind.value, style=STATUS_STYLE[status])
            if verdict.disagreement:
                kind.append(f"\n{verdict.disagreement}", style=STATUS_STYLE[status])
            kind.append(f"\n{ids[verdict.claim.id]}", style="dim")
            table.add_row(
                kind,
                _value_cell(verdict, evidence),
                _sources_cell(verdict, evidence),
                _evidence_cell(verdict, evidence, evidence_lines),
            )
        console.print(table)


def render(report: Report, console: Console, *, evidence_lines: int = 4) -> None:
    """Print the report: a header, then one table per status, conflicts first."""
    plain = is_plain(console)
    marks = symbols(console)
    ids = short_ids(report)
    evidence = _Evidence(report, marks)
    header = Text("claimcheck: ", style="bold")
    header.append(headline(report, marks.dash))
    console.print(header)
    for document in report.documents:
        source = document.source
        line = Text(f"  [{evidence.names[source.id]}] ", style="cyan")
        line.append(printable(source.path))
        if source.published:
            fallback = " (reference date)" if source.published_from == "reference-date" else ""
            line.append(f"  {printable(source.published)}{fallback}", style="dim")
        if source.title:
            line.append(f"  {printable(source.title)}", style="italic")
        if plain and line.cell_len > console.width:  # rich's own ellipsis is "…"
            line.truncate(console.width - len(marks.ellipsis))
            line.append(marks.ellipsis)
        console.print(line, overflow="ellipsis", no_wrap=True)
    copies = [o for o in report.origins if len(o.sources) > 1]
    for origin in copies:
        console.print(Text(f"  copies of one origin: {evidence.sources(origin.sources)}", style="yellow"))
    # A folder of several stories prints one section per story, each with its tables.
    sections: list[tuple[Story | None, list[Verdict]]] = [
        (s, [v for v in report.verdicts if v.claim.story == s.id]) for s in report.stories
    ]
    if len(report.stories) <= 1:
        sections = [(None, list(report.verdicts))]
    for story, story_verdicts in sections:
        if story is not None and story_verdicts:
            title = Text(f"\nstory {story.id}: ", style="bold")
            title.append(printable(story.title), style="bold italic")
            title.append(f"  ({evidence.sources(story.sources)})", style="dim")
            console.print(title)
        _tables(story_verdicts, console, evidence, ids, evidence_lines, plain)
    if not report.verdicts:
        console.print("No claims shown." if report.omitted else "No claims found.")
