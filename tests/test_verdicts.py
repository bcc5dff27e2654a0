"""Match and judge on hand-made mentions: the same fact across paraphrase, different facts apart."""

from __future__ import annotations

import dataclasses

from claimcheck import judge, lang, match
from claimcheck.extract import with_fact_key
from claimcheck.model import Document, Kind, Mention, Origin, Region, Role, Source, Status, Verdict
from claimcheck.segment import segment
from claimcheck.settings import Settings

SETTINGS = Settings()


def _doc(source_id: str, text: str) -> Document:
    source = Source(source_id, f"{source_id}.txt", text, regions=(Region(0, len(text), Role.BODY),))
    (parsed,) = lang.parse([Document(source, segment(source))], settings=SETTINGS)
    return parsed


def _mention(
    doc: Document, kind: Kind, surface: str, value: str, nth: int = 0, **extra: object
) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.source.text.index(surface, start + 1)
    sentence = next(s for s in doc.sentences if s.start <= start < s.end)
    mention = Mention(
        kind, value, surface, start, start + len(surface), doc.source.id, sentence.index, **extra
    )  # type: ignore[arg-type]
    # The fact key, read from the parse as extraction reads it.
    parse = next((p for p in doc.parses if p.sentence_index == sentence.index), None)
    return with_fact_key(mention, parse, doc.source.text)


def _verdicts(
    docs: list[Document], mentions: list[Mention], origins: tuple[Origin, ...] = ()
) -> tuple[Verdict, ...]:
    claims = match.match(docs, mentions, settings=SETTINGS)
    return judge.judge(claims, origins, settings=SETTINGS)


def _status_of(verdicts: tuple[Verdict, ...], source: str, surface: str) -> Verdict:
    return next(
        v
        for v in verdicts
        if any(m.source_id == source and m.text == surface for m in v.claim.mentions)
    )


def test_paraphrased_dates_of_one_meeting_are_corroborated() -> None:
    a = _doc("a", "Trade ministers will meet in Lisbon on March 12 to discuss tariffs.")
    b = _doc(
        "b", "The tariff talks between the ministers are scheduled for 12 March, officials said."
    )
    c = _doc(
        "c",
        "Ministers are set to hold trade talks on Tuesday, March 12, in the Portuguese capital.",
    )
    mentions = [
        _mention(a, Kind.DATE, "March 12", "2024-03-12"),
        _mention(b, Kind.DATE, "12 March", "2024-03-12"),
        _mention(c, Kind.DATE, "Tuesday, March 12", "2024-03-12"),
    ]
    verdicts = _verdicts([a, b, c], mentions)
    assert len(verdicts) == 1
    assert verdicts[0].status is Status.CORROBORATED
    assert verdicts[0].sources == ("a", "b", "c")


def test_another_day_for_the_same_meeting_conflicts() -> None:
    a = _doc(
        "a",
        "Trade ministers from the European Union will meet in Lisbon on March 12 to discuss tariffs.",
    )
    b = _doc(
        "b",
        "Trade ministers from the European Union will meet in Lisbon on March 13 to discuss tariffs, diplomats said.",
    )
    verdicts = _verdicts(
        [a, b],
        [
            _mention(a, Kind.DATE, "March 12", "2024-03-12"),
            _mention(b, Kind.DATE, "March 13", "2024-03-13"),
        ],
    )
    assert [v.status for v in verdicts] == [Status.CONFLICTING]
    assert {g.value for g in verdicts[0].groups} == {"2024-03-12", "2024-03-13"}
    assert verdicts[0].claim.matches and verdicts[0].claim.matches[0].scorer == "matcher"


def test_a_source_that_names_both_dates_describes_two_events() -> None:
    text_a = "The ministers meet on March 12, followed by a leaders' summit on March 13."
    text_b = "The leaders' summit will be held on March 13, a day after the ministers meet."
    a, b = _doc("a", text_a), _doc("b", text_b)
    mentions = [
        _mention(a, Kind.DATE, "March 12", "2024-03-12"),
        _mention(a, Kind.DATE, "March 13", "2024-03-13"),
        _mention(b, Kind.DATE, "March 13", "2024-03-13"),
    ]
    verdicts = _verdicts([a, b], mentions)
    assert all(v.status is not Status.CONFLICTING for v in verdicts)
    assert _status_of(verdicts, "b", "March 13").status is Status.CORROBORATED


