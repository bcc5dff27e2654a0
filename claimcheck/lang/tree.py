"""One sentence's dependency parse as a tree to walk: each word's head and dependents, its
entity, its subtree, and the words inside a stretch of text.

Fact keys, venues and quotation speakers all walk the same tree; this is the one reading of it.
What a lookup finds is kept: one sentence can hold thousands of values, and each of them asks
about the same few words (its verb, that verb's subject).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from claimcheck.model import Parse, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Verbs whose agent reports another's words: "Smith was quoted by a paper as saying".
_QUOTING = frozenset({"quote", "cite"})
# Labels of the words that make a noun phrase's own name ("death toll", "net income").
NAME_PARTS = frozenset({"compound", "amod"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# Entity labels of a name that says whose a thing is, not what it is: "the Acme Air plane crash".
_NAMED = frozenset({"ORG", "PERSON"})
# Entity labels of the words that place or order a thing rather than name it: "the first
# direct talks", "the 1997 crash", "a 16-year high" (an adjective still names: "annual meeting").
_NOT_NAMING = frozenset({"ORDINAL", "CARDINAL"})


class Tree:
    """The tokens of one parse with their dependents, and the text their offsets point into.

    ``text`` starts at offset ``base`` of the source: the source text with ``base`` 0, or one
    sentence's text with ``base`` at its start (``start``, ``end``, ``within`` and ``before``
    count from there).
    """

    def __init__(self, parse: Parse, text: str, base: int = 0) -> None:
        self.tokens: Sequence[Token] = parse.tokens
        self.text = text
        self.base = base
        self.entities = parse.entities
        self.children: list[list[int]] = [[] for _ in parse.tokens]
        for i, token in enumerate(parse.tokens):
            if token.head != i:
                self.children[token.head].append(i)
        self.starts = [t.start - base for t in parse.tokens]
        self.ends = {t.end - base: k for k, t in enumerate(parse.tokens)}
        # The entity label and number of each token inside an entity.
        self.label: dict[int, str] = {}
        self.entity: dict[int, int] = {}
        for number, entity in enumerate(parse.entities):
            lo = bisect.bisect_left(self.starts, entity.start - base)
            hi = bisect.bisect_left(self.starts, entity.end - base)
            self.label.update(dict.fromkeys(range(lo, hi), entity.label))
            self.entity.update(dict.fromkeys(range(lo, hi), number))
        self._child: dict[tuple[int, frozenset[str]], int | None] = {}
        self._lemmas: dict[int, str] = {}
        self._subtree_text: dict[int, str] = {}
        self._members: dict[int, frozenset[int]] = {}
        self._roots: dict[int, int] = {}
        self._kids: dict[tuple[int, frozenset[str]], tuple[int, ...]] = {}

    # -- offsets

    def start(self, k: int) -> int:
        return self.starts[k]

    def end(self, k: int) -> int:
        return self.tokens[k].end - self.base

    def within(self, start: int, end: int) -> range:
        """The words inside ``[start, end)``."""
        first = bisect.bisect_left(self.starts, start)
        last = first
        while last < len(self.tokens) and self.end(last) <= end:
            last += 1
        return range(first, last)

    def before(self, pos: int) -> int | None:
        """The last word that ends at or before ``pos``."""
        k = bisect.bisect_right(self.starts, pos) - 1
        while k >= 0 and self.end(k) > pos:
            k -= 1
        return k if k >= 0 else None

    def word(self, k: int) -> str:
        return self.tokens[k].text.casefold()

    def lemma(self, k: int) -> str:
        return self.tokens[k].lemma.casefold()

    def span_text(self, indexes: Sequence[int]) -> str:
        return self.text[self.start(indexes[0]) : self.end(indexes[-1])]

    # -- the tree

    def head(self, i: int) -> int:
        """The head of ``i``; a root is its own head."""
        return self.tokens[i].head

    def parent(self, i: int) -> int | None:
        """The head of ``i``, or None for a root."""
        h = self.tokens[i].head
        return None if h == i else h

    def root(self, i: int) -> int:
        """The root of the tree ``i`` is in (kept for every word on the way: a list of values
        can be one chain of thousands of words)."""
        path = []
        while i not in self._roots and self.head(i) != i:
            path.append(i)
            i = self.head(i)
        top = self._roots.get(i, i)
        self._roots.update(dict.fromkeys(path, top))
        self._roots[i] = top
        return top

    def subtree(self, i: int) -> list[int]:
        found, stack = [], [i]
        while stack:
            k = stack.pop()
            found.append(k)
            stack.extend(self.children[k])
        return sorted(found)

    def members(self, i: int) -> frozenset[int]:
        if i not in self._members:
            self._members[i] = frozenset(self.subtree(i))
        return self._members[i]

    def subtree_text(self, i: int) -> str:
        if i not in self._subtree_text:
            self._subtree_text[i] = self.span_text(self.subtree(i))
        return self._subtree_text[i]

    def kids(self, i: int, labels: frozenset[str]) -> tuple[int, ...]:
        """The children of ``i`` with one of ``labels``, in order (kept: a root can have thousands)."""
        if (i, labels) not in self._kids:
            self._kids[(i, labels)] = tuple(k for k in self.children[i] if self.tokens[k].dep in labels)
        return self._kids[(i, labels)]

    def child(self, i: int, labels: frozenset[str]) -> int | None:
        """The first child of ``i`` with one of ``labels``."""
        if (i, labels) not in self._child:
            self._child[(i, labels)] = next((k for k in self.children[i] if self.tokens[k].dep in labels), None)
        return self._child[(i, labels)]

    def subject(self, i: int, labels: frozenset[str] = SUBJECTS) -> int | None:
        """The first subject of ``i``."""
        found = self.kids(i, labels)
        return found[0] if found else None

    def nearest_subject(self, i: int, labels: frozenset[str]) -> int | None:
        """The subject of ``i`` nearest before it: a fronted count the parser also makes the
        subject of a closing "…, a union organizer reported" comes first."""
        found = self.kids(i, labels)
        before = [k for k in found if k < i]
        return before[-1] if before else (found[0] if found else None)

    def phrase_lemmas(self, i: int) -> str:
        """The lemma of a noun with the words that name it: "death toll", "net income"."""
        if i not in self._lemmas:
            parts = [k for k in self.children[i] if self.tokens[k].dep in NAME_PARTS and k < i]
            parts = [
                k
                for k in parts
                if self.tokens[k].pos in ("NOUN", "PROPN", "ADJ")
                and self.label.get(k) not in _NOT_NAMING
                # "the Acme Air plane crash" → "plane crash", but "Bank Rate" is one name
                and (self.label.get(k) not in _NAMED or self.entity.get(k) == self.entity.get(i))
                and (self.label.get(k) not in TIME_LABELS or self.tokens[k].pos == "ADJ")
            ]
            self._lemmas[i] = " ".join(self.tokens[k].lemma.casefold() for k in [*parts, i])
        return self._lemmas[i]


# How a verb of saying without a subject of its own continues a verb that has one: "…,
# adding that", "was quoted as saying", "paused and said", "went on to say".
_CONTINUING = frozenset({"advcl", "xcomp", "conj", "pcomp"})
# Dependents that describe a speaker rather than name it: "the farmer, whose family has worked
# the land for generations, said", "Smith, speaking after the vote, said".
_ASIDES = frozenset({"relcl", "acl", "advcl", "cc", "conj"})


def _coordinated_first(tree: Tree, nearest: int, subjects: Sequence[int]) -> int:
    """The first of two subjects before a verb when an "and" joins them: the parser tears a
    coordinated subject in two ("Jane Smith and co-counsel Tom Green said" gives "said" both
    names), where the nearest is only the last of the speakers. Without a joining "and", the
    nearest stands: the parser also makes a fronted phrase a subject ("65,000 of them in the
    capital, a union organizer reported")."""
    for first in sorted(k for k in subjects if k < nearest):
        joins = [c for c in tree.children[first] if tree.tokens[c].dep == "cc" and first < c < nearest]
        if any(tree.tokens[c].lemma.casefold() == "and" for c in joins):
            return first
    return nearest


def sayer(
    tree: Tree, verb: int, *, inverted: bool = False, apart: Callable[[int], bool] = lambda _k: True
) -> tuple[int, int] | None:
    """Who a verb of saying reports as speaking, and the verb that names them: the verb's
    nominal subject, before it ("Smith said") or after it ("said Smith"); the agent of a passive
    ("was announced by the ministry"); for a verb without a subject, the subject of the verb it
    continues ("Smith was quoted as saying", "…, adding that"; "Smith was quoted by a paper as
    saying": the paper only quotes); for a relative clause, the noun
    it describes ("the minister, who said"; also a participle the parser hangs on a name: "Jane
    Smith, the captain, posted on X:"). An ``inverted`` verb (right after the quotation it
    reports) has its speaker after it even where the parser calls it an object ("…,” replied his
    rival"). None when the parse names nobody (a passive without agent: "the plan was
    announced"). Only words ``apart`` can speak: the parser sometimes makes the subject of a
    quotation's first clause a second subject of the verb that reports it."""
    climbed = False
    for _ in range(4):
        subjects = [k for k in tree.kids(verb, frozenset({"nsubj"})) if apart(k)]
        subject = min(subjects, key=lambda k: abs(k - verb)) if subjects else None
        if subject is not None and subject < verb:
            subject = _coordinated_first(tree, subject, subjects)
        dep = tree.tokens[verb].dep
        if subject is not None:
            relative = dep == "relcl" and tree.tokens[subject].tag in ("WP", "WDT")
            return (tree.head(verb), verb) if relative else (subject, verb)
        if not climbed and dep in ("relcl", "acl") and tree.tokens[tree.head(verb)].pos in ("NOUN", "PROPN"):
            return tree.head(verb), verb
        if inverted and not climbed:
            done = [k for k in tree.kids(verb, frozenset({"dobj"})) if k > verb and apart(k)]
            if done:
                return done[0], verb
        passive = tree.subject(verb, frozenset({"nsubjpass"}))
        if climbed and passive is not None and apart(passive) and tree.lemma(verb) in _QUOTING:
            # "Smith was quoted by a paper as saying": the agent only quotes the speaker (but
            # "a statement was issued by the board, saying": the board speaks)
            return passive, verb
        agent = tree.child(verb, frozenset({"agent"}))
        if agent is not None:
            named = tree.child(agent, frozenset({"pobj"}))
            return (named, verb) if named is not None else None
        if passive is not None and apart(passive):
            return None
        up = tree.parent(verb)
        if up is None or dep not in _CONTINUING | {"acl"}:
            return None
        # Through a phrase to its verb: "quoted as saying", "called for efforts to help ...".
        for _ in range(3):
            if tree.tokens[up].pos in ("VERB", "AUX") or tree.tokens[up].dep not in ("prep", "pobj", "pcomp"):
                break
            up = tree.head(up)
        if tree.tokens[up].pos not in ("VERB", "AUX"):
            return None
        verb, climbed = up, True
    return None


def name_span(tree: Tree, k: int) -> tuple[int, int]:
    """The first and last word of the phrase that names ``k``: its compounds, titles, determiners,
    possessives and appositions ("Chile's deputy mining minister", "Tomas Berglund, a farmer"),
    and the phrases that place them ("a spokesperson for the ministry", "the delegation head in
Sudan, Amira Saleh"), without the clauses that describe them (see ``_ASIDES``)."""
    kept = {k}
    stack = [k]
    while stack:
        for c in tree.children[stack.pop()]:
            dep = tree.tokens[c].dep
            if dep in _ASIDES:
                continue
            kept.add(c)
            stack.append(c)
    first = last = k
    while first - 1 in kept:
        first -= 1
    while last + 1 in kept:
        last += 1
    while last > first and tree.tokens[last].pos == "PUNCT":
        last -= 1
    while first < last and tree.tokens[first].pos == "PUNCT":
        first += 1
    return first, last
