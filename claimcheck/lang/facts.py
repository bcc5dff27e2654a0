"""Fact keys: what a value is a value of, where, when, and according to whom, read from the
dependency parse of its sentence.

A key has four parts (issue 9):

* ``attribute``: lemmas of what the value measures or counts, with the verb that says what
  happened to it ("people kill" for "70 people were killed", "depth" for "a depth of 10 km",
  "toll rise" for "the toll rose to 19"); for a date or a venue, the event it anchors ("leader
  meet" for "leaders will meet in Vienna", "summit" for "the summit in Vienna");
* ``scope``: the prepositional phrases that narrow it, as written ("in the northern district");
* ``time``: the date or time the text gives for it, as written, unless it is the day somebody
  spoke ("police said on Tuesday" dates the saying, not the deaths);
* ``authority``: who it is attributed to, as written ("police" in "..., police said"; "the
  geological survey" in "according to the geological survey").

Each part is None (or empty) when the parse does not say. Quotations take their speaker as
attribute. The key is read only; matching does not use it yet.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.lang.lexicon import (
    fate_words,
    groups,
    saying_verbs,
    tagged,
    unit_forms,
    unit_words,
    units,
    words,
)
from claimcheck.lang.tree import NAME_PARTS, SUBJECTS, TIME_LABELS, Tree
from claimcheck.model import Parse

# Dependency labels of a noun that a verb governs as its subject or object.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
# Labels of a number that counts or measures the word it hangs on.
_COUNTING = frozenset({"nummod", "quantmod", "compound"})
# Entity labels of a value: a phrase whose object is one states another value ("to 5%", "over
# 800,000"), not where or what the value is of.
_VALUE_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
# Of those, the labels of a measure: "a high of 5.25%" is a value too, "a collision of two
# trains" names an event.
_MEASURE_LABELS = frozenset({"QUANTITY", "MONEY", "PERCENT"})


@dataclass(frozen=True, slots=True)
class FactKey:
    """What a value is a value of (see the module docstring)."""

    attribute: str | None = None
    scope: tuple[str, ...] = ()
    time: str | None = None
    authority: str | None = None


_PREP = frozenset({"prep"})
_ACL = frozenset({"acl"})
_CLAUSES = frozenset({"acl", "relcl"})
_CONJ = frozenset({"conj"})
# The prepositions of a change: "cut rates to 5%", "from 5.25%", "by a quarter point".
_CHANGE = frozenset({"to", "from", "by"})
# Prepositions by which a verb places a figure on its object: "put the toll at 63".
_PLACING = frozenset({"at", "as"})
# The prepositions of a path: where a motion goes to or comes from.
_PATH = frozenset({"to", "into", "onto", "from", "toward", "towards"})
# The prepositions that make a compass point a region: "in the south", "across the north".
_REGION = frozenset({"in", "at", "across", "throughout", "around", "over", "within", "inside"})
# Words that share a count out over a path: "5,000 fled from each side" keeps "from each side".
_DISTRIBUTIVE = frozenset({"each", "every", "per"})
# How a reported clause hangs on its verb of saying ("police said [12 died]", "[12 died], police said").
_REPORTED = frozenset({"ccomp", "parataxis", "xcomp", "dobj"})


def _span_head(tree: Tree, inside: Sequence[int]) -> int:
    members = set(inside)
    for i in inside:
        if tree.head(i) not in members or tree.head(i) == i:
            return i
    return inside[0]


def _lasting(tree: Tree, i: int) -> bool:
    """Whether a date entity's head is a length of time: "for less than two hours", "in years"
    (a plural unit of time that nothing places: not "two weeks ago")."""
    token = tree.tokens[i]
    placed = any(
        tree.tokens[k].text.casefold() in ("ago", "last", "this", "next", "past")
        for k in tree.children[i]
    )
    return token.tag == "NNS" and token.lemma.casefold() in unit_words() and not placed


def _governor(tree: Tree, i: int) -> int:
    """The word a phrase hangs on: through a preposition ("rose to 19" → "rose")."""
    head = tree.head(i)
    if tree.tokens[i].dep in ("pobj", "pcomp") and (
        tree.tokens[head].pos == "ADP" or tree.tokens[head].dep == "prep"
    ):
        up = tree.head(head)
        while (
            tree.tokens[head].dep == "prep" and tree.tokens[up].pos == "ADP" and tree.head(up) != up
        ):
            head, up = up, tree.head(up)  # "as of Wednesday afternoon"
        return up
    return head


def _unit(tree: Tree, i: int) -> bool:
    token = tree.tokens[i]
    units = unit_words()
    return token.lemma.casefold() in units or token.text.casefold() in units


def _distance_from(tree: Tree, i: int) -> int | None:
    """The direction or preposition a length places something by, which makes the value a
    distance: "70 miles south of the city", "33 km off the coast", "25km south-southeast of the
    hall" → "south", "off", "southeast"."""
    token = tree.tokens[i]
    up = tree.head(i)
    forms, dimensions = unit_forms(), units()
    name = forms.get(token.lemma.casefold(), forms.get(token.text.casefold(), token.lemma.casefold()))
    if dimensions.get(name) != "length":
        return None
    if token.dep == "npadvmod" and up != i and tree.tokens[up].pos in ("ADV", "ADP", "NOUN"):
        return up  # but "10 km deep", "5 km long" measure a size
    # A direction the parser hangs on the length: "19 km (12 miles) north-northwest from the city".
    for k in tree.children[i]:
        if tree.tokens[k].dep in ("appos", "advmod", "npadvmod") and any(
            tree.tokens[c].dep == "prep" and tree.tokens[c].text.casefold() in ("of", "from")
            for c in tree.children[k]
        ):
            return k
    return None


