"""Stories: articles grouped by the event they report, before any claim is matched."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import claimcheck
from claimcheck import evaluate, pipeline, stories
from claimcheck.model import Kind
from tests.conftest import FIXTURES

# Four outlets' wordings of each event: alike enough in their words to be one story, each
# its own text (articles that share most of their text are one origin, and a copy counts once).
# Each names its place or day twice, as a report of one event does.
QUAKES = (
    """Published: 2024-03-04

{lead}

A strong earthquake struck the valley town of {town} on Sunday, March 3, killing {dead} people and injuring dozens, the civil protection agency said.

Rescue teams with sniffer dogs searched collapsed homes and a school in {there} through the night, while aftershocks sent residents into the streets.

The regional governor declared three days of mourning and said army engineers would inspect bridges on the mountain road before aid convoys could pass.
""",
    """Published: 2024-03-04

{lead}

At least {dead} people died in {town} when an earthquake hit the mountain valley on Sunday, and dozens more were hurt, according to civil protection officials.

Sniffer dogs and rescuers searched the rubble of homes and a school in {there} overnight as aftershocks kept frightened residents outdoors.

Three days of mourning were declared by the governor of the region, who said bridges on the mountain road must be checked by army engineers before aid arrives.
""",
    """Published: 2024-03-04

{lead}

The earthquake that shook {town} on Sunday left {dead} dead, officials from the civil protection agency said, with dozens injured across the valley.

In {there}, rescue crews spent the night searching flattened houses and a damaged school; repeated aftershocks drove families from their homes.

Aid convoys are waiting while army engineers inspect the mountain road's bridges, the governor said, announcing three days of regional mourning.
""",
    """Published: 2024-03-04

{lead}

Civil protection officials said {dead} people were killed and dozens injured on Sunday when a powerful quake rocked {town}, a town in a mountain valley.

Rescuers with dogs searched the ruins of houses and a school in {there} overnight, and residents fearing aftershocks slept in the streets.

The governor ordered three days of mourning; engineers from the army must clear the bridges of the mountain road before convoys of aid can reach the valley.
""",
)
TALKS = (
    """Published: {day}

Trade talks resume in {city}

Negotiators from the two blocs met in {city} on {weekday}, {date}, for a {round} round of talks on steel tariffs and farm quotas, officials said.

Both delegations described the {date} session as constructive but said differences remained over dairy imports, car parts and the timetable for cutting duties on aluminium.

A joint statement promised technical working groups on customs rules and food safety standards before ministers meet again.
""",
    """Published: {day}

Blocs hold {round} round of trade talks

The {round} round of trade talks between the two blocs opened in {city} on {weekday}, {date}, with steel tariffs and farm quotas on the agenda.

Officials on both sides called the {date} meeting constructive, though dairy imports, car parts and when to cut aluminium duties still divide them.

Working groups of experts will take up customs rules and food safety before the ministers return, a joint statement said.
""",
    """Published: {day}

Tariff talks in {city}

Trade negotiators gathered in {city} on {weekday}, {date}, for the {round} round of talks, aiming to narrow gaps on steel tariffs and quotas for farm goods.

Delegates said the talks of {date} were constructive; disputes over car parts, dairy and a timetable for lower aluminium duties were not settled.

The two sides agreed in a joint statement to set up technical groups on food safety and customs before their ministers meet.
""",
    """Published: {day}

Steel and farm quotas on the table

On {weekday}, {date}, delegations of the two blocs sat down in {city} for a {round} round of negotiations over steel tariffs and farm quotas.

The session of {date} was constructive, officials said, but the blocs remain apart on imports of dairy, on car parts and on how soon aluminium duties fall.

