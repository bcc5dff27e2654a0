"""Stories: documents → the events they report. Claims are matched only within one story.

A newsroom folder holds many stories, and sometimes two events of one kind (two storms, two
rounds of talks) whose facts look alike. Each article is reduced to the TF-IDF weights of its
words over the folder (spaCy's stop words weigh nothing; a name that only some articles use
weighs most). The pairs of articles alike enough come from one sparse product of the vectors
(scipy), which costs little per pair of articles that share no distinctive word. Pairs are
then merged likeliest first, and two groups join only when their centroids are alike
(``STORY_SIMILARITY``): a chain of articles that each share a little with the next is not one
story. An article no other one is alike to is then compared with the groups' centroids the same
way. Two groups of one kind are kept apart when their main days are weeks apart (and the later
does not recall the earlier's day) or their main places are apart; a wire story and its copies
count as one article there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from claimcheck import lang, origins, values
from claimcheck.model import Document, Kind, Mention, Origin, Role, Story

# Two groups of articles are one story when the cosine of their TF-IDF centroids reaches this.
# Chosen on the mixed folder of every labelled set (benchmarks/stories_eval.py): purity and
# completeness stay above 0.95 from 0.15 to 0.25 (0.99 and 0.98 at 0.20).
STORY_SIMILARITY = 0.15
MIN_STORY_WORDS = 25  # distinct content words an article needs to start a story of its own
BACKGROUND = 30  # pseudo-articles behind the inverse document frequency (see _vectors)
# The norm of an article's weakest words left out of the sparse product that finds pairs (see
# _edges): the product then finds every pair whose cosine reaches STORY_SIMILARITY.
PRUNE = 0.03
PRODUCT_ROWS = 1000  # articles per block of that product, so its memory stays bounded
# The likeliest partners of each article that the merging reads. Chosen on the labelled sets
# (benchmarks/stories_eval.py): purity and completeness are the same from 3 partners up.
NEIGHBOURS = 20
MAIN_VALUES = 3  # dates and places shown for a story
EVENT_DAYS = 7  # two groups whose main days are further apart are two events…
# …unless one names the other's main day and they are at most this far apart: a running story's
# later reports recall the day it began. The longest running story of the labelled sets spans
# 20 days (a rescue); a flood's anniversary, years later, is not its follow-up.
FOLLOW_UP_DAYS = 31
DAY = 3  # date precision of a full date: year, month and day

WORD = re.compile(r"[^\W\d_]{2,}")
Vector = dict[str, float]


def _words(document: Document, dates: Sequence[str]) -> Counter[str]:
    """An article's words, and the days it dates things to: two rounds of talks share their
    words and their negotiators, but not their days."""
    counts: Counter[str] = Counter(f"date:{day}" for day in dates)
    for sentence in document.sentences:
        if sentence.role in (Role.TITLE, Role.BODY):
            weight = 2 if sentence.role is Role.TITLE else 1  # a headline says what the story is
            for word in WORD.findall(sentence.text.casefold()):
                counts[word] += weight
    return counts


def _vectors(documents: Sequence[Document], dates: dict[str, list[str]]) -> list[Vector]:
    """Unit-length TF-IDF vectors (sublinear term frequency, smoothed inverse document frequency)."""
    bags = [_words(d, dates.get(d.source.id, ())) for d in documents]
    frequency: Counter[str] = Counter()
    for bag in bags:
        frequency.update(bag.keys())
    # As if the folder sat among BACKGROUND other articles that use none of its words: a word
    # every article of a one-story folder uses ("hurricane") still counts.
    total = len(bags) + BACKGROUND
    stop_words = lang.stop_words()
    vectors = []
    for bag in bags:
        vector = {
            w: (1 + math.log(n)) * math.log((1 + total) / (1 + frequency[w]))
            for w, n in bag.items()
            if w not in stop_words
        }
        vectors.append(_unit(vector))
    return vectors


def _unit(vector: Vector) -> Vector:
    norm = math.sqrt(sum(x * x for x in vector.values()))
    return {w: x / norm for w, x in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _edges(vectors: Sequence[Vector]) -> list[tuple[float, int, int]]:
    """The pairs of articles whose cosine reaches ``STORY_SIMILARITY``, with that cosine: of
    each article, its ``NEIGHBOURS`` likeliest partners.

    Found without comparing every pair in Python: each vector loses its weakest words (weights
    whose norm is at most ``PRUNE``; words most articles use weigh little), and one sparse
    product of what is left gives each pair's cosine to within ``2 * PRUNE`` (Cauchy-Schwarz:
    the dropped words can add at most ``PRUNE`` from each side). The likeliest pairs from there
    up are then measured exactly. The product costs the sum over words of (articles using it)²,
    in C; the exact cosines, at most ``NEIGHBOURS`` per article.
    """
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    weights: list[float] = []
    strong: list[bool] = []  # kept for the product
    for index, vector in enumerate(vectors):
        dropped = 0.0
        for word, x in sorted(vector.items(), key=lambda kv: (kv[1], kv[0])):
            weak = dropped + x * x <= PRUNE * PRUNE
            dropped += x * x if weak else 0.0
            rows.append(index)
            columns.append(vocabulary.setdefault(word, len(vocabulary)))
            weights.append(x)
            strong.append(not weak)
    shape = (len(vectors), len(vocabulary))
    whole = csr_matrix((weights, (rows, columns)), shape=shape)
    kept = np.array(strong, dtype=bool)
    product = csr_matrix(
        (np.array(weights)[kept], (np.array(rows, dtype=np.int64)[kept], np.array(columns, dtype=np.int64)[kept])),
        shape=shape,
    )
    floor = STORY_SIMILARITY - 2 * PRUNE - 1e-9
    pairs = []
    for start in range(0, len(vectors), PRODUCT_ROWS):
        block = (product[start : start + PRODUCT_ROWS] @ product.T).tocoo()
        keep = (block.data >= floor) & (block.row + start != block.col)
        row, column, score = block.row[keep] + start, block.col[keep], block.data[keep]
        # Each article's NEIGHBOURS likeliest partners (ties by index): many articles alike
        # (a hundred storms) then give pairs in proportion to the articles, not their square.
        order = np.lexsort((column, -score, row))
        row, column = row[order], column[order]
        first = np.searchsorted(row, row)  # where each article's partners begin
        near = np.arange(len(row)) - first < NEIGHBOURS
        left, right = np.minimum(row[near], column[near]), np.maximum(row[near], column[near])
        pairs.append(left.astype(np.int64) * len(vectors) + right)
    found = np.unique(np.concatenate(pairs)) if pairs else np.zeros(0, dtype=np.int64)
    edges: list[tuple[float, int, int]] = []
    for first_pair in range(0, len(found), PRODUCT_ROWS * 100):  # bounded memory again
        chunk = found[first_pair : first_pair + PRODUCT_ROWS * 100]
        left, right = chunk // len(vectors), chunk % len(vectors)
        # The exact cosines of those pairs, rounded so that summing in another order (as
        # numpy does) never reorders two pairs.
        exact = np.round(np.asarray(whole[left].multiply(whole[right]).sum(axis=1)).ravel(), 12)
        chosen = exact >= STORY_SIMILARITY
        edges += zip(exact[chosen].tolist(), left[chosen].tolist(), right[chosen].tolist())
    return sorted(edges, key=lambda e: (-e[0], e[1], e[2]))


def group(
    documents: Sequence[Document], mentions: Sequence[Mention] = (), origin_of: Mapping[str, str] | None = None
) -> list[list[int]]:
    """Indexes of the documents of each story, stories in order of their first document. The
    grouping itself never depends on the order of ``documents``.

    An origin (a wire story and its copies; ``origin_of`` gives each source's, as
    ``origins.origin_of`` does) counts as one article: each copy's words count, but not as
    another article naming a day or a place, so three copies of one wire story cannot make its
    places the main ones of a story the other outlets report from elsewhere.
    """
    order = sorted(range(len(documents)), key=lambda i: documents[i].source.id)
    groups = _group([documents[i] for i in order], mentions, origin_of or {})
    return sorted(sorted(order[i] for i in g) for g in groups)


def _group(documents: Sequence[Document], mentions: Sequence[Mention], origin_of: Mapping[str, str]) -> list[list[int]]:
    """Long articles are grouped by their words: pairs of articles likeliest first, then each
    article left alone by the groups' centroids. A short one (a brief, a snippet) says too
    little to start a story of its own, so it joins the group it shares most with."""
    days: defaultdict[str, list[str]] = defaultdict(list)
    places: defaultdict[str, list[str]] = defaultdict(list)
    for mention in mentions:
        if mention.kind is Kind.DATE and values.date_precision(mention.value) == DAY:
            days[mention.source_id].append(mention.value)
        elif mention.kind is Kind.VENUE:
            places[mention.source_id].append(mention.value)
    vectors = _vectors(documents, days)
    long = [i for i, v in enumerate(vectors) if len(v) >= MIN_STORY_WORDS]
    if not long:
        return [list(range(len(documents)))]
    parent = list(range(len(documents)))
    ids = [d.source.id for d in documents]
    # Of each origin, its first long article is counted; its other long ones are copies (a
    # brief cut from an article must not make the article the copy).
    counted: set[str] = set()
    groups: dict[int, _Group] = {}  # by root
    for i in long:
        origin = origin_of.get(ids[i], ids[i])
        groups[i] = _Group.of(vectors[i], days.get(ids[i], []), places.get(ids[i], []), copy=origin in counted)
        counted.add(origin)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Whether two groups may join, kept until either changes: the many article pairs between
    # two stories of one kind (two storms) ask it once.
    version: Counter[int] = Counter()
    refused: set[tuple[int, int, int, int]] = set()

    def merge(edges: Sequence[tuple[float, int, int]], *, lone: bool = False) -> None:
        for _similarity, i, j in edges:
            ri, rj = root(i), root(j)
            if ri == rj or (lone and min(groups[ri].articles, groups[rj].articles) > 1):
                continue
            asked = (ri, rj, version[ri], version[rj]) if ri < rj else (rj, ri, version[rj], version[ri])
            if asked in refused:
                continue
            a, b = groups[ri], groups[rj]
            dot = a.dot(b)
            # Unlike centroids; or two events of one kind (two rounds of talks, two storms): the
            # same words, but another week or another place.
            if dot < STORY_SIMILARITY * math.sqrt(a.norm * b.norm) or _weeks_apart(a, b) or _places_apart(a, b):
                refused.add(asked)
                continue
            keep, gone = min(ri, rj), max(ri, rj)
            version[keep] += 1
            parent[gone] = keep
            big, small = (a, b) if len(a.vector) >= len(b.vector) else (b, a)
            big.absorb(small, dot)
            groups[keep] = big
            del groups[gone]

    # Only long articles are compared with each other.
    merge([(similarity, long[a], long[b]) for similarity, a, b in _edges([vectors[i] for i in long])])
    # Then an article left alone, by the centroids of the groups: alike to no other one article,
    # it may still be alike to what a group of them says together (a local paper's report of a
    # fire among wire reports of it). Only a lone article: two groups of several articles each
    # that no pair of articles joined are two stories, though their centroids share the words
    # of one country and one week (a flood, and a ferry that sank off the same coast).
    roots = sorted(groups)
    centroids = [_unit(groups[r].vector) for r in roots]
    merge([(similarity, roots[a], roots[b]) for similarity, a, b in _edges(centroids)], lone=True)
    is_long = set(long)
    short = [i for i in range(len(documents)) if i not in is_long]
    roots = sorted(groups)
    for i, nearest in zip(short, _nearest([vectors[i] for i in short], [groups[r] for r in roots])):
        parent[i] = roots[nearest]
    members: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(len(documents)):
        members[root(i)].append(i)
    return sorted(members.values())


@dataclass(slots=True)
class _Group:
    """A group of articles while stories are found (working state, never returned): the sum of
    its articles' vectors and what the near-miss rules read. A merge adds the smaller group
    into the larger, so an article's words move a few times at most (the log of its story's
    size) and one story of thousands of articles is grouped in near-linear time."""

    vector: Vector
    norm: float  # the squared length of vector
    articles: int
    size: int  # articles, a copy of another one not counted
    days: Counter[str]  # mentions of each full date
    main_day: tuple[int, str]  # (-mentions, day) of the day named most; (0, "") when none
    places: Counter[str]  # articles naming each place
    place_mentions: Counter[str]
    common: set[str]  # the places at least half its articles name: the only ones that can be main
    named: set[tuple[str, ...]]  # values.place_parts of every place it names
    areas: set[tuple[str, ...]]  # …and of every area one of them lies in ("Austria" for "Graz, Austria")
    inner: set[str]  # the innermost name of each place it names: "graz" of "Graz, Austria"
    sites: set[str]  # the places its sites are named after: "graz" of "Graz Central Station"

    @classmethod
    def of(cls, vector: Vector, days: Sequence[str], places: Sequence[str], *, copy: bool = False) -> _Group:
        """One article's group; a ``copy`` of another article names its places (so that a
        story naming them is near it) but adds to no count."""
        named = {parts for parts in map(values.place_parts, places) if parts}
        counted = () if copy else places
        counts = Counter(() if copy else days)
        return cls(
            vector=dict(vector),
            norm=sum(x * x for x in vector.values()),
            articles=1,
            size=0 if copy else 1,
            days=counts,
            main_day=min(((-n, day) for day, n in counts.items()), default=(0, "")),
            places=Counter(set(counted)),
            place_mentions=Counter(counted),
            common=set(counted),
            named=named,
            areas={parts[:k] for parts in named for k in range(1, len(parts) + 1)},
            inner={parts[-1] for parts in named},
            sites={name for parts in named for name in _named_after(parts)},
        )

    def dot(self, other: _Group) -> float:
        return cosine(self.vector, other.vector)

    def absorb(self, other: _Group, dot: float) -> None:
        """Add ``other`` (the smaller group) to this one; ``dot`` is their vectors' product."""
        for word, x in other.vector.items():
            self.vector[word] = self.vector.get(word, 0.0) + x
        self.norm += other.norm + 2 * dot
        self.articles += other.articles
        self.size += other.size
        for day, n in other.days.items():
            self.days[day] += n
            self.main_day = min(self.main_day, (-self.days[day], day))
        for place, n in other.places.items():
            self.places[place] += n
        for place, n in other.place_mentions.items():
            self.place_mentions[place] += n
        # A place half of the joined articles name is named by half of one side's.
        self.common = {p for p in self.common | other.common if 2 * self.places[p] >= self.size}
        self.named |= other.named
        self.areas |= other.areas
        self.inner |= other.inner
        self.sites |= other.sites

    def main_places(self) -> list[str]:
        """The places most of its articles name, more than once in all."""
        return [p for p in self.common if 2 * self.places[p] >= self.size and self.place_mentions[p] >= 2]

    def names_near(self, place: str) -> bool:
        """Whether it names ``place``, a place inside it or an area around it, or a site named
        after it or after which it is named ("Graz Central Station" and "Graz, Austria")."""
        parts = values.place_parts(place)
        if parts in self.areas or any(parts[:k] in self.named for k in range(1, len(parts) + 1)):
            return True
        return bool(parts) and (parts[-1] in self.sites or any(name in self.inner for name in _named_after(parts)))