def _phrase_object(tree: Tree, prep: int) -> int | None:
    """The noun a preposition governs, through a second preposition: "out of the city",
    "from under the rubble"."""
    target = tree.child(prep, frozenset({"pobj"}))
    inner = tree.child(prep, _PREP)
    if target is None and inner is not None:
        target = tree.child(inner, frozenset({"pobj"}))
    return target


def _gapped(tree: Tree, head: int, anchor: int) -> bool:
    """Whether a count stands in a list that leaves out its verb: "six were killed in A, four in B"."""
    return tree.tokens[head].dep in ("appos", "conj") and tree.tokens[anchor].pos in ("VERB", "AUX")


def _of_object(tree: Tree, i: int) -> int | None:
    """The noun of an "of" phrase on ``i``: "55 percent of teachers", "25 of the victims"."""
    for k in tree.kids(i, _PREP):
        if tree.tokens[k].text.casefold() == "of":
            return tree.child(k, frozenset({"pobj"}))
    return None


def _climb(tree: Tree, i: int) -> int:
    """Through the nouns and modifiers a date or place hangs on, up to the word that names the
    event: "collapsed in the town of Izmir" → "collapsed", "found guilty Nov. 2" → "found"."""
    seen = {i}
    described = False
    while True:
        token = tree.tokens[i]
        up = _governor(tree, i) if token.dep == "pobj" else tree.head(i)
        climbing = (
            token.pos in ("NOUN", "PROPN")
            and (token.dep in ("pobj", "appos", "conj") or (described and token.dep in _ARGUMENTS))
        ) or token.pos in ("ADJ", "ADV")
        if not climbing or up in seen or tree.tokens[up].pos == "ADP":
            return i
        # A date on what is said of a verb's argument dates the verb: "found A guilty Nov. 2".
        described = token.pos == "ADJ"
        seen.add(up)
        i = up


def _anchor(tree: Tree, head: int, *, counted: bool) -> tuple[int, int | None]:
    """The content word a value is a value of, and the noun that names what it counts, if any.

    A number that counts a noun names it ("70 people"); a number in a unit, or a bare one, is a
    value of the noun around it ("a depth of 10 km", "55 percent of teachers", "a 90-month
    sentence", "25 of the victims") or else of the word it hangs on ("fell 13 percent").
    """
    if not counted:
        return _climb(tree, _governor(tree, head)), None
    token = tree.tokens[head]
    noun: int | None = None
    if token.pos == "NUM" and token.dep in _COUNTING and tree.head(head) != head:
        noun = tree.head(head)
        while tree.tokens[noun].pos == "NUM" and tree.tokens[noun].dep in _COUNTING and tree.head(noun) != noun:
            noun = tree.head(noun)  # "19 of 26 economists": the economists, not the 26
    elif token.pos in ("NOUN", "PROPN"):
        noun = head
    if noun is not None and not _unit(tree, noun):
        return noun, noun
    carrier = noun if noun is not None else head
    told = _told_by_relative(tree, carrier) or _reported_subject(tree, carrier)
    if told is not None:
        return told, None
    named = _of_object(tree, carrier)
    if named is not None:
        return carrier, named
    up = tree.head(carrier)
    if tree.tokens[carrier].dep == "pobj" and tree.tokens[up].text.casefold() == "of":
        return tree.head(up), tree.head(up)  # "a depth of 10 km", "a magnitude of 7.1"
    if tree.tokens[carrier].dep in NAME_PARTS and tree.tokens[up].pos in ("NOUN", "PROPN"):
        return up, up  # "a 90-month sentence"
    if noun is None and token.dep in ("appos", "conj"):
        # A count in a list that leaves out its noun and verb: "six were killed in A, four in B".
        k = tree.head(head)
        while tree.tokens[k].pos not in ("VERB", "AUX") and tree.head(k) != k:
            k = tree.head(k)
        return k, _of_object(tree, k)
    anchor = _governor(tree, carrier)
    if tree.tokens[anchor].pos in ("ADV", "ADP", "ADJ") and tree.tokens[tree.head(anchor)].pos in (
        "VERB",
        "AUX",
    ):
        anchor = tree.head(anchor)
    if tree.tokens[carrier].dep in SUBJECTS:
        # "Of the victims, three were in Andong": the counted noun is fronted on the verb.
        first = anchor
        while tree.tokens[first].dep == "conj" and tree.head(first) != first:
            first = tree.head(first)  # "Of the victims, two were found in A, three were in B"
        fronted = _of_object(tree, anchor) or _of_object(tree, first) or _opening_of(tree, head)
        if fronted is not None:
            return anchor, fronted
    return anchor, None