def test_a_bare_month_does_not_chain_two_days_into_one_fact() -> None:
    a = _doc("a", "The talks will take place in January in Vienna.")
    b = _doc("b", "The first round of talks will take place on January 10 in Vienna.")
    c = _doc("c", "A second round of talks will take place on January 24 in Vienna.")
    mentions = [
        _mention(a, Kind.DATE, "January", "2024-01"),
        _mention(b, Kind.DATE, "January 10", "2024-01-10"),
        _mention(c, Kind.DATE, "January 24", "2024-01-24"),
    ]
    verdicts = _verdicts([a, b, c], mentions)
    for verdict in verdicts:
        assert len({g.value for g in verdict.groups}) == 1 or verdict.status is Status.CONFLICTING
        assert not (
            {"2024-01-10", "2024-01-24"} <= {m.value for m in verdict.claim.mentions}
            and verdict.status is not Status.CONFLICTING
        )


def test_a_claim_seen_in_one_source_is_never_corroborated() -> None:
    a = _doc(
        "a",
        "Officials said 1,200 people were evacuated. Later, 1,200 people were evacuated again, officials said.",
    )
    mentions = [
        _mention(a, Kind.NUMBER, "1,200 people", "1200", 0, unit="person"),
        _mention(a, Kind.NUMBER, "1,200 people", "1200", 1, unit="person"),
    ]
    verdicts = _verdicts([a], mentions)
    assert all(v.status is Status.UNIQUE for v in verdicts)


def test_counts_of_different_units_never_meet() -> None:
    a = _doc("a", "The earthquake destroyed 1,200 homes in the province.")
    b = _doc("b", "The earthquake killed 1,400 people in the province.")
    mentions = [
        _mention(a, Kind.NUMBER, "1,200 homes", "1200", unit="home"),
        _mention(b, Kind.NUMBER, "1,400 people", "1400", unit="person"),
    ]
    assert [v.status for v in _verdicts([a, b], mentions)] == [Status.UNIQUE, Status.UNIQUE]


def test_hedged_and_exact_counts_agree_and_different_counts_conflict() -> None:
    a = _doc("a", "Rescuers evacuated about 12,000 residents from the flooded district on Sunday.")
    b = _doc("b", "Rescuers evacuated 12,000 residents from the flooded district on Sunday.")
    c = _doc(
        "c",
        "Rescuers evacuated 21,000 residents from the flooded district on Sunday, the agency said.",
    )
    mentions = [
        _mention(
            a, Kind.NUMBER, "about 12,000 residents", "12000", unit="resident", qualifier="about"
        ),
        _mention(b, Kind.NUMBER, "12,000 residents", "12000", unit="resident"),
        _mention(c, Kind.NUMBER, "21,000 residents", "21000", unit="resident"),
    ]
    verdicts = _verdicts([a, b, c], mentions)
    assert [v.status for v in verdicts] == [Status.CONFLICTING]
    groups = {g.value: g.sources for g in verdicts[0].groups}
    assert groups == {"12000": ("a", "b"), "21000": ("c",)}


def _quote(doc: Document, surface: str, speaker: str | None) -> Mention:
    value = " ".join("".join(ch for ch in surface.lower() if ch.isalnum() or ch.isspace()).split())
    return _mention(doc, Kind.QUOTE, surface, value, speaker=speaker)


def test_quotation_integrity_verbatim_partial_altered() -> None:
    a = _doc(
        "a",
        '"We will not sign a deal that abandons our fishermen," the minister, Ana Duarte, said.',
    )
    b = _doc("b", 'Duarte said Portugal would "not sign a deal that abandons our fishermen".')
    c = _doc("c", '"We will never sign a deal that abandons our fishermen," Ana Duarte said.')
    mentions = [
        _quote(a, "We will not sign a deal that abandons our fishermen,", "Ana Duarte"),
        _quote(b, "not sign a deal that abandons our fishermen", "Ana Duarte"),
        _quote(c, "We will never sign a deal that abandons our fishermen,", "Ana Duarte"),
    ]
    verdicts = _verdicts([a, b, c], mentions)
    assert [v.status for v in verdicts] == [Status.CONFLICTING]
    integrity = {d.source_id: d for d in verdicts[0].differences}
    assert integrity["a"].kind == "verbatim"
    assert integrity["b"].kind == "verbatim"
    assert integrity["c"].kind == "altered"
    assert integrity["c"].added == ("never",) and integrity["c"].dropped == ("not",)


