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


class _Tree:
    """The tokens of one parse with their children, and the text they point into."""

    def __init__(self, parse: Parse, text: str) -> None:
        self.tokens: Sequence[Token] = parse.tokens
        self.text = text
        self.children: list[list[int]] = [[] for _ in parse.tokens]
        for i, token in enumerate(parse.tokens):
            if token.head != i:
                self.children[token.head].append(i)
        self.entities = parse.entities

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

    def phrase_lemmas(self, i: int) -> str:
        """The lemma of a noun with the words that name it: "death toll", "net income"."""
        parts = [k for k in self.children[i] if self.tokens[k].dep in _NAME_PARTS and k < i]
        parts = [k for k in parts if self.tokens[k].pos in ("NOUN", "PROPN", "ADJ")]
        return " ".join(self.tokens[k].lemma.casefold() for k in [*parts, i])

    def child(self, i: int, labels: frozenset[str]) -> int | None:
        return next((k for k in self.children[i] if self.tokens[k].dep in labels), None)


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
        subject = tree.child(anchor, frozenset({"nsubj", "nsubjpass"}))
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


def _authority(tree: _Tree, anchor: int, inside: set[int]) -> str | None:
    for i, token in enumerate(tree.tokens):
        if token.lemma.casefold() == "accord" and token.text.casefold() == "according":
            to = tree.child(i, frozenset({"prep"}))
            target = tree.child(to, frozenset({"pobj"})) if to is not None else None
            if target is not None:
                return tree.span_text(tree.subtree(target))
    verbs = _attributing()
    seen, k = set(), anchor
    while k not in seen:
        seen.add(k)
        token = tree.tokens[k]
        if token.pos == "VERB" and token.lemma.casefold() in verbs:
            subject = tree.child(k, frozenset({"nsubj", "nsubjpass"}))
            if subject is not None and subject not in inside:
                return tree.span_text(tree.subtree(subject))
        k = tree.head(k)
    return None


def _speaking(tree: _Tree, i: int) -> bool:
    token = tree.tokens[i]
    return token.pos == "VERB" and token.lemma.casefold() in _attributing()


def _time(tree: _Tree, hosts: set[int], inside: set[int]) -> str | None:
    by_start = {t.start: k for k, t in enumerate(tree.tokens)}
    for entity in tree.entities:
        if entity.label not in _TIME_LABELS:
            continue
        first = by_start.get(entity.start)
        if first is None:
            continue
        members = [k for k, t in enumerate(tree.tokens) if entity.start <= t.start < entity.end]
        if inside & set(members):
            continue
        root = _span_head(tree, members)
        governor = _governor(tree, root)
        if governor in hosts and not _speaking(tree, governor):
            return entity.text
    return None


def _scope(tree: _Tree, hosts: set[int], inside: set[int]) -> tuple[str, ...]:
    found = []
    timed = {k for e in tree.entities if e.label in _TIME_LABELS
             for k, t in enumerate(tree.tokens) if e.start <= t.start < e.end}  # fmt: skip
    for host in sorted(hosts):
        for k in tree.children[host]:
            token = tree.tokens[k]
            if token.dep != "prep" or token.text.casefold() == "according":
                continue
            members = tree.subtree(k)
            if len(members) < 2 or inside & set(members) or timed & set(members):
                continue
            found.append(tree.span_text(members))
    return tuple(found)


def fact_key(parse: Parse, text: str, start: int, end: int, *, counted: bool, speaker: str | None = None) -> FactKey:
    """The fact key of the value at ``text[start:end]`` in the sentence ``parse`` covers.

    ``counted`` says the value is a number (it counts or measures a noun); ``speaker`` is a
    quotation's speaker, which is its attribute.
    """
    tree = _Tree(parse, text)
    inside = [i for i, t in enumerate(parse.tokens) if t.start < end and start < t.end]
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
        scope=_scope(tree, hosts, members),
        time=_time(tree, hosts, members),
        authority=_authority(tree, anchor, members) if speaker is None else None,
    )