def _told_by_relative(tree: Tree, carrier: int) -> int | None:
    """The verb a relative clause reports a count in a phrase did, its subject left out: "as
    against the 1.5 million they said marched" → "marched"."""
    if tree.tokens[carrier].dep != "pobj":
        return None
    for verb in tree.kids(carrier, frozenset({"relcl"})):
        if tree.tokens[verb].lemma.casefold() in saying_verbs():
            done = tree.child(verb, frozenset({"xcomp", "ccomp"}))
            if done is not None and tree.tokens[done].pos == "VERB" and tree.subject(done) is None:
                return done
    return None


def _reported_subject(tree: Tree, carrier: int) -> int | None:
    """The reported verb whose subject a count is when the parser makes its qualifier a
    preposition of the verb of saying: "it estimated around 110,000 were in the square"."""
    if tree.tokens[carrier].dep == "prep" and len(tree.children[carrier]) == 1:
        carrier = tree.children[carrier][0]  # the qualifier is part of the value: "around 110,000"
    prep = tree.head(carrier)
    if tree.tokens[carrier].dep != "pobj" or tree.children[prep] != [carrier] or prep + 1 != carrier:
        return None
    verb = tree.head(prep)
    if tree.tokens[verb].lemma.casefold() not in saying_verbs():
        return None
    for done in tree.kids(verb, frozenset({"ccomp"})):
        if done > carrier and tree.subject(done) is None:
            return done
    return None


def _opening_of(tree: Tree, head: int) -> int | None:
    """The noun of an "of" phrase that opens the sentence before a bare count, wherever the
    parser hangs it: "Of the victims, two were found in A, three were in B"."""
    first = next((k for k, t in enumerate(tree.tokens) if t.pos != "PUNCT"), None)
    if first is None or first >= head or tree.tokens[first].text.casefold() != "of":
        return None
    noun = tree.child(first, frozenset({"pobj"}))
    return noun if noun is not None and noun < head else None


def _antecedent(tree: Tree, pronoun: int) -> int:
    """The noun a pronoun counted by a value stands for: "12 people, five of whom were
    children" → "people" (the noun its relative clause hangs on); "800 people took part, 65 of
    them in the capital" → "people" (the nearest plural noun before it)."""
    k = pronoun
    if tree.tokens[pronoun].tag in ("WP", "WDT"):
        while tree.tokens[k].dep != "relcl" and tree.head(k) != k:
            k = tree.head(k)
        if tree.tokens[k].dep == "relcl":
            return tree.head(k)
        return pronoun
    before = [
        i for i in range(pronoun) if tree.tokens[i].tag in ("NNS", "NNPS") and not _unit(tree, i)
    ]
    counted = [i for i in before if tree.kids(i, frozenset({"nummod"}))]
    return counted[-1] if counted else (before[-1] if before else pronoun)


def _child_toward(tree: Tree, top: int, k: int) -> int | None:
    """The child of ``top`` whose subtree holds ``k``, if any (a walk up from ``k``)."""
    seen = set()
    while tree.head(k) != top:
        if tree.head(k) == k or k in seen:
            return None
        seen.add(k)
        k = tree.head(k)
    return k if k != top else None


def _subject(tree: Tree, verb: int, inside: set[int]) -> int | None:
    """The noun a verb says something about: its subject, the noun a relative or participle
    clause hangs on ("the campaign, which ended", "the talks held in Istanbul"), or, when the
    subject is the value itself ("31% cast their ballots"), its object."""
    subject = tree.subject(verb)
    token = tree.tokens[verb]
    if subject is None and token.dep == "conj" and tree.tokens[tree.head(verb)].pos in ("VERB", "AUX"):
        # Coordinated verbs share a subject: "lenders to the fund lost $1bn and sued".
        subject = tree.subject(tree.head(verb))
        return subject if subject is not None and subject not in inside else None
    if subject is None or (token.dep == "relcl" and tree.tokens[subject].tag in ("WDT", "WP")):
        if token.dep in ("relcl", "acl") and tree.tokens[tree.head(verb)].pos in ("NOUN", "PROPN"):
            return tree.head(verb)
        if subject is None and token.dep == "advcl" and token.tag in ("VBG", "VBN"):
            # A participle does what its clause's subject does: "The quake, measuring 6.6, was felt".
            main = tree.subject(tree.head(verb))
            return main if main is not None and main not in inside else None
        return subject
    if subject in inside or tree.tokens[subject].pos == "NUM":
        return tree.child(verb, frozenset({"dobj"}))
    return subject


def _event_verb(tree: Tree, verb: int) -> int:
    """ "were reported killed" → "killed": a passive verb of saying hands over to the verb it reports."""
    if (
        tree.tokens[verb].lemma.casefold() in saying_verbs()
        and tree.child(verb, frozenset({"nsubjpass"})) is not None
    ):
        done = tree.child(verb, frozenset({"xcomp", "oprd"}))
        if done is not None and tree.tokens[done].pos == "VERB":
            return done
    return verb