def _named_after(parts: tuple[str, ...]) -> list[str]:
    """The places a site may be named after: the names its name begins with, when it is a site
    the gazetteer does not place (one part, ending in a place noun): "graz" and "graz central"
    for "Graz Central Station". A place the gazetteer knows ("Kansas City, Missouri") is not
    named after another ("Kansas")."""
    words = parts[0].split() if len(parts) == 1 else []
    if len(words) < 2 or words[-1] not in lang.tagged("place_nouns"):
        return []
    return [" ".join(words[:k]) for k in range(1, len(words))]


def _nearest(vectors: Sequence[Vector], groups: Sequence[_Group]) -> list[int]:
    """For each vector, the index of the group whose centroid it is likeliest to (the first of
    equals; the first group when it shares no word with any), from one sparse product."""
    from scipy.sparse import csr_matrix

    if not vectors:
        return []
    vocabulary: dict[str, int] = {}
    for vector in vectors:
        for word in vector:
            vocabulary.setdefault(word, len(vocabulary))

    def matrix(rows: Sequence[Vector], scale: Sequence[float]) -> csr_matrix:
        cells = [(r, vocabulary[w], x * scale[r]) for r, row in enumerate(rows) for w, x in row.items() if w in vocabulary]
        row_index, column, weight = zip(*cells) if cells else ((), (), ())
        return csr_matrix((weight, (row_index, column)), shape=(len(rows), len(vocabulary)))

    centroids = matrix([g.vector for g in groups], [1 / math.sqrt(g.norm) for g in groups]).T.tocsr()
    nearest = [0] * len(vectors)
    for start in range(0, len(vectors), PRODUCT_ROWS):
        block = (matrix(vectors[start : start + PRODUCT_ROWS], [1.0] * len(vectors)) @ centroids).tocoo()
        # Rounded, as in _edges, so that the order numpy sums in never decides between equals.
        order = np.lexsort((block.col, -np.round(block.data, 12), block.row))
        row, column = block.row[order], block.col[order]
        first = np.searchsorted(row, row) == np.arange(len(row))
        for r, c in zip(row[first].tolist(), column[first].tolist()):
            nearest[start + r] = c
    return nearest