Technical working groups on customs and on food safety standards will meet first, the joint statement said, and then the ministers.
""",
)


def _quake(outlet: int, lead: str, town: str, dead: int, there: str = "") -> str:
    return QUAKES[outlet].format(lead=lead, town=town, dead=dead, there=there or town)


def _talks(outlet: int, day: str, date: str, round: str, city: str = "Geneva", weekday: str = "Tuesday") -> str:
    return TALKS[outlet].format(day=day, city=city, weekday=weekday, date=date, round=round)


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text.replace("\\\n", "\n"), encoding="utf-8")
    return folder


def test_two_unrelated_stories_in_one_folder_are_matched_apart(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "mixed",
        {
            "a": _quake(0, "Quake kills 12 in mountain valley", "Varna", 12),
            "b": _quake(1, "Twelve dead as earthquake hits valley", "Varna", 12),
            "c": _talks(2, "2024-03-05", "March 5", "third"),
            "d": _talks(3, "2024-03-05", "March 5", "third"),
        },
    )
    report = claimcheck.check(str(folder))
    assert [s.sources for s in report.stories] == [("a", "b"), ("c", "d")]
    for verdict in report.verdicts:
        story = next(s for s in report.stories if s.id == verdict.claim.story)
        assert set(verdict.sources) <= set(story.sources)


@pytest.mark.parametrize(
    ("day", "date"),
    [("2024-04-16", "April 16"), ("2024-03-19", "March 19")],  # six weeks apart; two weeks, naming no other round
)
def test_two_rounds_of_talks_weeks_apart_are_two_stories(tmp_path: Path, day: str, date: str) -> None:
    rounds = {
        "a": _talks(0, "2024-03-05", "March 5", "third"),
        "b": _talks(1, "2024-03-05", "March 5", "third"),
        "c": _talks(2, day, date, "fourth"),
        "d": _talks(3, day, date, "fourth"),
    }
    report = claimcheck.check(str(_write(tmp_path / "rounds", rounds)))
    assert [s.sources for s in report.stories] == [("a", "b"), ("c", "d")]
    assert [s.dates[:1] for s in report.stories] == [("2024-03-05",), (day,)]


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


def _two_quakes() -> dict[str, str]:
    """Two quakes on one day, in Graz (a, b) and in Bergen (c, d)."""
    return {
        "a": _quake(0, "Quake kills 12 in mountain valley", "Graz", 12),
        "b": _quake(1, "Twelve dead as earthquake hits Graz", "Graz", 12),
        "c": _quake(2, "Quake kills 9 in mountain valley", "Bergen", 9),
        "d": _quake(3, "Nine dead as earthquake hits Bergen", "Bergen", 9),
    }


def test_two_quakes_on_one_day_in_different_towns_are_two_stories(tmp_path: Path) -> None:
    # issue 11: two events of one kind in different places are two stories, however alike their words
    quakes = _two_quakes()
    report = claimcheck.check(str(_write(tmp_path / "quakes", quakes)))
    assert [s.sources for s in report.stories] == [("a", "b"), ("c", "d")]
    assert [s.places[:1] for s in report.stories] == [("Graz, Austria",), ("Bergen, Norway",)]


def test_a_town_and_the_country_around_it_are_one_place(tmp_path: Path) -> None:
    # Some articles name the town, others only its country: not two places.
    quakes = {
        "a": _quake(0, "Quake kills 12 in mountain valley", "Graz", 12),
        "b": _quake(1, "Twelve dead as earthquake hits Graz", "Graz", 12),
        "c": _quake(2, "Quake kills 12 in Austrian valley", "Austria", 12),
        "d": _quake(3, "Twelve dead as earthquake hits Austria", "Austria", 12),
    }
    report = claimcheck.check(str(_write(tmp_path / "quakes", quakes)))
    assert [s.sources for s in report.stories] == [("a", "b", "c", "d")]


def test_one_event_datelined_from_elsewhere_is_one_story(tmp_path: Path) -> None:
    # Two articles filed from the capital name it more often than the town; two local ones name
    # only the town.
    def filed(outlet: int) -> str:
        text = _quake(outlet, "Quake kills 12 in mountain valley", "Graz", 12, there="the town")
        return text.replace("\n\n", "\n\nVIENNA - ", 2).replace("VIENNA - Quake", "Quake").replace(" said", " said in Vienna")

    quakes = {
        "a": _quake(0, "Quake kills 12 in mountain valley", "Graz", 12),
        "b": _quake(1, "Earthquake kills 12 in mountain valley", "Graz", 12),
        "c": filed(2),
        "d": filed(3),
    }
    report = claimcheck.check(str(_write(tmp_path / "quakes", quakes)))
    assert [s.sources for s in report.stories] == [("a", "b", "c", "d")]


def test_a_brief_joins_the_story_it_shares_most_with(tmp_path: Path) -> None:
    # Too short to start a story of its own: it joins the quake, not the talks.
    files = {
        "a": _quake(0, "Quake kills 12 in mountain valley", "Varna", 12),
        "b": _quake(1, "Twelve dead as earthquake hits valley", "Varna", 12),
        "c": _talks(2, "2024-03-05", "March 5", "third"),
        "d": _talks(3, "2024-03-05", "March 5", "third"),
        "e": "Quake in Varna\n\nRescuers searched collapsed homes after the earthquake, officials said.\n",
    }
    report = claimcheck.check(str(_write(tmp_path / "brief", files)))
    assert [s.sources for s in report.stories] == [("a", "b", "e"), ("c", "d")]


RESCUE = (
    """Published: 2024-05-03

