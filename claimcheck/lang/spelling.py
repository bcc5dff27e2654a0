"""British → American spelling, word by word, so that quotations compare across outlets.

A small rule module with exception lists rather than a data package: the one PyPI package for
this (``breame``) has not been released since 2021 and lists word pairs, not rules, so it
misses inflections ("organisations", "travelling"). Each rule below maps a British form to the
American one and leaves American forms alone, so ``to_us`` is idempotent and a word that both
outlets spell the same way never changes meaning. ``stem`` folds inflections crudely, for
comparisons that fold both sides alike.
"""

from __future__ import annotations

import re


def wordset(words: str) -> frozenset[str]:
    """The set of the whitespace-separated words of a word list."""
    return frozenset(words.split())


# -our → -or, with the inflections that keep the stem ("colours", "favourite", "behavioural").
# Matches: "colour", "favourites", "neighbourhood". Must not match: "four", "hours", "tourist".
OUR = re.compile(
    r"^(?P<stem>[a-z]{2,}?)our(?P<suffix>s|ed|ing|ite|ites|able|ably|ful|fully|less|er|ers|"
    r"hood|hoods|al|ally|ism)?$"
)
# Words that end in -our in American English too (checked on the -our base form).
OUR_KEEP = wordset(
    """four hour your our tour pour flour sour dour scour devour contour detour amour
               paramour troubadour velour tambour glamour"""
)

# -ise/-ize, -isation/-ization and their inflections ("organised", "recognising").
# Matches: "organise", "realisation", "characterised". Must not match: "advise", "surprise".
ISE = re.compile(r"^(?P<stem>[a-z]{2,})is(?P<suffix>e|es|ed|ing|er|ers|ation|ations|able|ational)$")
# Words whose -ise is not the Greek verb ending: American English keeps the s (base forms).
ISE_KEEP = wordset(
    """rise arise sunrise moonrise uprise wise otherwise likewise clockwise crosswise
               lengthwise streetwise unwise advise exercise compromise surprise premise
               expertise enterprise franchise enfranchise disenfranchise merchandise revise
               supervise televise improvise devise comprise despise disguise promise noise raise
               praise appraise braise cruise bruise poise concise precise paradise treatise
               chastise circumcise excise incise demise surmise reprise apprise advertise guise
               anise tortoise porpoise turquoise valise mortise liaise crise cerise vise elise
               louise denise"""
)
# "improvisation", "advertisement" keep the s; listed on the derived form.
ISATION_KEEP = frozenset({"improvisation", "improvisations"})

# -yse → -yze ("analyse", "paralysed"). Plural nouns like "analyses" are left alone: in American
# English they are spelled the same. Matches: "analysed". Must not match: "analyses".
YSE = re.compile(r"^(?P<stem>[a-z]+l)ys(?P<suffix>e|ed|ing|er|ers)$")

# -tre → -ter after b, g or t ("centre", "fibres", "meagre", "centred").
# Matches: "centre", "theatres", "kilometre". Must not match: "genre", "acre", "massacre".
TRE = re.compile(r"^(?P<stem>[a-z]+[bgt])re(?P<suffix>s|d)?$")
TRE_KEEP = frozenset({"ogre", "ogres", "timbre", "timbres", "macabre", "notre", "maitre"})

# -ence → -ense in four nouns. Matches: "defence", "licences". Must not match: "fence".
ENCE = re.compile(r"^(?P<stem>defen|offen|preten|licen)ce(?P<suffix>s|d)?$")

# A doubled l before a suffix after an unstressed vowel ("travelled", "cancelling",
# "counsellor"); the stem needs a vowel so that the word has two syllables ("yelled" stays).
# "cancellation" is spelled so in American English too, hence no -ation suffix.
# Matches: "travelled", "signalling". Must not match: "compelled", "installed".
DOUBLE_L = re.compile(
    r"^(?P<stem>[a-z]*[aeiou][a-z]*)(?P<vowel>[aei])ll(?P<suffix>ed|ing|er|ers|or|ors|ous)$"
)
# Final-stressed verbs keep the double l in American English too (checked on stem+vowel+"l").
DOUBLE_L_KEEP = wordset(
    """compel expel propel repel dispel impel rebel excel fulfil distil instil enthral appal befal
    forestal"""
)
# One-syllable words with a double l, which a prefix can put after a vowel ("bestselling",
# "refilled", "installed"): the l stays.
MONO_L = wordset(
    """sell tell spell smell dwell well yell quell shell swell fell cell bell call fall
             wall stall ball hall tall small fill kill will till still spill skill drill grill
             thrill chill mill bill pill hill sill trill"""
)
PREFIXES = wordset(
    """re un mis fore out over under up be in best self ful pre with down back cross
               book story fortune bank ticket"""
)

