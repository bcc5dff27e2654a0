"""`claimcheck explain`: why one claim got its verdict, step by step."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimcheck.model import Report, Verdict
from claimcheck.report.safe import printable
from claimcheck.report.table import is_plain, short_names, snippet, symbols


def render(verdict: Verdict, report: Report, console: Console) -> None:
    claim = verdict.claim
    marks = symbols(console)
    frame = box.ASCII if is_plain(console) else box.HEAVY_HEAD
    documents = {d.source.id: d for d in report.documents}
    names = short_names([d.source.id for d in report.documents])

    def say(line: str, style: str = "") -> None:
        """One line of article-derived text: never markup, never a control sequence."""
        console.print(Text(printable(line), style=style))

    say(f"claim {claim.id}  ({claim.kind.value})", style="bold")
    say(f"verdict: {verdict.status.value}")
    say(f"rule:    {verdict.rule}")
    say(f"value:   {verdict.value}")
    say(
        f"sources: {', '.join(verdict.sources)} ({verdict.independent_sources} independent origin"
        f"{'s' if verdict.independent_sources != 1 else ''})"
    )

    mentions = Table(title="mentions", title_justify="left", show_lines=True, expand=True, box=frame)
    for column, ratio in (("#", None), ("source", 1), ("value", 2), ("speaker", 1), ("hedged", None), ("sentence", 5)):
        mentions.add_column(column, ratio=ratio, no_wrap=ratio is None)
    for n, mention in enumerate(claim.mentions):
        document = documents.get(mention.source_id)
        sentence_text = Text(printable(mention.text))
        if document is not None and 0 <= mention.sentence_index < len(document.sentences):
            sentence = document.sentences[mention.sentence_index]
            sentence_text = snippet(
                sentence.text, mention.start - sentence.start, mention.end - sentence.start, width=400,
                ellipsis=marks.ellipsis,
            )
        qualified = " ".join(x for x in (mention.qualifier, mention.value, mention.unit) if x)
        if claim.kind.value == "quote" and len(qualified) > 60:
            qualified = qualified[:60] + marks.ellipsis
        mentions.add_row(
            str(n), Text(printable(names.get(mention.source_id, mention.source_id))), Text(printable(qualified)),
            Text(printable(mention.speaker or "")), "yes" if mention.hedged else "", sentence_text,
        )
    console.print(mentions)

    if claim.matches:
        matches = Table(title="why these mentions are one fact", title_justify="left", expand=True, box=frame)
        for column in ("pair", "scorer", "score", "shared context"):
            matches.add_column(column)
        for match in claim.matches:
            matches.add_row(
                f"{match.left} ~ {match.right}", match.scorer, f"{match.score:g}", Text(printable(" ".join(match.shared)))
            )
        console.print(matches)
    else:
        say("no other mention matched this one")

    if verdict.groups:
        console.print(Text("values compared", style="bold"))
        for group in verdict.groups:
            say(f"  {group.value}  {marks.arrow} {', '.join(group.sources)}")
    for difference in verdict.differences:
        if difference.kind in ("verbatim", "cosmetic") and not difference.added and not difference.dropped:
            continue
        line = f"  {difference.source_id}: {difference.kind}"
        if difference.kind == "misattributed":
            speaker = next((m.speaker for m in claim.mentions if (m.source_id, m.start) == (difference.source_id, difference.start)), None)
            line += f" (gives the words to {speaker})"
        if difference.dropped:
            line += f"; dropped: {' '.join(difference.dropped)}"
        if difference.added:
            line += f"; added: {' '.join(difference.added)}"
        say(line)