def test_a_word_another_transcript_swaps_corroborates_and_is_shown() -> None:
    a = _doc("a", '"We will rebuild the harbour wall before the winter storms return to the coast," Ana Duarte said.')
    b = _doc("b", '"We will rebuild the harbour wall before the winter gales return to the coast," Duarte said.')
    mentions = [
        _quote(a, "We will rebuild the harbour wall before the winter storms return to the coast,", "Ana Duarte"),
        _quote(b, "We will rebuild the harbour wall before the winter gales return to the coast,", "Ana Duarte"),
    ]
    verdicts = _verdicts([a, b], mentions)
    assert [v.status for v in verdicts] == [Status.CORROBORATED]
    integrity = {d.source_id: d for d in verdicts[0].differences}
    changed = integrity["b"] if integrity["a"].kind == "verbatim" else integrity["a"]
    assert changed.kind == "cosmetic"
    assert {changed.added, changed.dropped} == {("gales",), ("storms",)}


def test_two_transcripts_of_one_remark_in_other_words_corroborate_and_show_the_words() -> None:
    # two outlets' translations of one remark: tense, a synonym, a word more
    a = _doc("a", '"I came out of the kitchen and I heard the shots. They could not run," the cook said.')
    b = _doc("b", '"I come out of the pantry and I hear the shots. They can\'t run away," the cook said.')
    mentions = [
        _quote(a, "I came out of the kitchen and I heard the shots. They could not run,", "cook"),
        _quote(b, "I come out of the pantry and I hear the shots. They can't run away,", "cook"),
    ]
    verdicts = _verdicts([a, b], mentions)
    assert [v.status for v in verdicts] == [Status.CORROBORATED]
    changed = next(d for d in verdicts[0].differences if d.kind != "verbatim")
    assert changed.kind == "cosmetic"
    assert {"kitchen", "pantry"} <= {*changed.added, *changed.dropped}


def test_another_figure_name_or_person_in_one_remark_alters_it() -> None:
    original = "We have rebuilt 40 homes in the valley since the flood and Ana Duarte has led the work,"
    for other in (
        "We have rebuilt 45 homes in the valley since the flood and Ana Duarte has led the work,",
        "We have rebuilt 40 homes in the valley since the flood and Tomas Weber has led the work,",
        "I have rebuilt 40 homes in the valley since the flood and Ana Duarte has led the work,",
        "We have not rebuilt 40 homes in the valley since the flood and Ana Duarte has led the work,",
    ):
        a = _doc("a", f'"{original}" the mayor said.')
        b = _doc("b", f'"{other}" the mayor said.')
        mentions = [_quote(a, original, "mayor"), _quote(b, other, "mayor")]
        assert judge.values.changes_meaning(mentions[0], mentions[1]), other
        verdicts = _verdicts([a, b], mentions)
        assert [(v.status, v.disagreement) for v in verdicts] == [(Status.CONFLICTING, "altered")], other


def test_what_changes_the_meaning_of_a_remark_and_what_does_not() -> None:
    def changes(one: str, other: str) -> bool:
        a, b = _doc("a", f'"{one}," she said.'), _doc("b", f'"{other}," she said.')
        return judge.values.changes_meaning(_quote(a, one, None), _quote(b, other, None))

    # the tense of "to be", a moved negation, a word in capitals: the same remark
    assert not changes("It is hard to rebuild the homes in the valley", "It was hard to rebuild the homes in the valley")
    assert not changes("Never have we seen water rise so fast in the valley", "We have never seen water rise so fast in the valley")
    assert not changes("We have REBUILT the homes in the valley since the flood", "We have rebuilt the houses in the valley since the flood")
    # a negation gone or another name after a title: another remark
    assert changes("We have nothing left in the valley since the flood", "We have everything left in the valley since the flood")
    assert changes("We thank Mr. Roe for the boats he sent to the valley", "We thank Mr. Poe for the boats he sent to the valley")


def test_the_same_words_from_two_speakers_are_misattributed() -> None:
    a = _doc(
        "a",
        '"The evidence leaves no room for doubt about the scale of the fraud," said Judge Maria Keller.',
    )
    b = _doc(
        "b",
        '"The evidence leaves no room for doubt about the scale of the fraud," prosecutor Tomas Weber said.',
    )
    mentions = [
        _quote(
            a, "The evidence leaves no room for doubt about the scale of the fraud,", "Maria Keller"
        ),
        _quote(
            b, "The evidence leaves no room for doubt about the scale of the fraud,", "Tomas Weber"
        ),
    ]
    verdicts = _verdicts([a, b], mentions)
    assert [v.status for v in verdicts] == [Status.CONFLICTING]
    assert "misattributed" in verdicts[0].rule
    # each side named, since the first mention's speaker may be the odd one out
    assert verdicts[0].summary.endswith(": a gives them to Maria Keller; b to Tomas Weber")