def _attribute(tree: Tree, anchor: int, named: int | None, inside: set[int]) -> str:
    if named is not None:
        verb = _verb_of(tree, anchor)
        if tree.tokens[named].pos == "PRON":
            named = _antecedent(tree, named)
            if verb is None or _speaking(tree, verb):  # a gapped "65 of them in the capital"
                verb = _verb_of(tree, named)
        phrase = tree.phrase_lemmas(named)
        holder = _holder(tree, named)
        if holder is not None and tree.tokens[holder].text.casefold() in fate_words():
            return f"{phrase} {tree.tokens[holder].lemma.casefold()}"  # "the deaths of 151 passengers"
        return f"{phrase} {_verb_word(tree, verb)}" if verb is not None else phrase
    token = tree.tokens[anchor]
    if token.pos in ("VERB", "AUX"):
        anchor = _event_verb(tree, anchor)
        subject = _subject(tree, anchor, inside)
        through = _child_toward(tree, anchor, min(inside)) if inside else None
        if through is not None and tree.tokens[through].dep != "prep":
            through = None
        changed = tree.child(anchor, frozenset({"dobj"}))
        if (
            through is not None
            and changed is not None
            and tree.tokens[through].text.casefold() in _CHANGE
            and not _unit(tree, changed)  # "fell four per cent to $9bn": the change is no thing
        ):
            subject = changed  # "cut interest rates to 5%", "raised the toll to 55"
        placed = _placed(tree, anchor, through, inside)
        if placed is not None:
            subject = placed  # "put the death toll at 63": a toll, not whoever put it
        lemma = _verb_word(tree, anchor)
        bare = [k for k in tree.kids(anchor, frozenset({"dobj"})) if not tree.children[k]]
        if (
            bare
            and tree.tokens[bare[0]].tag in ("NN", "JJ")
            and bare[0] not in inside
            and tree.tokens[anchor].lemma.casefold() not in saying_verbs()
        ):
            # A bare singular object completes the verb: "made landfall" (the parser may tag
            # it an adjective), "took part"; not "told reporters", "visited survivors".
            lemma = f"{lemma} {tree.tokens[bare[0]].lemma.casefold()}"
        return f"{_thing_lemmas(tree, subject)} {lemma}" if subject is not None else lemma
    phrase = tree.phrase_lemmas(anchor)
    verb = _verb_of(tree, anchor)
    return f"{phrase} {tree.tokens[verb].lemma.casefold()}" if verb is not None else phrase


def _thing_lemmas(tree: Tree, noun: int) -> str:
    """A noun's name, and for a figure of something ("the number of injured") what it counts."""
    phrase = tree.phrase_lemmas(noun)
    if tree.tokens[noun].lemma.casefold() in words("quantity_nouns"):
        of = next((k for k in tree.kids(noun, _PREP) if tree.tokens[k].text.casefold() == "of"), None)
        counted = tree.child(of, frozenset({"pobj"})) if of is not None else None
        if counted is not None:
            return f"{phrase} {tree.phrase_lemmas(counted)}"
    return phrase


def _places_value(tree: Tree, through: int | None, inside: set[int]) -> bool:
    """Whether ``through`` is an "at" or "as" whose object is the value itself ("put the toll
    [at 63]"), not a phrase with the value inside it ("at talks on May 6")."""
    return (
        through is not None
        and tree.tokens[through].text.casefold() in _PLACING
        and tree.child(through, frozenset({"pobj"})) in inside
    )


def _placed(tree: Tree, verb: int, through: int | None, inside: set[int]) -> int | None:
    """The object a value is the figure of, where a verb places it "at" or "as" the value: "put
    the death toll at 63", "gave the magnitude as 6.8", "estimated the crowd at 5,000"; a
    pronoun object stands for the noun before it ("put it at 7.0" names nothing: None)."""
    if not _places_value(tree, through, inside):
        return None
    placed = tree.child(verb, frozenset({"dobj"}))
    if placed is None or placed in inside:
        return None
    if tree.tokens[placed].pos == "PRON":
        return None
    return placed


def _holder(tree: Tree, noun: int) -> int | None:
    """The noun whose "of" phrase ``noun`` is: "the deaths of 151 passengers" → "deaths"."""
    up = tree.head(noun)
    if tree.tokens[noun].dep == "pobj" and tree.tokens[up].text.casefold() == "of" and tree.head(up) != up:
        holder = tree.head(up)
        return holder if tree.tokens[holder].pos == "NOUN" else None
    return None


def _verb_word(tree: Tree, verb: int) -> str:
    """A verb's lemma, but a fate keeps its name: "three others missing" is "missing", not "miss"."""
    token = tree.tokens[verb]
    if token.lemma.casefold() == "be":
        # A copula says nothing; its adjective does: "25 of the victims were male".
        said = tree.child(verb, frozenset({"acomp"}))
        if said is not None:
            verb, token = said, tree.tokens[said]
    names = {name for name, _ in groups("fates")}
    return token.text.casefold() if token.text.casefold() in names else token.lemma.casefold()


def _verb_of(tree: Tree, noun: int) -> int | None:
    """The verb a noun is an argument of ("70 people were killed"), or the participle that
    describes it ("524 deaths reported this year")."""
    if tree.tokens[noun].pos in ("VERB", "AUX"):
        return noun
    while tree.tokens[noun].dep == "conj" and tree.head(noun) != noun:
        noun = tree.head(noun)  # "17,000 hectares and 209 houses": the first conjunct's verb
    governor = tree.head(noun)
    if tree.tokens[noun].dep == "pobj" and tree.tokens[governor].text.casefold() == "of":
        holder = tree.head(governor)  # "a total of 26 officers sustained"
        if tree.tokens[holder].pos == "NOUN" and tree.tokens[holder].dep in _ARGUMENTS:
            noun, governor = holder, tree.head(holder)
    if (
        tree.tokens[noun].dep in _ARGUMENTS
        and governor != noun
        and tree.tokens[governor].pos in ("VERB", "AUX")
    ):
        return _event_verb(tree, governor)
    for k in tree.kids(noun, _ACL):
        if tree.tokens[k].pos == "VERB":
            return k
    return None