def _weeks_apart(a: _Group, b: _Group) -> bool:
    """Whether two groups of articles are mostly about days more than a week apart: each has a
    day it names most often (at least twice), and those days are far apart; within a month
    (``FOLLOW_UP_DAYS``), only when neither names the other's. A running story's later reports
    name the day it began ("the miners were trapped on May 2", in reports of the rescue on May
    15): they follow the first reports, they are not another event. (Either way round: on the
    labelled sets, reading only the later group's mentions of the earlier day split more
    single-event sets, 8 of 155 against 6, and kept no two-event set apart that this does not.)"""
    if a.main_day[0] > -2 or b.main_day[0] > -2:
        return False
    days = abs((dt.date.fromisoformat(a.main_day[1]) - dt.date.fromisoformat(b.main_day[1])).days)
    if days <= FOLLOW_UP_DAYS and (a.days[b.main_day[1]] or b.days[a.main_day[1]]):
        return False
    return days > EVENT_DAYS


def _places_apart(a: _Group, b: _Group) -> bool:
    """Whether two groups of articles report events in different places: each has a main place
    (named by most of its articles, and more than once), and neither names the other's main
    place, a place inside it, one around it or a site named after it. Articles on a quake in
    Graz and articles on a quake in Bergen are apart; one filed from Vienna that also names
    Graz, one that names only Austria, or one that names Graz Arena, is not."""
    main_a, main_b = a.main_places(), b.main_places()
    if not main_a or not main_b:
        return False
    return not any(b.names_near(m) for m in main_a) and not any(a.names_near(m) for m in main_b)


