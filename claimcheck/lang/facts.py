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

from claimcheck.lang.lexicon import words
from claimcheck.model import Parse, Token

# Dependency labels of a noun that a verb governs as its subject or object.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
# Labels of the words that make a noun phrase's own name ("death toll", "net income").
_NAME_PARTS = frozenset({"compound", "amod"})
# Labels of a number that counts or measures the word it hangs on.
_COUNTING = frozenset({"nummod", "quantmod", "compound"})
_TIME_LABELS = frozenset({"DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class FactKey:
    """What a value is a value of (see the module docstring)."""

    attribute: str | None = None
    scope: tuple[str, ...] = ()
    time: str | None = None
    authority: str | None = None


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


class _Tree:
    """The tokens of one parse with their children, and the text they point into.

    What a lookup finds is kept: one sentence can hold thousands of values, and each of them
    asks about the same few words (its verb, that verb's subject).
    """

    def __init__(self, parse: Parse, text: str) -> None:
        self.tokens: Sequence[Token] = parse.tokens
        self.text = text
        self.children: list[list[int]] = [[] for _ in parse.tokens]
        for i, token in enumerate(parse.tokens):
            if token.head != i:
                self.children[token.head].append(i)
        self.entities = parse.entities
        self._child: dict[tuple[int, frozenset[str]], int | None] = {}
        self._lemmas: dict[int, str] = {}
        self._subtree_text: dict[int, str] = {}

    def head(self, i: int) -> int:
        return self.tokens[i].head

    def subtree(self, i: int) -> list[int]:
        found, stack = [], [i]
        while stack:
            k = stack.pop()
            found.append(k)
            stack.extend(self.children[k])
        return sorted(found)

    def span_text(self, indexes: Sequence[int]) -> str:
        first, last = self.tokens[indexes[0]], self.tokens[indexes[-1]]
        return self.text[first.start : last.end]

    def subtree_text(self, i: int) -> str:
        if i not in self._subtree_text:
            self._subtree_text[i] = self.span_text(self.subtree(i))
        return self._subtree_text[i]

    def phrase_lemmas(self, i: int) -> str:
        """The lemma of a noun with the words that name it: "death toll", "net income"."""
        if i not in self._lemmas:
            parts = [k for k in self.children[i] if self.tokens[k].dep in _NAME_PARTS and k < i]
            parts = [k for k in parts if self.tokens[k].pos in ("NOUN", "PROPN", "ADJ")]
            self._lemmas[i] = " ".join(self.tokens[k].lemma.casefold() for k in [*parts, i])
        return self._lemmas[i]

    def child(self, i: int, labels: frozenset[str]) -> int | None:
        if (i, labels) not in self._child:
            self._child[(i, labels)] = next((k for k in self.children[i] if self.tokens[k].dep in labels), None)
        return self._child[(i, labels)]


def _span_head(tree: _Tree, inside: Sequence[int]) -> int:
    members = set(inside)
    for i in inside:
        if tree.head(i) not in members or tree.head(i) == i:
            return i
    return inside[0]


def _governor(tree: _Tree, i: int) -> int:
    """The word a phrase hangs on: through a preposition ("rose to 19" → "rose")."""
    head = tree.head(i)
    if tree.tokens[i].dep == "pobj" and tree.tokens[head].pos == "ADP":
        return tree.head(head)
    return head


def _anchor(tree: _Tree, head: int, *, counted: bool) -> int:
    """The content word a value is a value of."""
    token = tree.tokens[head]
    if counted:
        if token.pos == "NUM" and token.dep in _COUNTING and tree.head(head) != head:
            noun = tree.head(head)
        elif token.pos in ("NOUN", "PROPN"):
            noun = head  # the value includes its noun or unit: "10 km"
        else:
            return _governor(tree, head)
        # "a depth of 10 km", "a magnitude of 7.1": the measured noun is the one before "of".
        of = tree.head(noun)
        if tree.tokens[noun].dep == "pobj" and tree.tokens[of].text.casefold() == "of":
            return tree.head(of)
        return noun
    return _governor(tree, head)


def _attribute(tree: _Tree, anchor: int, *, counted: bool) -> str:
    token = tree.tokens[anchor]
    if token.pos in ("VERB", "AUX"):
        subject = tree.child(anchor, _SUBJECTS)
        verb = token.lemma.casefold()
        return f"{tree.phrase_lemmas(subject)} {verb}" if subject is not None else verb
    phrase = tree.phrase_lemmas(anchor)
    if not counted:
        return phrase  # a date or venue of a noun names the event: "the summit in Geneva"
    governor = tree.head(anchor)
    if token.dep in _ARGUMENTS and governor != anchor and tree.tokens[governor].pos == "VERB":
        return f"{phrase} {tree.tokens[governor].lemma.casefold()}"
    return phrase


def _attributing() -> frozenset[str]:
    return words("speech_verbs") | words("reporting_verbs")


def _speaking(tree: _Tree, i: int) -> bool:
    token = tree.tokens[i]
    return token.pos == "VERB" and token.lemma.casefold() in _attributing()


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
        self.tree = tree = _Tree(parse, text)
        self._starts = [t.start for t in parse.tokens]
        self._ends = [t.end for t in parse.tokens]
        self._according = self._find_according()
        self._verbs = _attributing()
        self._speaker_from: dict[int, int | None] = {}
        # Date and time entities by the word they hang on, in entity order.
        by_start = {t.start: k for k, t in enumerate(tree.tokens)}
        self._timed: set[int] = set()
        self._times: dict[int, list[_TimeEntity]] = {}
        for order, entity in enumerate(tree.entities):
            if entity.label not in _TIME_LABELS:
                continue
            members = self._covered(entity.start, entity.end)
            self._timed.update(members)
            if by_start.get(entity.start) is None:
                continue
            governor = _governor(tree, _span_head(tree, members))
            self._times.setdefault(governor, []).append(_TimeEntity(order, frozenset(members), entity.text))
        self._scopes: dict[int, list[tuple[frozenset[int], str]]] = {}

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

    def _speaks(self, k: int) -> bool:
        token = self.tree.tokens[k]
        return token.pos == "VERB" and token.lemma.casefold() in self._verbs and self.tree.child(k, _SUBJECTS) is not None

    def _next_speaker(self, k: int) -> int | None:
        """The nearest word at or above ``k`` that is a verb of saying with a subject."""
        path: list[int] = []
        on_path: set[int] = set()
        found: int | None = None
        while True:
            if k in self._speaker_from:
                found = self._speaker_from[k]
                break
            if self._speaks(k):
                found = k
                break
            if k in on_path:
                break  # the root (its own head)
            path.append(k)
            on_path.add(k)
            k = self.tree.head(k)
        for visited in path:
            self._speaker_from[visited] = found
        return found

    def _authority(self, anchor: int, inside: set[int]) -> str | None:
        if self._according is not None:
            return self._according
        seen: set[int] = set()
        k = anchor
        while (verb := self._next_speaker(k)) is not None and verb not in seen:
            seen.add(verb)
            subject = self.tree.child(verb, _SUBJECTS)
            if subject is not None and subject not in inside:
                return self.tree.subtree_text(subject)
            k = self.tree.head(verb)
            if k == verb:
                break
        return None

    def _time(self, hosts: set[int], inside: set[int]) -> str | None:
        best: _TimeEntity | None = None
        for host in hosts:
            if _speaking(self.tree, host):
                continue
            for entity in self._times.get(host, ()):
                if entity.members.isdisjoint(inside):
                    if best is None or entity.order < best.order:
                        best = entity
                    break
        return best.text if best is not None else None

    def _scope_phrases(self, host: int) -> list[tuple[frozenset[int], str]]:
        if host not in self._scopes:
            found = []
            for k in self.tree.children[host]:
                token = self.tree.tokens[k]
                if token.dep != "prep" or token.text.casefold() == "according":
                    continue
                members = self.tree.subtree(k)
                if len(members) < 2 or not self._timed.isdisjoint(members):
                    continue
                found.append((frozenset(members), self.tree.span_text(members)))
            self._scopes[host] = found
        return self._scopes[host]

    def _scope(self, hosts: set[int], inside: set[int]) -> tuple[str, ...]:
        return tuple(
            text for host in sorted(hosts) for members, text in self._scope_phrases(host) if members.isdisjoint(inside)
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
        anchor = _anchor(tree, head, counted=counted)
        hosts = {anchor}
        verb = tree.head(anchor)
        if tree.tokens[anchor].dep in _ARGUMENTS and tree.tokens[verb].pos == "VERB":
            hosts.add(verb)
        attribute = speaker if speaker is not None else _attribute(tree, anchor, counted=counted) or None
        return FactKey(
            attribute=attribute,
            scope=self._scope(hosts, members),
            time=self._time(hosts, members),
            authority=self._authority(anchor, members) if speaker is None else None,
        )


def fact_key(parse: Parse, text: str, start: int, end: int, *, counted: bool, speaker: str | None = None) -> FactKey:
    """The fact key of the value at ``text[start:end]`` in the sentence ``parse`` covers.

    ``counted`` says the value is a number (it counts or measures a noun); ``speaker`` is a
    quotation's speaker, which is its attribute.
    """
    return Facts(parse, text).key(start, end, counted=counted, speaker=speaker)