def _speaking(tree: Tree, i: int) -> bool:
    """Whether a verb is somebody saying something: a verb of saying with a speaker and no thing
    for object. "police said on Tuesday" dates the saying; "deaths reported this year" and "the
    fire claimed 24 lives on Monday" date the deaths."""
    token = tree.tokens[i]
    return (
        token.pos == "VERB"
        and token.lemma.casefold() in saying_verbs()
        and tree.child(i, frozenset({"nsubj"})) is not None
        and not any(tree.tokens[k].pos in ("NOUN", "PROPN") for k in tree.kids(i, frozenset({"dobj"})))
    )


@dataclass(frozen=True, slots=True)
class _TimeEntity:
    order: int
    members: frozenset[int]
    text: str


class Facts:
    """The parse of one sentence, read once, that gives the fact key of any value in it.

    What does not depend on the value (the tree, "according to …", the date entities and the
    words they hang on) is found once per sentence, and what each value asks (a verb's subject,
    its speaker) is kept; so a sentence of n values costs about n lookups, not n whole-sentence
    scans (issue 12, bug 4). ``fact_key`` is the one-value form.
    """

    def __init__(self, parse: Parse, text: str) -> None:
        self.tree = tree = Tree(parse, text)
        self._starts = [t.start for t in parse.tokens]
        self._ends = [t.end for t in parse.tokens]
        self._according = self._find_according()
        self._verbs = saying_verbs()
        self._speaker_from: dict[int, tuple[int, ...]] = {}
        # Date and time entities by the word they hang on, in entity order.
        by_start = {t.start: k for k, t in enumerate(tree.tokens)}
        self._timed: set[int] = set()
        self._times: dict[int, list[_TimeEntity]] = {}
        self._time_at: dict[int, _TimeEntity] = {}
        self._phrase_time: dict[frozenset[int], _TimeEntity | None] = {}
        self._name_of: dict[int, int] = {}
        spans = []
        for order, entity in enumerate(tree.entities):
            if entity.label not in TIME_LABELS or (entity.text.isdigit() and len(entity.text) < 4):
                continue  # a bare short number is an age or a count: "Lan, 67,"
            members = self._covered(entity.start, entity.end)
            self._timed.update(members)
            if by_start.get(entity.start) is not None:
                spans.append((order, entity.text, members))
        for order, text, members in spans:
            head = self._time_head(_span_head(tree, members))
            if tree.tokens[head].dep in ("amod", "compound") or _lasting(tree, head):
                continue  # a length, not a moment: "a 16-year high", "a monthly saving", "for hours"
            found = _TimeEntity(order, frozenset(members), text)
            self._times.setdefault(_governor(tree, head), []).append(found)
            self._time_at.update(dict.fromkeys(members, found))
        self._valued: dict[int, str] = {}
        for number, entity in enumerate(tree.entities):
            if entity.label not in TIME_LABELS:
                self._name_of.update(dict.fromkeys(self._covered(entity.start, entity.end), number))
            if entity.label in _VALUE_LABELS:
                self._valued.update(dict.fromkeys(self._covered(entity.start, entity.end), entity.label))
        self._scopes: dict[int, list[tuple[frozenset[int], str]]] = {}

    def _time_head(self, head: int) -> int:
        """The word a date's words name one moment with: "afternoon" for the "Wednesday" of
        "Wednesday afternoon"."""
        tree = self.tree
        while tree.tokens[head].dep == "compound" and tree.head(head) in self._timed:
            head = tree.head(head)
        return head

    def _first_time(self, members: frozenset[int]) -> _TimeEntity | None:
        """The first date entity wholly inside a phrase (each phrase is read once)."""
        if members not in self._phrase_time:
            inside = {self._time_at[k] for k in members if k in self._time_at}
            whole = [e for e in inside if e.members <= members]
            self._phrase_time[members] = min(whole, key=lambda e: e.order) if whole else None
        return self._phrase_time[members]

    def _covered(self, start: int, end: int) -> list[int]:
        """The tokens that start inside ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return list(range(lo, hi))

    def _find_according(self) -> str | None:
        tree = self.tree
        for i, token in enumerate(tree.tokens):
            if token.lemma.casefold() == "accord" and token.text.casefold() == "according":
                to = tree.child(i, frozenset({"prep"}))
                target = tree.child(to, frozenset({"pobj"})) if to is not None else None
                if target is not None:
                    return tree.span_text(tree.subtree(target))
        return None

    def _speaker_subject(self, verb: int) -> int | None:
        """The subject of a verb of saying, or, for one without ("..., saying that", "adding
        that"), the subject of the verb it continues."""
        tree = self.tree
        subject = tree.subject(verb)
        if (
            subject is None
            and tree.tokens[verb].dep in ("advcl", "xcomp", "conj")
            and tree.head(verb) != verb
        ):
            subject = tree.subject(tree.head(verb))
        return subject

    def _attributed(self, start: int) -> tuple[int, ...]:
        """The subjects of the verbs of saying that report the clause of ``start``, nearest first.

        A verb of saying reports what hangs on it as its complement ("police said 12 died"), not
        its own subject or object ("the minister who said so", "Bolt claimed gold in 9.81 s").
        """
        if start in self._speaker_from:
            return self._speaker_from[start]
        tree = self.tree
        path = []
        found: tuple[int, ...] = ()
        child = start
        while True:
            if child in self._speaker_from:
                found = self._speaker_from[child]
                break
            path.append(child)
            k = tree.head(child)
            if k == child:
                break
            token = tree.tokens[k]
            if (
                token.pos == "VERB"
                and token.lemma.casefold() in self._verbs
                and tree.tokens[child].dep in _REPORTED
            ):
                subject = self._speaker_subject(k)
                if subject is not None:
                    # Later speakers are found from the verb on; this one comes first.
                    above = self._attributed(k)
                    found = (subject, *above)
                    break
            child = k
        for visited in path:
            self._speaker_from[visited] = found
        return found

    def _authority(self, head: int, inside: set[int]) -> str | None:
        if self._according is not None:
            return self._according
        tree = self.tree
        subjects = [k for k in self._attributed(head) if inside.isdisjoint(tree.members(k))]
        if not subjects:
            subjects = self._figure_giver(head, inside)
        if not subjects:
            # A sentence closed by its main verb, one of saying, is said whole by its subject,
            # even where the parse hangs a phrase elsewhere: "A court jailed A for a $3bn
            # fraud, state media said."
            root = tree.root(head)
            subject = tree.nearest_subject(root, frozenset({"nsubj"}))
            if (
                root > max(inside)  # the attribution closes the sentence
                and _speaking(tree, root)
                and subject is not None
                and inside.isdisjoint(tree.members(subject))
            ):
                subjects = [subject]
        named = [k for k in subjects if self.tree.tokens[k].pos != "PRON"]
        chosen = named[0] if named else (subjects[0] if subjects else None)
        return self.tree.subtree_text(chosen) if chosen is not None else None

    def _figure_giver(self, head: int, inside: set[int]) -> list[int]:
        """Who gives the value as a figure of something: the subject of "put the toll at 63"
        (``figure_verbs``), the value being what "at" or "as" places."""
        tree = self.tree
        through = tree.head(head)
        if tree.tokens[head].dep != "pobj" or not _places_value(tree, through, inside):
            return []
        verb = tree.head(through)
        if tree.tokens[verb].pos != "VERB" or tree.tokens[verb].lemma.casefold() not in words("figure_verbs"):
            return []
        subject = tree.child(verb, frozenset({"nsubj"}))
        return [subject] if subject is not None and inside.isdisjoint(tree.members(subject)) else []

    def _time(self, hosts: set[int], inside: set[int], own: int) -> str | None:
        best: _TimeEntity | None = None
        tree = self.tree
        for host in sorted(hosts, key=lambda k: k != own):  # a gapped count's own date first
            if _speaking(tree, host):
                continue
            if tree.tokens[host].dep == "relcl" and any(
                tree.tokens[k].text.casefold() == "when" for k in tree.children[host]
            ):
                when = self._time_at.get(tree.head(host))  # "since 2016, when A won in 9.81 s"
                if when is not None and when.members.isdisjoint(inside):
                    return when.text
            for entity in self._times.get(host, ()):
                if entity.members.isdisjoint(inside):
                    if best is None or entity.order < best.order:
                        best = entity
                    break
            if best is not None and host == own:
                break
        if best is None:
            # Else a date inside a phrase that narrows it: "in the outbreak of 2022".
            for host in hosts:
                for members, _ in self._scope_phrases(host):
                    if not members.isdisjoint(inside):
                        continue
                    first = self._first_time(members)
                    if first is not None and (best is None or first.order < best.order):
                        best = first
        return best.text if best is not None else None

    def _scope_phrases(self, host: int) -> list[tuple[frozenset[int], str]]:
        if host not in self._scopes:
            found = []
            circumstance = words("circumstance_prepositions")
            for k in self.tree.children[host]:
                token = self.tree.tokens[k]
                # A preposition the parser calls an adverb still brings a phrase: "revenue
                # outside of the phone business".
                phrase = token.dep == "prep" or (token.dep == "advmod" and token.pos == "ADP")
                if (
                    not phrase
                    or token.text.casefold() in circumstance
                    or token.text.casefold() == "according"
                ):
                    continue
                members = self.tree.subtree(k)
                if (
                    len(members) < 2
                    or self._timed.issuperset(members[1:])
                    or self._one_name(host, members)
                    or self._states_value(k)
                    or self._state(members)
                    or self._path(host, members)
                ):
                    continue
                found.append((frozenset(members), self.tree.span_text(members)))
            where = self._where(host)
            if where is not None:
                found.append(where)
            self._scopes[host] = found
        return self._scopes[host]

    def _counts(self, i: int, labels: frozenset[str]) -> bool:
        """Whether a noun is a value of one of ``labels``, or is counted by one ("5%", "over
        800,000", "7 million voters")."""
        tree = self.tree
        return self._valued.get(i) in labels or any(
            tree.tokens[k].dep in _COUNTING and self._valued.get(k) in labels for k in tree.children[i]
        )

    def _states_value(self, prep: int) -> bool:
        """Whether a phrase gives another value rather than a scope: its object is one ("cut
        rates to 5%", "out of over 7 million voters"), or, on a verb, measures one ("from a high
        of 5.25%", "resulted in losses of $27bn"), or a measure places it ("17 km off the coast")."""
        tree = self.tree
        if any(
            tree.tokens[k].dep == "npadvmod" and self._valued.get(k) in _MEASURE_LABELS
            for k in tree.children[prep]
        ):
            return True
        if any(
            tree.tokens[k].dep in ("advmod", "npadvmod") and any(j in self._valued for j in tree.members(k))
            for k in tree.children[prep]
        ):
            return True  # a gapped count the parser hangs on it: "..., and over 800,000 in B"
        target = _phrase_object(tree, prep)
        if target is None:
            return False
        definite = any(
            tree.tokens[k].dep == "poss" or tree.tokens[k].lemma.casefold() == "the"
            for k in tree.children[target]
        )
        if self._counts(target, _VALUE_LABELS) and not definite:
            return True  # but "aboard the two trains" names the trains
        # "cut rates from a high of 5.25%" gives a value; "a saving on a mortgage of £300,000"
        # describes the mortgage.
        measured = _of_object(tree, target) if tree.tokens[tree.head(prep)].pos in ("VERB", "AUX") else None
        return measured is not None and self._counts(measured, _MEASURE_LABELS)

    def _state(self, members: Sequence[int]) -> bool:
        """Whether a phrase is a bare common noun, a state or manner, not a place or an entity:
        "on strike", "in panic", "at risk"."""
        tree = self.tree
        if len(members) == 2 and tree.tokens[members[1]].tag == "NN":
            return True
        # An indefinite manner that opens the sentence, with no name, place or number in it:
        # "In a continuing downward trend, ..." (but "In a village near A, ..." names a place,
        # and "agreed to a ceasefire" is no opening).
        target = tree.child(members[0], frozenset({"pobj"}))
        opening = all(t.pos == "PUNCT" for t in tree.tokens[: members[0]])
        return (
            opening
            and target is not None
            and any(tree.tokens[k].lemma.casefold() == "a" for k in tree.children[target])
            and tree.tokens[target].lemma.casefold() not in tagged("place_nouns")
            and all(tree.tokens[k].pos not in ("PROPN", "NUM") for k in members)
        )

    def _path(self, host: int, members: Sequence[int]) -> bool:
        """Whether a phrase is a direction ("to the south", "a mile north"; but "in the south"
        and "across the US northeast" are regions) or the path of a motion (``motion_verbs``) that names no place, body or
        number ("pulled from under the rubble", "moved to another site"; but "moved to shelters
        in A" names a place, and "from each side" divides the count)."""
        tree = self.tree
        preposition = tree.tokens[members[0]].text.casefold()
        target = _phrase_object(tree, members[0])
        if target is None:
            return False
        if (
            tree.tokens[target].lemma.casefold() in words("compass")
            and preposition not in _REGION
            and _of_object(tree, target) is None
            and all(tree.tokens[k].pos != "PROPN" for k in members)
        ):
            return True
        if preposition not in _PATH or tree.tokens[host].lemma.casefold() not in words("motion_verbs"):
            return False
        return not any(
            tree.tokens[k].pos in ("PROPN", "NUM")
            or k in self._name_of
            or tree.tokens[k].lemma.casefold() in _DISTRIBUTIVE
            for k in members[1:]
        )

    def _one_name(self, host: int, members: Sequence[int]) -> bool:
        """Whether a phrase is part of its host's name: "the Bank of England", "prisoners of war"."""
        tree = self.tree
        if tree.tokens[members[0]].text.casefold() != "of":
            return False
        named = self._name_of.get(min(host, members[0]))
        within = named is not None and self._name_of.get(members[-1]) == named
        bare = len(members) == 2 and tree.tokens[members[1]].tag in (
            "NN",
            "NNS",
        )  # no article: "of war"
        # An adjective standing for people names them too: "the bodies of the dead".
        target = tree.child(members[0], frozenset({"pobj"}))
        people = target is not None and tree.tokens[target].pos == "ADJ"
        return within or bare or people

    def _where(self, verb: int) -> tuple[frozenset[int], str] | None:
        """The place a "where" clause hangs on: "in Fort Pierce, where four people died"."""
        tree = self.tree
        if tree.tokens[verb].dep != "relcl" or not any(
            tree.tokens[k].text.casefold() == "where" for k in tree.children[verb]
        ):
            return None
        place = tree.head(verb)
        members = [
            k for k in tree.children[place] if tree.tokens[k].dep == "compound" and k < place
        ] + [place]
        return frozenset(members), tree.span_text(members)

    def _scope(
        self, hosts: set[int], inside: set[int], changed: int | None = None, gapped: int | None = None
    ) -> tuple[str, ...]:
        """The phrases on ``hosts`` that narrow the value; on the verb ``changed`` whose change
        the value is, a "from", "to" or "by" phrase is the change's other end, not a scope
        ("fell 13 percent from the year-ago period"). A ``gapped`` count with a phrase of its own
        leaves the phrases before it to the clause it follows: "six died in A and four in B"."""
        tree = self.tree
        own = gapped is not None and any(members.isdisjoint(inside) for members, _ in self._scope_phrases(gapped))
        return tuple(
            text
            for host in sorted(hosts)
            for members, text in self._scope_phrases(host)
            if members.isdisjoint(inside)
            and not (host == changed and tree.tokens[min(members)].text.casefold() in _CHANGE)
            and not (own and host != gapped and max(members) < min(inside))
        )

    def key(self, start: int, end: int, *, counted: bool, speaker: str | None = None) -> FactKey:
        """The fact key of the value at ``text[start:end]``; see ``fact_key``."""
        tree = self.tree
        # The tokens that overlap the value: tokens are in text order and do not overlap.
        lo = bisect.bisect_right(self._ends, start)
        hi = bisect.bisect_left(self._starts, end)
        inside = list(range(lo, hi))
        if not inside:
            return FactKey(attribute=speaker)
        members = set(inside)
        head = _span_head(tree, inside)
        if not counted:
            head = self._time_head(head)  # "found Thursday night" dates the finding, not the night
        if counted and speaker is None:
            place = _distance_from(tree, head)
            if place is not None:
                # The place and what it is measured from: "south of the city", "off the coast",
                # not another phrase on it ("25 km southeast of A at a depth of 10 km").
                whole = [place] + [
                    k
                    for child in tree.children[place]
                    if head not in tree.members(child)
                    and (tree.tokens[child].dep != "prep" or tree.tokens[child].text.casefold() in ("of", "from"))
                    for k in tree.subtree(child)
                ]
                whole.sort()
                return FactKey(
                    attribute="distance",
                    scope=(tree.span_text(whole),) if len(whole) > 1 else (),
                    authority=self._authority(head, members),
                )
        anchor, named = _anchor(tree, head, counted=counted)
        hosts = self._hosts(head, anchor, named, members, counted=counted)
        attribute = (
            speaker if speaker is not None else _attribute(tree, anchor, named, members) or None
        )
        through = _child_toward(tree, anchor, head) if named is None and counted else None
        changed = (
            anchor
            if through is not None
            and (tree.tokens[through].dep == "npadvmod" or tree.tokens[through].text.casefold() in _CHANGE)
            else None
        )
        event = _governor(tree, head)
        if not counted and head in self._timed and event != anchor and tree.tokens[event].pos == "NOUN":
            hosts = hosts | {event}  # a date on a noun is its event's: "At talks in A on May 6, ..."
        gapped = head if _gapped(tree, head, anchor) else None
        return FactKey(
            attribute=attribute,
            scope=self._scope(hosts, members | ({named} if named is not None else set()), changed, gapped),
            time=self._time(hosts | self._passed(head, anchor, counted=counted), members, head),
            authority=self._authority(head, members) if speaker is None else None,
        )

    def _passed(self, head: int, anchor: int, *, counted: bool) -> set[int]:
        """The common nouns a date or venue climbed through to its event, whose dates are the
        event's: "made landfall as a storm on Wednesday near the key" → "storm"."""
        tree = self.tree
        if counted:
            return set()
        passed, k = set(), _governor(tree, head)
        while k != anchor and k not in passed and tree.head(k) != k:
            if tree.tokens[k].pos == "NOUN":
                passed.add(k)
            k = _governor(tree, k) if tree.tokens[k].dep == "pobj" else tree.head(k)
        return passed

    def _hosts(
        self, head: int, anchor: int, named: int | None, inside: set[int], *, counted: bool
    ) -> set[int]:
        """The words whose modifiers narrow or date the value: the value, its noun, its verb (or
        the verb its phrase hangs on), for a count the verbs coordinated with that verb ("12
        were killed and 40 hurt in A"; a date or venue is one event's: "found in 1970 and spread
        to B"), the participles that describe its noun, and the subject the attribute names."""
        tree = self.tree
        hosts = {anchor} if named is None else {anchor, named}
        if _gapped(tree, head, anchor):
            hosts.add(head)  # a gapped count keeps its own place: "..., four in Volusia County"
        verb = _verb_of(tree, anchor)
        for noun in (anchor, named):
            if noun is None or tree.tokens[noun].pos in ("VERB", "AUX"):
                continue
            first = noun
            while tree.tokens[first].dep == "conj" and tree.head(first) != first:
                first = tree.head(first)
            for k in {noun, first}:
                hosts.update(tree.kids(k, _CLAUSES))
            if verb is None and tree.tokens[first].dep == "pobj":
                up = _governor(tree, first)  # "with 14,000 cases and 511 deaths"
                verb = up if tree.tokens[up].pos in ("VERB", "AUX") else None
        if verb is not None:
            hosts.add(verb)
            hosts.add(_event_verb(tree, verb))
            if counted:
                hosts.update(k for k in tree.kids(verb, _CONJ) if tree.tokens[k].pos == "VERB")
            if tree.tokens[verb].dep == "conj":
                hosts.add(tree.head(verb))
            subject = _subject(tree, verb, inside)
            if subject is not None and subject not in inside:
                hosts.add(subject)
        return hosts


def fact_key(
    parse: Parse, text: str, start: int, end: int, *, counted: bool, speaker: str | None = None
) -> FactKey:
    """The fact key of the value at ``text[start:end]`` in the sentence ``parse`` covers.

    ``counted`` says the value is a number (it counts or measures a noun); ``speaker`` is a
    quotation's speaker, which is its attribute.
    """
    return Facts(parse, text).key(start, end, counted=counted, speaker=speaker)
