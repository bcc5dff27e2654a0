"""Stories: documents → the events they report. Claims are matched only within one story.

A newsroom folder holds many stories, and sometimes two events of one kind (two storms, two
rounds of talks) whose facts look alike. Each article is reduced to the TF-IDF weights of its
words over the folder (spaCy's stop words weigh nothing; a name that only some articles use
weighs most). Candidate pairs come from MinHash LSH over each article's most distinctive words
(datasketch), so the cost grows with the number of articles, not its square. Pairs are then merged likeliest first, and two groups join only when their centroids
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

from datasketch import MinHash, MinHashLSH

from claimcheck import lang, values
from claimcheck.model import Document, Kind, Mention, Role, Story

# Two groups of articles are one story when the cosine of their TF-IDF centroids reaches this.
# Chosen on the mixed folder of every labelled set (benchmarks/stories_eval.py): purity and
# completeness stay above 0.95 from 0.15 to 0.25 (0.99 and 0.98 at 0.20).
STORY_SIMILARITY = 0.15
MIN_STORY_WORDS = 25  # distinct content words an article needs to start a story of its own
BACKGROUND = 30  # pseudo-articles behind the inverse document frequency (see _vectors)
SIGNATURE_WORDS = 24  # an article's most distinctive words, hashed for LSH candidates
LSH_THRESHOLD = 0.05  # Jaccard of signatures from which a pair is a candidate: generous on purpose
PERMUTATIONS = 64
SEED = 1  # MinHash seed: fixed, so stories never depend on the run
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


def _candidates(vectors: Sequence[Vector]) -> list[tuple[int, int]]:
    """Pairs of articles whose distinctive words overlap at all, from MinHash LSH."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    hashes = []
    for index, vector in enumerate(vectors):
        minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED)
        for word in sorted(vector, key=lambda w: (-vector[w], w))[:SIGNATURE_WORDS]:
            minhash.update(word.encode("utf-8"))
        lsh.insert(str(index), minhash)
        hashes.append(minhash)
    pairs = set()
    for index, minhash in enumerate(hashes):
        for other in lsh.query(minhash):
            j = int(other)
            if j != index:
                pairs.add((min(index, j), max(index, j)))
    return sorted(pairs)


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
    for mention in mentions:
        if mention.kind is Kind.DATE and values.date_precision(mention.value) == DAY:
            days[mention.source_id].append(mention.value)
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

    # Only long articles are compared with each other, so only theirs are hashed.
    edges = sorted(
        ((cosine(vectors[long[a]], vectors[long[b]]), long[a], long[b]) for a, b in _candidates([vectors[i] for i in long])),
        key=lambda e: (-e[0], e[1], e[2]),
    )
    day_counts = {i: Counter(days.get(documents[i].source.id, ())) for i in long}
    for similarity, i, j in edges:
        if similarity < STORY_SIMILARITY:
            break
        ri, rj = root(i), root(j)
        if ri == rj or cosine(unit[ri], unit[rj]) < STORY_SIMILARITY:
            continue
        if _weeks_apart(day_counts[ri], day_counts[rj]):
            continue  # two rounds of talks, two storms: the same words, another week
        keep, gone = min(ri, rj), max(ri, rj)
        parent[gone] = keep
        merged = centroid.pop(gone)
        for word, x in merged.items():
            centroid[keep][word] = centroid[keep].get(word, 0.0) + x
        del unit[gone]
        unit[keep] = _unit(centroid[keep])
        day_counts[keep] += day_counts.pop(gone)
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