def stories(
    documents: Sequence[Document], mentions: Sequence[Mention], found_origins: Sequence[Origin] = ()
) -> tuple[Story, ...]:
    """The stories of a folder, each with a title, its sources, and its main dates and places
    (an origin counting once, as in ``group``)."""
    by_origin: defaultdict[str, set[tuple[Kind, str]]] = defaultdict(set)
    origin_of = origins.origin_of(found_origins)
    for mention in mentions:
        by_origin[origin_of.get(mention.source_id, mention.source_id)].add((mention.kind, mention.value))
    found = []
    for indexes in group(documents, mentions, origin_of):
        members = sorted((documents[i] for i in indexes), key=lambda d: d.source.id)
        sources = tuple(sorted(d.source.id for d in members))
        told = [by_origin[o] for o in sorted({origin_of.get(s, s) for s in sources})]  # a wire story once
        found.append(
            Story(
                id=f"s-{hashlib.sha1(sources[0].encode()).hexdigest()[:8]}",
                title=next((d.source.title for d in members if d.source.title), sources[0]),
                sources=sources,
                dates=_main(told, Kind.DATE),
                places=_main(told, Kind.VENUE),
            )
        )
    return tuple(sorted(found, key=lambda s: s.sources))


def _main(told: Sequence[set[tuple[Kind, str]]], kind: Kind) -> tuple[str, ...]:
    """The values of one kind that most of a story's origins state (``told``: each origin's
    kinds and values)."""
    support: Counter[str] = Counter()
    for values_told in told:
        support.update(value for k, value in values_told if k is kind)
    return tuple(v for v, _ in sorted(support.items(), key=lambda kv: (-kv[1], kv[0]))[:MAIN_VALUES])