def test_a_fragment_too_short_for_a_statement_is_not_misattributed() -> None:
    # one outlet gives a shout to the witness who heard it, the other to the police who reported it
    a = _doc("a", 'The gunman shouted "Get out!" as he fired, a witness, Jana Holt, said.')
    b = _doc("b", 'He shouted "Get out!" before opening fire, police spokesman Karl Brandt said.')
    mentions = [_quote(a, "Get out!", "Jana Holt"), _quote(b, "Get out!", "Karl Brandt")]
    verdicts = _verdicts([a, b], mentions)
    assert [v.status for v in verdicts] == [Status.CORROBORATED]


def test_copies_of_one_origin_count_once() -> None:
    a = _doc("a", "The summit will be held in Doha on June 3.")
    b = _doc("b", "The summit will be held in Doha on June 3.")
    mentions = [
        _mention(a, Kind.VENUE, "Doha", "Doha, Qatar"),
        _mention(b, Kind.VENUE, "Doha", "Doha, Qatar"),
    ]
    verdicts = _verdicts([a, b], mentions, (Origin("a", ("a", "b")),))
    assert verdicts[0].status is Status.CORROBORATED
    assert verdicts[0].independent_sources == 1


def test_match_is_independent_of_mention_order() -> None:
    a = _doc("a", "Trade ministers will meet in Lisbon on March 12 to discuss tariffs.")
    b = _doc(
        "b", "The tariff talks between the ministers are scheduled for 13 March, officials said."
    )
    mentions = [
        _mention(a, Kind.DATE, "March 12", "2024-03-12"),
        _mention(b, Kind.DATE, "13 March", "2024-03-13"),
    ]
    forward = match.match([a, b], mentions, settings=SETTINGS)
    backward = match.match([b, a], list(reversed(mentions)), settings=SETTINGS)
    assert forward == backward
    assert dataclasses.astuple(forward[0]) == dataclasses.astuple(backward[0])


def test_two_fragments_of_one_statement_join_the_whole_quotation() -> None:
    whole = '"We will rebuild the market. Nobody who trades here will be left without a stall," the mayor, Rosa Quispe, said.'
    a = _doc("a", whole)
    b = _doc("b", 'Quispe said: "We will rebuild the market." She added that "nobody who trades here will be left without a stall".')
    mentions = [
        _quote(a, "We will rebuild the market. Nobody who trades here will be left without a stall,", "Rosa Quispe"),
        _quote(b, "We will rebuild the market.", "Rosa Quispe"),
        _quote(b, "nobody who trades here will be left without a stall", "Rosa Quispe"),
    ]
    verdicts = _verdicts([a, b], mentions)
    assert [v.status for v in verdicts] == [Status.CORROBORATED]
    assert len(verdicts[0].claim.mentions) == 3


def test_the_figure_before_a_change_does_not_contradict_the_figure_after_it() -> None:
    a = _doc("a", "The central bank lowered its main interest rate to 4.5% on Wednesday, the monetary policy council said.")
    b = _doc("b", "The monetary policy council lowered the main interest rate from 4.75% on Wednesday, the central bank said.")
    mentions = [
        _mention(a, Kind.NUMBER, "4.5%", "4.5", unit="percent"),
        _mention(b, Kind.NUMBER, "4.75%", "4.75", unit="percent"),
    ]
    assert all(v.status is not Status.CONFLICTING for v in _verdicts([a, b], mentions))
    c = _doc("c", "The central bank lowered its main interest rate to 4.25% on Wednesday, the monetary policy council said.")
    mentions.append(_mention(c, Kind.NUMBER, "4.25%", "4.25", unit="percent"))
    assert any(v.status is Status.CONFLICTING for v in _verdicts([a, b, c], mentions))


# -- what kind of disagreement (issue 10) --------------------------------------------------


def _published(docs: list[Document], days: list[str]) -> list[Document]:
    return [dataclasses.replace(d, source=dataclasses.replace(d.source, published=day)) for d, day in zip(docs, days)]


def _typed(docs: list[Document], mentions: list[Mention]) -> Verdict:
    claims = match.match(docs, mentions, settings=SETTINGS)
    published = {d.source.id: d.source.published for d in docs}
    (conflict,) = [v for v in judge.judge(claims, (), settings=SETTINGS, published=published) if v.status is Status.CONFLICTING]
    return conflict


