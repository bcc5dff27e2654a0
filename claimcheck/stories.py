"""Stories: documents → the events they report. Claims are matched only within one story.

A newsroom folder holds many stories, and sometimes two events of one kind (two storms, two
rounds of talks) whose facts look alike. Each article is reduced to the TF-IDF weights of its
words over the folder (spaCy's stop words weigh nothing; a name that only some articles use
weighs most). The pairs of articles alike enough come from one sparse product of the vectors
(scipy), which costs little per pair of articles that share no distinctive word. Pairs are then merged likeliest first, and two groups join only when their centroids
are alike (``STORY_SIMILARITY``): a chain of articles that each share a little with the next is
not one story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from claimcheck import lang, values
from claimcheck.model import Document, Kind, Mention, Role, Story

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
EVENT_DAYS = 7  # two groups whose main days are further apart are two events
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


def group(documents: Sequence[Document], mentions: Sequence[Mention] = ()) -> list[list[int]]:
    """Indexes of the documents of each story, stories in order of their first document. The
    grouping itself never depends on the order of ``documents``."""
    order = sorted(range(len(documents)), key=lambda i: documents[i].source.id)
    groups = _group([documents[i] for i in order], mentions)
    return sorted(sorted(order[i] for i in g) for g in groups)


def _group(documents: Sequence[Document], mentions: Sequence[Mention]) -> list[list[int]]:
    """Long articles are grouped by their words; a short one (a brief, a snippet) says too
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
    centroid: dict[int, Vector] = {i: dict(vectors[i]) for i in long}  # by group root: summed vectors
    unit = {i: _unit(vectors[i]) for i in long}  # …and their unit-length versions, kept in step

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only long articles are compared with each other.
    edges = [(similarity, long[a], long[b]) for similarity, a, b in _edges([vectors[i] for i in long])]
    day_counts = {i: Counter(days.get(documents[i].source.id, ())) for i in long}
    # Per group: how many of its articles name each place, and how often they do.
    place_counts = {i: Counter(set(places.get(documents[i].source.id, ()))) for i in long}
    place_mentions = {i: Counter(places.get(documents[i].source.id, ())) for i in long}
    size = dict.fromkeys(long, 1)
    # Whether two groups may join, kept until either changes: the many article pairs between
    # two stories of one kind (two storms) ask it once.
    version: Counter[int] = Counter()
    refused: set[tuple[int, int, int, int]] = set()
    for _similarity, i, j in edges:
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        asked = (ri, rj, version[ri], version[rj]) if ri < rj else (rj, ri, version[rj], version[ri])
        if asked in refused:
            continue
        # Unlike centroids; or two events of one kind (two rounds of talks, two storms): the
        # same words, but another week or another place.
        if (
            cosine(unit[ri], unit[rj]) < STORY_SIMILARITY
            or _weeks_apart(day_counts[ri], day_counts[rj])
            or _places_apart((place_counts[ri], place_mentions[ri], size[ri]), (place_counts[rj], place_mentions[rj], size[rj]))
        ):
            refused.add(asked)
            continue
        keep, gone = min(ri, rj), max(ri, rj)
        version[keep] += 1
        parent[gone] = keep
        merged = centroid.pop(gone)
        for word, x in merged.items():
            centroid[keep][word] = centroid[keep].get(word, 0.0) + x
        del unit[gone]
        unit[keep] = _unit(centroid[keep])
        day_counts[keep] += day_counts.pop(gone)
        place_counts[keep] += place_counts.pop(gone)
        place_mentions[keep] += place_mentions.pop(gone)
        size[keep] += size.pop(gone)
    is_long = set(long)
    for i in range(len(documents)):
        if i not in is_long:  # the group it shares most with; the first one if none
            parent[i] = max(sorted(unit), key=lambda r: cosine(vectors[i], unit[r]))
    members: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(len(documents)):
        members[root(i)].append(i)
    return sorted(members.values())


def _weeks_apart(a: Counter[str], b: Counter[str]) -> bool:
    """Whether two groups of articles are mostly about days more than a week apart: each has a
    day it names most often (at least twice), and those days are far apart."""
    main = []
    for counts in (a, b):
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
        if not best or best[0][1] < 2:
            return False
        main.append(dt.date.fromisoformat(best[0][0]))
    return abs((main[0] - main[1]).days) > EVENT_DAYS


Places = tuple[Counter[str], Counter[str], int]  # articles naming each place, its mentions, articles


def _places_apart(a: Places, b: Places) -> bool:
    """Whether two groups of articles report events in different places: each has a main place
    (named by most of its articles, and more than once), and neither names the other's main
    place, a place inside it or one around it. Articles on a quake in Graz and articles on a
    quake in Bergen are apart; one filed from Vienna that also names Graz, or one that names
    only Austria, is not."""
    main_a, main_b = _main_places(a), _main_places(b)
    if not main_a or not main_b:
        return False
    return not any(values.places_compatible(p, m) for p in a[0] for m in main_b) and not any(
        values.places_compatible(p, m) for p in b[0] for m in main_a
    )


def _main_places(group: Places) -> list[str]:
    articles, mentions, size = group
    return [p for p, n in articles.items() if 2 * n >= size and mentions[p] >= 2]


def stories(documents: Sequence[Document], mentions: Sequence[Mention]) -> tuple[Story, ...]:
    """The stories of a folder, each with a title, its sources, and its main dates and places."""
    by_source: defaultdict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_source[mention.source_id].append(mention)
    found = []
    for indexes in group(documents, mentions):
        members = sorted((documents[i] for i in indexes), key=lambda d: d.source.id)
        sources = tuple(sorted(d.source.id for d in members))
        found.append(
            Story(
                id=f"s-{hashlib.sha1(sources[0].encode()).hexdigest()[:8]}",
                title=next((d.source.title for d in members if d.source.title), sources[0]),
                sources=sources,
                dates=_main(by_source, sources, Kind.DATE),
                places=_main(by_source, sources, Kind.VENUE),
            )
        )
    return tuple(sorted(found, key=lambda s: s.sources))


def _main(by_source: dict[str, list[Mention]], sources: Sequence[str], kind: Kind) -> tuple[str, ...]:
    """The values of one kind that most of a story's sources state."""
    support: Counter[str] = Counter()
    for source in sources:
        support.update({m.value for m in by_source.get(source, ()) if m.kind is kind})
    return tuple(v for v, _ in sorted(support.items(), key=lambda kv: (-kv[1], kv[0]))[:MAIN_VALUES])