Miners trapped after tunnel collapse at Karsk

Seven miners were trapped on May 2 when a tunnel collapsed at the Karsk copper mine, the regional mining authority said, and rescuers began drilling towards them.

Relatives gathered at the gate of the Karsk mine overnight as engineers pumped water from the flooded shaft, the company said.
""",
    """Published: 2024-05-03

Rescuers drill towards seven trapped miners

Rescue crews drilled through rock on Friday to reach seven miners trapped since May 2 in a collapsed tunnel at the Karsk copper mine, officials said.

Families waited at the mine gate as pumps drained water from the shaft, and the mine's owner said the men had air and water.
""",
    """Published: 2024-05-16

All seven Karsk miners rescued after two weeks

Rescuers brought all seven miners to the surface on May 15, two weeks after a tunnel collapse trapped them on May 2 at the Karsk copper mine.

Crowds cheered at the gate on May 15 as the men were carried to ambulances, and the mining authority said all were in stable condition.
""",
    """Published: 2024-05-16

Trapped miners freed at Karsk

The last of the seven miners was lifted out on May 15 through a rescue shaft drilled over thirteen days, the regional mining authority said.

Doctors at the Karsk hospital said on May 15 that the men were weak but well; the tunnel had caved in on May 2.
""",
)


def test_a_running_story_s_later_reports_that_name_its_first_day_are_one_story(tmp_path: Path) -> None:
    # The rescue is reported thirteen days after the collapse, and its reports name the day of
    # the collapse: a follow-up, not a second event (two rounds of talks name no other round).
    report = claimcheck.check(str(_write(tmp_path / "rescue", dict(zip("abcd", RESCUE)))))
    assert [s.sources for s in report.stories] == [("a", "b", "c", "d")]


FIRE = {
"a": """Published: 2024-08-10

Wildfire forces evacuation of Tarn valley villages

A wildfire driven by strong winds forced the evacuation of four villages in the Tarn valley on Saturday, the fire service said, as water bombers fought the blaze from the air.

Firefighters said the flames had burned across dry pine forest and scrubland, and the regional prefect closed the valley road to traffic.
""",
"b": """Published: 2024-08-10

Tarn valley blaze: villages evacuated as winds fan fire

Residents of four villages in the Tarn valley were evacuated on Saturday as a wildfire spread through pine forest, the fire service said.

Water bombers and hundreds of firefighters battled the blaze, and the prefect said the valley road would stay closed overnight.
""",
"c": """Published: 2024-08-10

Hundreds of firefighters battle Tarn wildfire

Hundreds of firefighters and water bombers fought a wildfire in the Tarn valley on Saturday after strong winds pushed the flames through dry forest, forcing villages to evacuate.

The fire service said scrubland and pine forest had burned and the road through the valley was shut.
""",
"d": """Published: 2024-08-10

Farmers count losses after blaze

Sheep farmers near Oustal said barns, hay stores and fencing had been lost, and that the cooperative would lend tractors and feed to those whose pastures burned.

