"""Origins: group articles that share most of their text (wire copy, syndication) as one origin.

Two outlets running the same agency story are one witness, not two. Articles are compared by
their word 5-gram shingles: the share of the smaller article's shingles found in the other
(containment) says how much of it was copied. An agency credit that both articles carry
("with AFP", "(Reuters)") lowers the bar.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from claimcheck import lang
from claimcheck.model import Origin, Role, Source

SHINGLE_WORDS = 5
COPY_CONTAINMENT = 0.5  # half of the smaller article's shingles appear in the other
CREDITED_COPY_CONTAINMENT = 0.25  # …or a quarter, when both credit the same agency

WORD = re.compile(r"\w+")

# Quoted words: every outlet repeats a speaker's words, so they are no sign of copying.
# Matches: “We will not sign,” / "We will not sign". Must not match: Russia's (an apostrophe).
QUOTATION = re.compile(r"[“\"][^“”\"\n]*[”\"]")

# A wire agency credited by an article. Matches: "with AFP", "(Reuters) -", "(AP) —",
# "via Reuters", "came from Agence France-Presse". Must not match: "Reutersville".
AGENCY = re.compile(rf"\b({lang.alternation(lang.agencies('wire'))})\b")  # lang/en/agencies.txt
AGENCY_ALIASES = {"agence france-presse": "afp", "associated press": "ap"}


def _claim_text(source: Source) -> str:
    if not source.regions:
        return source.text
    return "\n".join(
        source.text[r.start : r.end] for r in source.regions if r.role in (Role.TITLE, Role.BODY)
    )


def shingles(text: str) -> frozenset[str]:
    words = [w.casefold() for w in WORD.findall(QUOTATION.sub(" ", text))]
    n = SHINGLE_WORDS
    return frozenset(" ".join(words[i : i + n]) for i in range(max(len(words) - n + 1, 0)))


def agencies(text: str) -> frozenset[str]:
    found = (m.group(1).casefold() for m in AGENCY.finditer(text))
    return frozenset(AGENCY_ALIASES.get(name, name) for name in found)


def find_origins(sources: Sequence[Source]) -> tuple[Origin, ...]:
    """One Origin per group of copies, and one per article that copies nobody.

    Returns origins sorted by id; an origin's id is its first source id.
    """
    ids = sorted(s.id for s in sources)
    by_id = {s.id: s for s in sources}
    sets = {sid: shingles(_claim_text(by_id[sid])) for sid in ids}
    credits = {sid: agencies(by_id[sid].text) for sid in ids}

    # An inverted index finds the pairs that share any shingle without comparing every pair.
    holders: defaultdict[str, list[str]] = defaultdict(list)
    for sid in ids:
        for shingle in sets[sid]:
            holders[shingle].append(sid)
    shared: Counter[tuple[str, str]] = Counter()
    for group in holders.values():
        if 1 < len(group) <= 50:  # a shingle in very many articles is boilerplate, not copying
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    shared[(a, b)] += 1

    parent = {sid: sid for sid in ids}

    def root(sid: str) -> str:
        while parent[sid] != sid:
            parent[sid] = parent[parent[sid]]
            sid = parent[sid]
        return sid

    best: dict[str, float] = {}
    for (a, b), count in sorted(shared.items()):
        containment = count / max(min(len(sets[a]), len(sets[b])), 1)
        bar = CREDITED_COPY_CONTAINMENT if credits[a] & credits[b] else COPY_CONTAINMENT
        if containment >= bar:
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
            best[a] = max(best.get(a, 0.0), containment)
            best[b] = max(best.get(b, 0.0), containment)

    groups: defaultdict[str, list[str]] = defaultdict(list)
    for sid in ids:
        groups[root(sid)].append(sid)
    return tuple(
        Origin(
            id=members[0],
            sources=tuple(members),
            similarity=round(max(best.get(m, 0.0) for m in members), 3),
        )
        for _, members in sorted(groups.items())
    )


def origin_of(found: Sequence[Origin]) -> dict[str, str]:
    """Each source's origin id: the wire story it copies, or its own id."""
    return {source: origin.id for origin in found for source in origin.sources}
