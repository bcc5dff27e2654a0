"""Stories: articles grouped by the event they report, before any claim is matched."""

from __future__ import annotations

from pathlib import Path

import claimcheck
from claimcheck import evaluate, pipeline, stories
from tests.conftest import FIXTURES

QUAKE = """Published: 2024-03-04

{lead}

A strong earthquake struck the valley town of {town} on Sunday, March 3, killing {dead} people and injuring dozens, the civil protection agency said.

Rescue teams with sniffer dogs searched collapsed homes and a school in {town} through the night, while aftershocks sent residents into the streets.

The regional governor declared three days of mourning and said army engineers would inspect bridges on the mountain road before aid convoys could pass.
"""
TALKS = """Published: {day}

Trade talks resume in {city}

Negotiators from the two blocs met in {city} on {weekday}, {date}, for a {round} round of talks on steel tariffs and farm quotas, officials said.

Both delegations described the session as constructive but said differences remained over dairy imports, car parts and the timetable for cutting duties on aluminium.

A joint statement promised technical working groups on customs rules and food safety standards before ministers meet again.
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text.replace("\\\n", "\n"), encoding="utf-8")
    return folder


def test_two_unrelated_stories_in_one_folder_are_matched_apart(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "mixed",
        {
            "a": QUAKE.format(lead="Quake kills 12 in mountain valley", town="Varna", dead=12),
            "b": QUAKE.format(lead="Twelve dead as earthquake hits valley", town="Varna", dead=12),
            "c": TALKS.format(day="2024-03-05", city="Geneva", weekday="Tuesday", date="March 5", round="third"),
            "d": TALKS.format(day="2024-03-05", city="Geneva", weekday="Tuesday", date="March 5", round="third"),
        },
    )
    report = claimcheck.check(str(folder))
    assert [s.sources for s in report.stories] == [("a", "b"), ("c", "d")]
    for verdict in report.verdicts:
        story = next(s for s in report.stories if s.id == verdict.claim.story)
        assert set(verdict.sources) <= set(story.sources)


def test_two_rounds_of_talks_weeks_apart_are_two_stories(tmp_path: Path) -> None:
    rounds = {
        "a": TALKS.format(day="2024-03-05", city="Geneva", weekday="Tuesday", date="March 5", round="third"),
        "b": TALKS.format(day="2024-03-05", city="Geneva", weekday="Tuesday", date="March 5", round="third"),
        "c": TALKS.format(day="2024-04-16", city="Geneva", weekday="Tuesday", date="April 16", round="fourth"),
        "d": TALKS.format(day="2024-04-16", city="Geneva", weekday="Tuesday", date="April 16", round="fourth"),
    }
    report = claimcheck.check(str(_write(tmp_path / "rounds", rounds)))
    assert [s.sources for s in report.stories] == [("a", "b"), ("c", "d")]
    assert [s.dates[:1] for s in report.stories] == [("2024-03-05",), ("2024-04-16",)]


def test_one_story_folder_is_one_story() -> None:
    fixture = evaluate.read_set(FIXTURES / "trial")
    documents, mentions = pipeline.read_all([str(fixture.articles)], fixture.settings)
    assert stories.group(documents, mentions) == [list(range(len(documents)))]


def test_story_ids_do_not_depend_on_file_order(tmp_path: Path) -> None:
    fixture = evaluate.read_set(FIXTURES / "quake")
    documents, mentions = pipeline.read_all([str(fixture.articles)], fixture.settings)
    forward = stories.stories(documents, mentions)
    backward = stories.stories(documents[::-1], mentions[::-1])
    assert forward == backward


def test_two_labelled_sets_in_one_folder_keep_their_own_verdicts(tmp_path: Path) -> None:
    # issue 11: mixing stories in one folder must not change any story's verdicts
    import shutil

    mixed = tmp_path / "mixed"
    mixed.mkdir()
    alone = {}
    for name in ("trial", "quake"):
        fixture = evaluate.read_set(FIXTURES / name)
        report = pipeline.check([str(fixture.articles)], fixture.settings)
        alone[name] = {
            (v.status, frozenset((f"{name}-{m.source_id}", m.start, m.end) for m in v.claim.mentions))
            for v in report.verdicts
        }
        for path in sorted(fixture.articles.glob("*.txt")):
            shutil.copy(path, mixed / f"{name}-{path.name}")
    report = claimcheck.check(str(mixed))
    assert len(report.stories) == 2
    together = {(v.status, frozenset((m.source_id, m.start, m.end) for m in v.claim.mentions)) for v in report.verdicts}
    assert together == alone["trial"] | alone["quake"]


def test_two_quakes_on_one_day_in_different_towns_are_two_stories(tmp_path: Path) -> None:
    # issue 11: two events of one kind in different places are two stories, however alike their words
    quakes = {
        "a": QUAKE.format(lead="Quake kills 12 in mountain valley", town="Graz", dead=12),
        "b": QUAKE.format(lead="Twelve dead as earthquake hits valley", town="Graz", dead=12),
        "c": QUAKE.format(lead="Quake kills 9 in mountain valley", town="Bergen", dead=9),
        "d": QUAKE.format(lead="Nine dead as earthquake hits valley", town="Bergen", dead=9),
    }
    report = claimcheck.check(str(_write(tmp_path / "quakes", quakes)))
    assert [s.sources for s in report.stories] == [("a", "b"), ("c", "d")]
    assert [s.places[:1] for s in report.stories] == [("Graz, Austria",), ("Bergen, Norway",)]


def test_a_town_and_the_country_around_it_are_one_place(tmp_path: Path) -> None:
    # Some articles name the town, others only its country: not two places.
    quakes = {
        "a": QUAKE.format(lead="Quake kills 12 in mountain valley", town="Graz", dead=12),
        "b": QUAKE.format(lead="Twelve dead as earthquake hits valley", town="Graz", dead=12),
        "c": QUAKE.format(lead="Quake kills 12 in Austrian valley", town="Austria", dead=12).replace("valley town of", "valley towns of"),
        "d": QUAKE.format(lead="Twelve dead as earthquake hits Austria", town="Austria", dead=12).replace("valley town of", "valley towns of"),
    }
    report = claimcheck.check(str(_write(tmp_path / "quakes", quakes)))
    assert [s.sources for s in report.stories] == [("a", "b", "c", "d")]


def test_one_event_datelined_from_elsewhere_is_one_story(tmp_path: Path) -> None:
    # Two articles filed from the capital name it more often than the town; two local ones name
    # only the town.
    local = QUAKE.format(lead="Quake kills 12 in mountain valley", town="Graz", dead=12)
    filed = local.replace("\nA strong", "\nVIENNA - A strong").replace("a school in Graz", "a school there")
    filed = filed.replace("said.", "said in Vienna.")
    quakes = {"a": local, "b": local.replace("Quake kills", "Earthquake kills"), "c": filed, "d": filed.replace("Quake kills", "Earthquake kills")}
    report = claimcheck.check(str(_write(tmp_path / "quakes", quakes)))
    assert [s.sources for s in report.stories] == [("a", "b", "c", "d")]


def test_a_brief_joins_the_story_it_shares_most_with(tmp_path: Path) -> None:
    # Too short to start a story of its own: it joins the quake, not the talks.
    files = {
        "a": QUAKE.format(lead="Quake kills 12 in mountain valley", town="Varna", dead=12),
        "b": QUAKE.format(lead="Twelve dead as earthquake hits valley", town="Varna", dead=12),
        "c": TALKS.format(day="2024-03-05", city="Geneva", weekday="Tuesday", date="March 5", round="third"),
        "d": TALKS.format(day="2024-03-05", city="Geneva", weekday="Tuesday", date="March 5", round="third"),
        "e": "Quake in Varna\n\nRescuers searched collapsed homes after the earthquake, officials said.\n",
    }
    report = claimcheck.check(str(_write(tmp_path / "brief", files)))
    assert [s.sources for s in report.stories] == [("a", "b", "e"), ("c", "d")]