The mayor of Oustal thanked volunteers who cleared ash from the school yard and opened the sports hall to families who had fled the wildfire in the Tarn valley with their animals.
""",
}


def test_an_article_alike_to_no_other_one_joins_the_group_it_is_alike_to(tmp_path: Path) -> None:
    # The farmers' report shares a little with each wire report, too little with any one.
    folder = _write(tmp_path / "fire", FIRE)
    documents, mentions = pipeline.read_all([str(folder)], claimcheck.Settings())
    days: dict[str, list[str]] = {}
    for mention in mentions:
        if mention.kind is Kind.DATE:
            days.setdefault(mention.source_id, []).append(mention.value)
    lone = next(i for i, d in enumerate(documents) if d.source.id == "d")
    assert all(lone not in pair[1:] for pair in stories._edges(stories._vectors(documents, days)))
    assert [s.sources for s in claimcheck.check(str(folder)).stories] == [("a", "b", "c", "d")]


def test_a_site_named_after_its_town_is_not_another_place() -> None:
    town, arena, elsewhere = (
        stories._Group.of({}, [], places) for places in (["Graz, Austria"] * 2, ["Graz Arena"] * 2, ["Bergen, Norway"] * 2)
    )
    assert not stories._places_apart(town, arena) and not stories._places_apart(arena, town)
    assert stories._places_apart(arena, elsewhere)


def test_a_copy_counts_as_no_more_articles_but_names_its_places() -> None:
    copy = stories._Group.of({}, ["2024-03-03"], ["Graz, Austria"], copy=True)
    assert (copy.articles, copy.size, copy.days, copy.places) == (1, 0, Counter(), Counter())
    assert copy.names_near("Graz, Austria")


def test_a_brief_cut_from_an_article_does_not_make_the_article_a_copy(tmp_path: Path) -> None:
    # The briefs are one origin with the article they were cut from, and their ids sort first:
    # the article must still count, or its group names no place and joins the other quake.
    quakes = _two_quakes()
    for name in ("c", "d"):
        quakes[f"0{name}"] = "\n\n".join(quakes[name].split("\n\n")[:3]) + "\n"
    report = claimcheck.check(str(_write(tmp_path / "quakes", quakes)))
    assert any(len(o.sources) > 1 and o.id.startswith("0") for o in report.origins)
    assert [s.sources for s in report.stories] == [("0c", "0d", "c", "d"), ("a", "b")]


def test_places_the_gazetteer_knows_are_not_sites_named_after_each_other() -> None:
    state, city = (stories._Group.of({}, [], [p] * 2) for p in ("Kansas, United States", "Kansas City, Missouri, United States"))
    assert stories._places_apart(state, city)


def _pseudo_words(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{chr(97 + i // 26)}{chr(97 + i % 26)}x" for i in range(n)]


def test_two_groups_of_several_articles_join_only_through_a_pair_of_articles(tmp_path: Path) -> None:
    # Each story's two articles share its words; across stories, each article shares a few
    # words with one article of the other story. No pair of articles across them is alike
    # enough, though the centroids are: only a lone article may join through a centroid.
    story_words = {"a": "kor", "b": "kor", "c": "mel", "d": "mel"}
    shared = [_pseudo_words(f"q{j}", 5) for j in range(4)]
    crossing = {"a": (0, 1), "b": (2, 3), "c": (0, 2), "d": (1, 3)}
    files = {}
    for name, prefix in story_words.items():
        words = _pseudo_words(prefix, 14) + _pseudo_words(name * 2, 20) + [w for j in crossing[name] for w in shared[j]]
        sentences = ". ".join(" ".join(words[i : i + 8]).capitalize() for i in range(0, len(words), 8))
        files[name] = f"Published: 2024-05-03\n\n{' '.join(w.capitalize() for w in words[:5])}\n\n{sentences}.\n"
    folder = _write(tmp_path / "two", files)
    documents, _ = pipeline.read_all([str(folder)], claimcheck.Settings())
    vectors = stories._vectors(documents, {})
    assert [pair[1:] for pair in stories._edges(vectors)] == [(0, 1), (2, 3)]
    assert [s.sources for s in claimcheck.check(str(folder)).stories] == [("a", "b"), ("c", "d")]