# Words that no rule covers. Inflected forms are listed explicitly: the list is short.
IRREGULAR: dict[str, str] = {
    "grey": "gray",
    "greys": "grays",
    "greyed": "grayed",
    "greying": "graying",
    "greyer": "grayer",
    "greyish": "grayish",
    "programme": "program",
    "programmes": "programs",
    "catalogue": "catalog",
    "catalogues": "catalogs",
    "analogue": "analog",
    "dialogue": "dialog",
    "dialogues": "dialogs",
    "cheque": "check",
    "cheques": "checks",
    "tyre": "tire",
    "tyres": "tires",
    "mould": "mold",
    "moulds": "molds",
    "mouldy": "moldy",
    "plough": "plow",
    "ploughs": "plows",
    "ploughed": "plowed",
    "aluminium": "aluminum",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "manoeuvred": "maneuvered",
    "jewellery": "jewelry",
    "judgement": "judgment",
    "judgements": "judgments",
    "acknowledgement": "acknowledgment",
    "ageing": "aging",
    "sceptic": "skeptic",
    "sceptics": "skeptics",
    "sceptical": "skeptical",
    "scepticism": "skepticism",
    "enrol": "enroll",
    "enrols": "enrolls",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "fulfils": "fulfills",
    "fulfilment": "fulfillment",
    "instalment": "installment",
    "skilful": "skillful",
    "wilful": "willful",
    "paediatric": "pediatric",
    "paediatrician": "pediatrician",
    "anaesthetic": "anesthetic",
    "encyclopaedia": "encyclopedia",
    "oestrogen": "estrogen",
    "foetus": "fetus",
    "haemorrhage": "hemorrhage",
    "diarrhoea": "diarrhea",
    "orthopaedic": "orthopedic",
    "pyjamas": "pajamas",
    "gaol": "jail",
    "draught": "draft",
    "draughts": "drafts",
    "practise": "practice",
    "practised": "practiced",
    "practising": "practicing",
    "storey": "story",
    "storeys": "stories",
    "kerb": "curb",
    "woollen": "woolen",
    "whisky": "whiskey",
}


def _our(word: str) -> str | None:
    m = OUR.match(word)
    if m is None or f"{m['stem']}our" in OUR_KEEP:
        return None
    return f"{m['stem']}or{m['suffix'] or ''}"


def _ise(word: str) -> str | None:
    m = ISE.match(word)
    if m is None or word in ISATION_KEEP:
        return None
    base = f"{m['stem']}ise"
    if base in ISE_KEEP or any(base.endswith(keep) for keep in ("wise", "cise", "guise")):
        return None
    return f"{m['stem']}iz{m['suffix']}"


def _double_l(word: str) -> str | None:
    m = DOUBLE_L.match(word)
    if m is None:
        return None
    single = f"{m['stem']}{m['vowel']}l"
    if single.endswith(tuple(DOUBLE_L_KEEP)):
        return None
    doubled = single + "l"
    for mono in MONO_L:
        if doubled.endswith(mono) and doubled[: -len(mono)] in PREFIXES | {""}:
            return None
    return f"{single}{m['suffix']}"


def to_us(word: str) -> str:
    """The American spelling of one lower-case word (the word itself when no rule applies)."""
    if len(word) < 4:
        return word
    irregular = IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    for rule in (_our, _ise, _double_l):
        changed = rule(word)
        if changed is not None:
            return changed
    m = YSE.match(word)
    if m is not None:
        return f"{m['stem']}yz{m['suffix']}"
    m = TRE.match(word)
    if m is not None and word not in TRE_KEEP:
        return f"{m['stem']}er{m['suffix'] or ''}"
    m = ENCE.match(word)
    if m is not None:
        return f"{m['stem']}se{m['suffix'] or ''}"
    return word


def americanize(text: str) -> str:
    """``to_us`` applied to every space-separated word of a lower-case text."""
    return " ".join(to_us(word) for word in text.split())


# Inflections folded so that "signed", "signing" and "signs" meet; a crude stemmer is enough
# because both sides of a comparison are folded the same way.
SUFFIXES = ("ings", "ing", "ed", "es", "s")


def stem(word: str) -> str:
    """A word without its inflection: "signed", "signing" and "signs" → "sign"."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word
