"""Whole-pipeline cases of one fact told several ways, and of different facts told alike.

Each case is a few short articles in news style; the assertion is on the verdict a reader of
the report would see.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import claimcheck
from claimcheck import match, pipeline
from claimcheck.model import Kind, Report, Status, Verdict
from claimcheck.settings import Settings


def _write(tmp_path: Path, articles: dict[str, str]) -> None:
    for name, text in articles.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")


def _report(tmp_path: Path, articles: dict[str, str]) -> Report:
    _write(tmp_path, articles)
    return claimcheck.check(str(tmp_path))


def _two_quotations(tmp_path: Path, articles: dict[str, str]) -> list[match._Item]:
    """The matching items of the two quotations of two articles."""
    _write(tmp_path, articles)
    documents, mentions = pipeline.read_all([str(tmp_path)], Settings())
    return match.items_by_kind(documents, mentions)[Kind.QUOTE]


def _verdicts_with(report: Report, kind: Kind, source: str, text: str) -> list[Verdict]:
    return [
        v
        for v in report.verdicts
        if v.claim.kind is kind
        and any(m.source_id == source and m.text == text for m in v.claim.mentions)
    ]


def _only(report: Report, kind: Kind, source: str, text: str) -> Verdict:
    found = _verdicts_with(report, kind, source, text)
    assert len(found) == 1, found
    return found[0]


def _sources(verdict: Verdict) -> set[str]:
    return {m.source_id for m in verdict.claim.mentions}


def test_figures_dated_to_different_months_are_different_facts(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "a": "Published: 2025-10-08\n\nAnnual inflation slowed to 2.9 percent in September "
            "from 3.1 percent in August, according to preliminary data.\n",
            "b": "Published: 2025-10-08\n\nConsumer prices rose 2.9% year-on-year in September, "
            "down from 3.1% in August, the statistics office said.\n",
            "c": "Published: 2025-10-08\n\nThe central bank cut its main rate on Wednesday, citing "
            "a sharp fall in inflation, which eased to 3.1% in September.\n",
        },
    )
    september = _only(report, Kind.NUMBER, "c", "3.1%")
    assert september.status is Status.CONFLICTING
    assert {m.source_id for m in september.claim.mentions if m.value == "2.9"} == {"a", "b"}
    august = _only(report, Kind.NUMBER, "a", "3.1 percent")
    assert august.status is Status.CORROBORATED
    assert _sources(august) == {"a", "b"}


def test_transposed_digits_of_one_amount_conflict(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "a": "Published: 2024-05-24\n\nThe court sentenced the former official to 15 years "
            "for corruption linked to an R410 million contract for protective equipment.\n",
            "b": "Published: 2024-05-24\n\nThe former official was jailed for 15 years for "
            "corruption linked to the R410 million contract for protective equipment.\n",
            "c": "Published: 2024-05-24\n\nThe pair were convicted of corruption linked to the "
            "R401-million contract for protective equipment.\n",
        },
    )
    verdict = _only(report, Kind.NUMBER, "c", "R401-million")
    assert verdict.status is Status.CONFLICTING
    assert _sources(verdict) == {"a", "b", "c"}


@pytest.mark.xfail(
    strict=False,
    reason="the Luanda/Bangui signing pair sits at the differ model's 0.25 cut and flips with refits "
    "(over it after the refits on 108 and 123 sets, under it after 111 and 144): real coverage's differing venue "
    "pairs are mostly two places of one story",
)
def test_an_earlier_event_in_the_same_place_does_not_excuse_a_contradiction(
    tmp_path: Path,
) -> None:
    signed_in_capital = (
        "The government and the rebel front signed a ceasefire in Bangui on Wednesday, after "
        "mediated talks in Luanda that ended on Tuesday.\n\nA previous ceasefire between the "
        "two sides, signed in Luanda in March 2023, collapsed within weeks.\n"
    )
    report = _report(
        tmp_path,
        {
            "a": "Published: 2024-09-12\n\n" + signed_in_capital,
            "b": "Published: 2024-09-12\n\n" + signed_in_capital.replace("two sides", "parties"),
            "c": "Published: 2024-09-12\n\nThe government and the main rebel front have signed a "
            "ceasefire at a ceremony in Luanda, the Angolan capital.\n",
        },
    )
    verdict = _only(report, Kind.VENUE, "c", "Luanda")
    assert verdict.status is Status.CONFLICTING
    assert {m.source_id for m in verdict.claim.mentions if m.value.startswith("Bangui")} == {
        "a",
        "b",
    }


def test_an_undated_recollection_meets_its_dated_telling(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "a": "Published: 2025-03-11\n\nIt was the deadliest quake since April 2016, when a "
            "magnitude 7.8 quake on the Pacific coast killed about 670 people.\n",
            "b": "Published: 2025-03-11\n\nThat disaster, in April 2016, was a magnitude 7.8 "
            "earthquake on the Pacific coast that killed some 670 people.\n",
        },
    )
    verdict = _only(report, Kind.NUMBER, "a", "7.8")
    assert verdict.status is Status.CORROBORATED
    assert _sources(verdict) == {"a", "b"}


def test_counts_of_different_fates_are_different_facts(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "a": "Published: 2025-05-20\n\nEight people were killed and about 12,000 people forced "
            "from their homes after a dyke burst, as rescuers in boats searched flooded streets "
            "for two people still missing.\n",
            "b": "Published: 2025-05-20\n\nRescuers in boats searched flooded streets on Tuesday, a "
            "day after the dyke gave way, killing eight people.\n",
        },
    )
    missing = _only(report, Kind.NUMBER, "a", "two people")
    assert missing.status is Status.UNIQUE
    killed = _only(report, Kind.NUMBER, "b", "eight people")
    assert killed.status is not Status.CONFLICTING


def test_a_running_count_on_a_later_day_is_an_update_not_a_contradiction(
    tmp_path: Path,
) -> None:
    night_one = (
        "About 1,100 people spent the night in schools and sports halls turned into shelters.\n"
    )
    report = _report(
        tmp_path,
        {
            "a": "Published: 2025-05-20\n\n" + night_one,
            "b": "Published: 2025-05-20\n\n" + night_one.replace("About", "Some"),
            "c": "Published: 2025-05-23\n\nAbout 400 people are still sleeping in schools and "
            "sports halls turned into shelters.\n",
        },
    )
    later = _only(report, Kind.NUMBER, "c", "About 400 people")
    first = _only(report, Kind.NUMBER, "a", "About 1,100 people")
    assert first.status is not Status.UNIQUE
    if later.status is Status.CONFLICTING:  # one running figure: its update, not a contradiction
        assert later.disagreement == "update"


@pytest.mark.xfail(
    strict=False,
    reason="the Luanda/Bangui signing pair sits at the differ model's 0.25 cut and flips with refits "
    "(over it after the refits on 108 and 123 sets, under it after 111 and 144): real coverage's differing venue "
    "pairs are mostly two places of one story",
)
def test_a_mention_goes_with_the_fact_it_words_not_a_weaker_neighbour(tmp_path: Path) -> None:
    wire = (
        "The government and the rebel front signed a ceasefire in Bangui on Wednesday, after "
        "mediated talks in Luanda that ended on Tuesday.\n\nThe agreement was reached after "
        "five days of talks in Luanda, the Angolan capital.\n"
    )
    report = _report(
        tmp_path,
        {
            "a": "Published: 2024-09-12\n\n" + wire,
            "b": "Published: 2024-09-12\n\n" + wire.replace("rebel front", "rebels"),
            "c": "Published: 2024-09-12\n\nThe government and the rebel front have signed a "
            "ceasefire at a ceremony in Luanda, the Angolan capital.\n\nThe deal followed five "
            "days of talks in Luanda.\n",
        },
    )
    signing, talks = sorted(
        _verdicts_with(report, Kind.VENUE, "c", "Luanda"), key=lambda v: v.status.value
    )
    assert signing.status is Status.CONFLICTING
    assert {m.source_id for m in signing.claim.mentions if m.value.startswith("Bangui")} == {
        "a",
        "b",
    }
    assert talks.status is Status.CORROBORATED
    assert _sources(talks) == {"a", "b", "c"}


@pytest.mark.xfail(
    strict=True,
    reason="the fitted matcher joins c's Tuesday meeting to the Tuesday county meeting (equal values) "
    "rather than to the Monday meeting it words; needs the fact key (what the date anchors)",
)
def test_one_outlet_telling_two_things_of_one_day_keeps_them_apart(tmp_path: Path) -> None:
    county = (
        "\n\nPrime Minister Dan Moraru chaired a meeting of the county emergency committee in "
        "the city on Tuesday.\n"
    )
    wire = (
        "The dyke burst before dawn on Monday and flooded the riverside district.\n\nInterior "
        "Minister Ion Popa chaired an emergency meeting of the national committee in Bucharest "
        "on Monday evening.\n" + county
    )
    report = _report(
        tmp_path,
        {
            "a": "Published: 2025-05-20\n\n" + wire,
            "b": "Published: 2025-05-20\n\n" + wire.replace("before dawn", "early"),
            "c": "Published: 2025-05-21\n\nThe dyke burst early on Monday and flooded the "
            "riverside district.\n\nOn Tuesday, Interior Minister Ion Popa chaired an emergency "
            "meeting of the national committee in Bucharest.\n" + county,
        },
    )
    meeting, county_meeting = sorted(
        _verdicts_with(report, Kind.DATE, "c", "Tuesday"), key=lambda v: v.status.value
    )
    assert meeting.status is Status.CONFLICTING
    assert county_meeting.status is Status.CORROBORATED
    burst = _only(report, Kind.DATE, "c", "Monday")
    assert burst.status is Status.CORROBORATED
    assert burst.claim.id != meeting.claim.id


@pytest.mark.xfail(
    strict=False,
    reason="the pair sits at the differ cut (0.235 on 52 sets, over it on 94, under it on 97): the shared "
    "hour (dated_alike) against the fact keys' apart attributes ('ceasefire take effect' / 'gun fall'); the "
    "keys do not know a truce and silent guns are one event, so each refit may flip it",
)
def test_the_same_hour_on_another_day_is_a_contradiction(tmp_path: Path) -> None:
    wire = "Under the deal, the ceasefire takes effect at midnight on Sunday.\n"
    report = _report(
        tmp_path,
        {
            "a": "Published: 2024-09-05\n\n" + wire,
            "b": "Published: 2024-09-05\n\nThe truce comes into force at midnight on Sunday.\n",
            "c": "Published: 2024-09-05\n\nAccording to the agreement, the guns must fall silent "
            "from midnight on Saturday.\n",
        },
    )
    verdict = _only(report, Kind.DATE, "c", "Saturday")
    assert verdict.status is Status.CONFLICTING
    assert _sources(verdict) == {"a", "b", "c"}


def test_a_written_date_repeated_in_other_words_is_one_fact(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "a": "Published: 2021-12-28\n\nThe two sides will hold security talks on January 10."
            "\n\nA spokesperson told reporters that the delegations would meet in Geneva on "
            "January 10, before a NATO session.\n",
            "b": "Published: 2021-12-28\n\nThe delegations of the two sides would meet in Geneva "
            "for security talks on Jan. 10, a spokesperson told reporters.\n",
        },
    )
    [verdict] = [v for v in report.verdicts if v.claim.kind is Kind.DATE and v.value == "2022-01-10"]
    assert verdict.status is Status.CORROBORATED
    assert len([m for m in verdict.claim.mentions if m.source_id == "a"]) == 2


# The first day's report of a capsizing, which the next day's reports update.
FERRY_FIRST_DAY = "At least 12 people died when the ferry capsized in heavy seas on Sunday night.\n"


def test_a_rising_toll_on_a_later_day_is_an_update(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "a": "Published: 2025-10-20\n\n" + FERRY_FIRST_DAY,
            "b": "Published: 2025-10-20\n\n" + FERRY_FIRST_DAY.replace("At least", "Some"),
            "c": "Published: 2025-10-21\n\nDivers recovered seven bodies on Tuesday, raising the "
            "death toll from the capsizing in heavy seas to 19 people.\n",
        },
    )
    later = _only(report, Kind.NUMBER, "c", "19 people")
    assert later.status is Status.CONFLICTING
    assert later.disagreement == "update"


def test_an_outlet_s_earlier_figure_of_a_running_toll_joins_the_toll(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "a": "Published: 2025-10-20\n\n" + FERRY_FIRST_DAY,
            "b": "Published: 2025-10-21\n\n" + FERRY_FIRST_DAY.replace("At least 12", "Nineteen"),
            "c": "Published: 2025-10-21\n\nNineteen people have died after the ferry capsized in "
            "heavy seas on Sunday night, up from an earlier toll of 12.\n",
        },
    )
    # one running figure, which outlet c gives twice: the toll it replaces, and the toll now
    later = _only(report, Kind.NUMBER, "b", "Nineteen people")
    assert later.status is Status.CONFLICTING
    assert later.disagreement == "update"
    assert {("a", "At least 12 people"), ("c", "12"), ("c", "Nineteen people")} <= {
        (m.source_id, m.text) for m in later.claim.mentions
    }


# Issue 12, bug 9: a claim's id says which fact it is, not which file came first.
def test_claim_ids_do_not_depend_on_file_names(tmp_path: Path) -> None:
    from tests.conftest import SEEDS

    renames = {}
    for n, path in enumerate(sorted(SEEDS.iterdir())):
        (tmp_path / f"{9 - n}_renamed.txt").write_bytes(path.read_bytes())
        renames[f"{9 - n}_renamed"] = path.stem

    def by_mentions(report: Report) -> dict[frozenset[tuple[str, int, int]], str]:
        return {
            frozenset((renames.get(m.source_id, m.source_id), m.start, m.end) for m in v.claim.mentions): v.claim.id
            for v in report.verdicts
        }

    renamed = by_mentions(claimcheck.check([str(tmp_path)], kinds=["date", "quote", "number"]))
    original = by_mentions(claimcheck.check([str(SEEDS)], kinds=["date", "quote", "number"]))
    same = set(renamed) & set(original)  # (file names can still tip a close call in matching)
    assert len(same) >= len(original) - 2
    assert {renamed[k] for k in same} == {original[k] for k in same}


def test_adding_an_unrelated_article_changes_no_existing_id(tmp_path: Path) -> None:
    from tests.conftest import FIXTURES, SEEDS

    before = claimcheck.check([str(SEEDS)], kinds=["date", "quote", "number"])
    unrelated = tmp_path / "0-unrelated.txt"  # its id sorts before every seed's
    unrelated.write_bytes((FIXTURES / "trial" / "articles" / "c_news24.txt").read_bytes())
    after = claimcheck.check([str(SEEDS), str(unrelated)], kinds=["date", "quote", "number"])
    unchanged = {v.claim.id for v in after.verdicts if all(m.source_id != "0-unrelated" for m in v.claim.mentions)}
    assert {v.claim.id for v in before.verdicts} == unchanged


def test_claim_ids_are_unique_in_every_fixture_set() -> None:
    from tests.conftest import FIXTURES, set_report

    # the session's one run of each set (the golden files and the floor read it too)
    for set_dir in sorted(articles.parent for articles in FIXTURES.glob("*/articles")):
        ids = [v.claim.id for v in set_report(set_dir).verdicts]
        assert len(ids) == len(set(ids)), set_dir


def test_a_wire_copy_that_sorts_first_changes_no_id(tmp_path: Path) -> None:
    from tests.conftest import SEEDS

    first = sorted(SEEDS.iterdir())[0]
    copy = tmp_path / "0-copy.txt"  # joins every claim of `first`, and its id sorts before it
    copy.write_bytes(first.read_bytes())
    before = claimcheck.check([str(SEEDS)])
    after = claimcheck.check([str(SEEDS), str(copy)])
    # A copy counts once in story grouping too: its places are not twice as many articles'.
    assert len(before.stories) == len(after.stories)
    assert sorted(v.claim.id for v in before.verdicts) == sorted(v.claim.id for v in after.verdicts)


def test_ages_of_different_people_never_conflict(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "a": "Published: 2025-02-03\n\nRescuers pulled a 70-year-old man from a collapsed block "
            "in the old town on Sunday, 30 hours after the quake.\n",
            "b": "Published: 2025-02-03\n\nOne of the dead was an 86-year-old woman who drowned "
            "when the sea rose after the quake, rescuers said.\n",
            "c": "Published: 2025-02-03\n\nMarta Olsen, 41, the town's mayor, said rescuers would "
            "keep searching the old town through the night.\n",
            "d": "Published: 2025-02-03\n\nThe quake's toll rose on Sunday, rescuers said, as the "
            "search of the old town went on; Ivan Petrov, 52, was pulled out alive.\n",
        },
    )
    ages = [v for v in report.verdicts if v.claim.kind is Kind.NUMBER and v.claim.mentions[0].unit == "age"]
    assert len(ages) == 4, ages
    assert all(v.status is Status.UNIQUE for v in ages)


def test_one_person_s_age_told_two_ways_is_one_fact(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "a": "Published: 2025-02-03\n\nMarta Olsen, 41, was sworn in as mayor of the town on Monday.\n",
            "b": "Published: 2025-02-03\n\nThe 41-year-old Marta Olsen was sworn in as the town's mayor on Monday.\n",
        },
    )
    age = _only(report, Kind.NUMBER, "a", "41")
    assert age.status is Status.CORROBORATED
    assert _sources(age) == {"a", "b"}


def test_two_statements_of_one_speaker_are_never_one_altered_quotation(tmp_path: Path) -> None:
    articles = {
        "a": "Published: 2025-02-03\n\nThe deputy mayor, Lena Voss, said of the quake: \"It was like "
        "a bomb went off under the old square at night.\"\n",
        "b": "Published: 2025-02-03\n\nThe deputy mayor, Lena Voss, said of the quake: \"We will "
        "rebuild the old square, stone by stone, whatever it costs.\"\n",
    }
    a, b = _two_quotations(tmp_path, articles)
    assert match.never_one_fact(a, b) == "different statements"


def test_quotations_given_to_two_different_people_are_marked_apart(tmp_path: Path) -> None:
    articles = {
        "a": "Published: 2025-02-03\n\nA rescuer, Tomas Brenner, said: \"We do not know if they are still "
        "alive under the stones.\"\n",
        "b": "Published: 2025-02-03\n\nThe governor, Ada Lind, said: \"We do not know if they are in "
        "shock or hurt.\"\n",
    }
    a, b = _two_quotations(tmp_path, articles)
    (pair,) = list(match.pairs(Kind.QUOTE, [a, b]))
    features = dict(zip(match.FEATURES, pair.features, strict=True))
    assert features["speaker_apart"] == 1.0 and features["same_speaker"] == 0.0


def test_a_speaker_s_running_count_given_twice_is_two_statements(tmp_path: Path) -> None:
    articles = {
        "a": "Published: 2025-02-03\n\nThe health minister, Ada Lind, said: \"So far 31 people have died "
        "in the fire at the market.\"\n",
        "b": "Published: 2025-02-04\n\nThe health minister, Ada Lind, said: \"Two more people died in the "
        "night, so a total of 33 people have died so far in the fire.\"\n",
    }
    a, b = _two_quotations(tmp_path, articles)
    assert match.never_one_fact(a, b) == "statements of different figures"
    # a transcript that keeps the figure, writes it otherwise, or changes only the figure may be altered
    assert not match._figures_apart(("so", "far", "31", "have", "died"), ("31", "people", "died", "so", "far"))
    assert not match._figures_apart(("until", "11.30", "pm"), ("until", "11", "30", "pm", "we", "waited"))
    assert not match._figures_apart(("we", "found", "40", "people", "dead"), ("we", "found", "400", "people", "dead"))


def test_a_short_quotation_is_no_altered_form_of_words_scattered_over_a_long_one(tmp_path: Path) -> None:
    articles = {
        "a": "Published: 2025-02-03\n\nA shopkeeper, Ines Moura, said: \"We lost the shop and the house in "
        "one night. The river rose so fast that there was nothing anyone could do. Since Sunday the "
        "children eat bread that neighbours bring.\"\n",
        "b": "Published: 2025-02-03\n\nAnother resident, Paulo Reis, said: \"We have nothing to eat.\"\n",
    }
    a, b = _two_quotations(tmp_path, articles)
    assert match.never_one_fact(a, b) == "different statements"


def test_a_short_quotation_retold_in_a_longer_one_may_be_altered() -> None:
    short = ("we", "have", "nothing", "to", "eat")
    retold = ("the", "water", "took", "everything", "and", "now", "we", "have", "nothing", "left", "to", "eat")
    assert match._stretch(short, retold) == ("took", "everything", "and", "now", "we", "have", "nothing", "left", "to", "eat")


def test_a_phrase_in_quotation_marks_is_never_an_altered_statement(tmp_path: Path) -> None:
    articles = {
        "a": "Published: 2025-02-03\n\nThe new mayor said voters across the city were \"ready for "
        "change\".\n",
        "b": "Published: 2025-02-03\n\nThe new mayor said: \"Our city has voted for change, for "
        "renewal and for a council that listens.\"\n",
    }
    a, b = _two_quotations(tmp_path, articles)
    assert match.never_one_fact(a, b) == "too short to be altered"


@pytest.mark.parametrize(
    ("sentence", "fates"),
    [
        ("The landslide claimed 30 lives in the valley, officials said.", {"die"}),  # the count's own noun
        ("Rescuers freed 12 villagers from the mud, officials said.", set()),
        ("At least five people drowned in the flood, the governor said.", {"die"}),  # how they died
        ("Six fatalities were reported in the province, officials said.", {"die"}),
        ("Two more people succumbed to their injuries overnight.", {"die"}),  # a death, not an injury
    ],
)
def test_a_count_s_words_name_its_fate(tmp_path: Path, sentence: str, fates: set[str]) -> None:
    _write(tmp_path, {"a": f"Published: 2025-02-03\n\n{sentence}\n"})
    documents, mentions = pipeline.read_all([str(tmp_path)], Settings())
    (count,) = match.items_by_kind(documents, mentions)[Kind.NUMBER]
    assert count.fates == fates


def test_the_count_an_article_leads_with_is_marked(tmp_path: Path) -> None:
    articles = {
        "a": "Storm toll rises to 40\nPublished: 2025-02-03\n\nAt least 40 people have died in the "
        "storm, officials said.\n\nIn the port, 12 people died when a wall fell.\n\nSome 300 people "
        "were injured.\n",
    }
    _write(tmp_path, articles)
    documents, mentions = pipeline.read_all([str(tmp_path)], Settings())
    items = match.items_by_kind(documents, mentions)[Kind.NUMBER]
    leading = {item.mention.text for item in items if item.leads}
    # the first count of each fate in the body, and in the headline when it names the fate
    assert "At least 40 people" in leading and "Some 300 people" in leading
    assert "12 people" not in leading


def _clusters(tmp_path: Path, articles: dict[str, str], kind: Kind) -> tuple[match._Clusters, dict[tuple[str, str], int]]:
    """The merge constraints on real mentions, with edges chosen by the test, not the model."""
    _write(tmp_path, articles)
    documents, mentions = pipeline.read_all([str(tmp_path)], Settings())
    items = match.items_by_kind(documents, mentions)[kind]
    at = {(item.mention.source_id, item.mention.text): k for k, item in enumerate(items)}
    return match._Clusters(items), at


def _together(clusters: match._Clusters, *members: int) -> bool:
    return len({clusters.root(k) for k in members}) == 1


def test_an_equal_value_joins_a_group_whose_values_already_disagree(tmp_path: Path) -> None:
    clusters, at = _clusters(
        tmp_path,
        {
            "a": "Published: 2025-02-03\n\nThe flood killed 12 people in the valley.\n",
            "b": "Published: 2025-02-03\n\nThe flood killed 15 people in the valley.\n",
            "c": "Published: 2025-02-03\n\nThe flood killed 12 people in the valley.\n",
        },
        Kind.NUMBER,
    )
    a, b, c = at[("a", "12 people")], at[("b", "15 people")], at[("c", "12 people")]
    clusters.merge(a, b, "test", 90.0, agreement=False)
    clusters.merge(c, a, "test", 80.0, agreement=True)
    assert _together(clusters, a, b, c)


def test_a_loose_value_never_chains_two_days(tmp_path: Path) -> None:
    clusters, at = _clusters(
        tmp_path,
        {
            "a": "Published: 2024-01-03\n\nThe talks will take place in January in Vienna.\n",
            "b": "Published: 2024-01-03\n\nThe talks will take place on January 10 in Vienna.\n",
            "c": "Published: 2024-01-03\n\nThe talks will take place on January 24 in Vienna.\n",
        },
        Kind.DATE,
    )
    a, b, c = at[("a", "January")], at[("b", "January 10")], at[("c", "January 24")]
    clusters.merge(a, b, "test", 90.0, agreement=True)
    clusters.merge(a, c, "test", 80.0, agreement=True)
    assert _together(clusters, a, b) and not _together(clusters, a, c)


def test_two_equal_loose_values_never_chain_two_days(tmp_path: Path) -> None:
    clusters, at = _clusters(
        tmp_path,
        {
            "a": "Published: 2024-01-03\n\nThe talks will take place in January in Vienna.\n",
            "b": "Published: 2024-01-03\n\nThe talks will take place on January 10 in Vienna.\n",
            "c": "Published: 2024-01-03\n\nThe talks will be held in January in Vienna.\n",
            "d": "Published: 2024-01-03\n\nThe talks will be held on January 24 in Vienna.\n",
        },
        Kind.DATE,
    )
    a, b, c, d = at[("a", "January")], at[("b", "January 10")], at[("c", "January")], at[("d", "January 24")]
    clusters.merge(a, b, "test", 90.0, agreement=True)
    clusters.merge(c, d, "test", 90.0, agreement=True)
    clusters.merge(a, c, "test", 85.0, agreement=True)
    assert not _together(clusters, b, d)


def test_a_repeated_word_holds_no_quotation(tmp_path: Path) -> None:
    articles = {
        "a": "Published: 2025-02-03\n\nA resident, Ines Moura, shouted: \"Help! Help! Help! Help! Help! "
        "Help! Help! Help! The town is gone and nobody came.\"\n",
        "b": "Published: 2025-02-03\n\nThe mayor, Paulo Reis, said: \"Send us more help.\"\n",
    }
    a, b = _two_quotations(tmp_path, articles)
    assert match.never_one_fact(a, b) == "different statements"


def test_an_outlet_never_contradicts_itself_in_one_group(tmp_path: Path) -> None:
    clusters, at = _clusters(
        tmp_path,
        {
            "a": "Published: 2025-02-03\n\nThe flood killed 12 people in the valley. Later the flood "
            "toll in the valley was put at 15 people.\n",
            "b": "Published: 2025-02-03\n\nThe flood killed 15 people in the valley.\n",
        },
        Kind.NUMBER,
    )
    a12, a15, b15 = at[("a", "12 people")], at[("a", "15 people")], at[("b", "15 people")]
    clusters.merge(a15, b15, "test", 90.0, agreement=True)
    clusters.merge(a12, b15, "test", 80.0, agreement=False)
    assert not _together(clusters, a12, b15)


def test_a_part_of_a_group_counted_elsewhere_is_marked_apart_from_the_whole(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "a": "The ferry capsized on Sunday, killing 40 people, including 12 children.\n",
            "b": "Forty people died when the ferry capsized on Sunday, 12 of them children.\n",
            "c": "The capsizing was among the deadliest in years, killing 41 people.\n",
            "d": "Only 21 out of 48 mayors have reported, and 15 of the province's 49 towns are cut off.\n",
            "e": "The blast killed 43 people, among them 13 children.\n",
            "f": "The bus was carrying 52 passengers, of whom 30 died.\n",
        },
    )
    # wholes, whatever follows them
    _write(
        tmp_path,
        {
            "g": "Troops pulled 14 people out of the rubble and the floods forced 5,000 people out of their homes.\n",
            "h": "Five members of one family were killed within 24 hours of the quake, and all 157 of the people on board died.\n",
            "i": "The party won 30 percent of the vote, and he was among 200 people arrested.\n",
            "j": "Five countries, including Kenya, reported 60 deaths.\n",
        },
    )
    documents, mentions = pipeline.read_all([str(tmp_path)], Settings())
    parts = {
        (item.mention.source_id, item.mention.text) for item in match.items_by_kind(documents, mentions)[Kind.NUMBER] if item.subgroup
    }
    assert parts == {("a", "12 children"), ("b", "12"), ("d", "21"), ("d", "15"), ("e", "13 children"), ("f", "30")}