def test_a_toll_that_rose_between_reports_is_an_update() -> None:
    a, b = _published(
        [
            _doc("a", "The earthquake killed 12 people in the mountain town, the civil protection agency said."),
            _doc("b", "The earthquake killed 19 people in the mountain town, the civil protection agency said."),
        ],
        ["2024-03-04", "2024-03-05"],
    )
    verdict = _typed([a, b], [_mention(a, Kind.NUMBER, "12", "12", unit="person"), _mention(b, Kind.NUMBER, "19", "19", unit="person")])
    assert verdict.disagreement == "update"
    assert verdict.summary.startswith("update: 19 (b, 2024-03-05) <- 12 (a, 2024-03-04)")


def test_a_share_that_moved_as_the_count_went_on_is_an_update_whichever_way_it_moved() -> None:
    a, b, c = _published(
        [
            _doc("a", "With most ballots counted, the Yes side had 54.6% of the vote, the state broadcaster said."),
            _doc("b", "With all ballots counted, the Yes side had 51.4% of the vote, the state broadcaster said."),
            _doc("c", "With all ballots counted, the Yes side had 51.6% of the vote, the state broadcaster said."),
        ],
        ["2024-03-04", "2024-03-05", "2024-03-06"],
    )
    verdict = _typed(
        [a, b, c],
        [
            _mention(a, Kind.NUMBER, "54.6%", "54.6", unit="percent"),
            _mention(b, Kind.NUMBER, "51.4%", "51.4", unit="percent"),
            _mention(c, Kind.NUMBER, "51.6%", "51.6", unit="percent"),
        ],
    )
    assert verdict.disagreement == "update"
    assert verdict.summary.startswith("update: 51.6 (c, 2024-03-06) <- 51.4 (b, 2024-03-05) <- 54.6 (a, 2024-03-04)")


def test_values_of_two_authorities_are_an_attribution() -> None:
    a, b = _published(
        [
            _doc("a", "The quake had a magnitude of 7.0, according to the geological survey."),
            _doc("b", "The quake had a magnitude of 6.6, according to the national seismology institute."),
        ],
        ["2024-03-04", "2024-03-04"],
    )
    verdict = _typed([a, b], [_mention(a, Kind.NUMBER, "7.0", "7"), _mention(b, Kind.NUMBER, "6.6", "6.6")])
    assert verdict.disagreement == "attribution"
    assert "geological survey" in verdict.summary and "seismology institute" in verdict.summary


def test_another_count_on_the_same_day_is_a_contradiction() -> None:
    a, b = _published(
        [
            _doc("a", "About 1,200 passengers were on board the two trains, the railway company said."),
            _doc("b", "About 1,600 passengers were on board the two trains, the railway company said."),
        ],
        ["2024-03-04", "2024-03-04"],
    )
    verdict = _typed([a, b], [_mention(a, Kind.NUMBER, "1,200", "1200", unit="passenger"), _mention(b, Kind.NUMBER, "1,600", "1600", unit="passenger")])
    assert verdict.disagreement == "contradiction"


def test_a_reading_revised_between_reports_is_no_update_even_in_a_deadly_clause() -> None:
    # "a magnitude 7 quake that killed 12": the fate words are the quake's, the value a reading
    a = Mention(Kind.NUMBER, "6.7", "6.7", 0, 3, source_id="a", attribute="magnitude")
    b = Mention(Kind.NUMBER, "7", "7.0", 0, 3, source_id="b", attribute="magnitude quake kill")
    c = Mention(Kind.NUMBER, "7", "7", 0, 1, source_id="c", attribute="quake kill")
    published = {"a": "2024-03-04", "b": "2024-03-07", "c": "2024-03-07"}
    assert judge.disagreement([[b, c], [a]], published) == "contradiction"
    # the same clause with counts of people is a tally that rose
    counts = [[dataclasses.replace(m, value=v, text=v) for m in g] for g, v in (([b, c], "19"), ([a], "12"))]
    assert judge.disagreement(counts, published) == "update"


def test_the_toll_of_an_event_years_before_does_not_run() -> None:
    # "the 2011 floods killed 40": a past event's toll is settled, so outlets a day apart that
    # give it differently contradict each other
    a = Mention(Kind.NUMBER, "40", "40", 0, 2, source_id="a", attribute="flood kill", time="2011")
    b = Mention(Kind.NUMBER, "46", "46", 0, 2, source_id="b", attribute="flood kill", time="2011")
    published = {"a": "2024-03-04", "b": "2024-03-05"}
    assert judge.disagreement([[b], [a]], published) == "contradiction"
    # the same tolls of this year's event, a day apart, are an update
    now = [[dataclasses.replace(m, time=None)] for m in (b, a)]
    assert judge.disagreement(now, published) == "update"
