"""The HTML reader: work grows linearly with the page, however hostile (issue 12, hostile 1)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimcheck.html import extract_article
from tests.work import growth

HOSTILE_PAGES: dict[str, Callable[[int], str]] = {
    "nested divs": lambda n: "<body>" + "<div>" * n + "text" + "</div>" * n,
    "stray end tags": lambda n: "<body>" + "<div>" * n + "</span>" * n,
    "nested headings": lambda n: "<body>" + "<h1>x" * n,
    "nested figcaptions": lambda n: "<body><figure>" + "<figcaption>a " * n,
    "svg deep inside": lambda n: "<body><svg>" + "<g>" * n + "<title>t</title>" * n,
}


@pytest.mark.parametrize("name", HOSTILE_PAGES)
def test_work_is_linear_in_the_page(name: str) -> None:
    ratio = growth(HOSTILE_PAGES[name], extract_article, 300, files=("claimcheck/html.py",))
    assert ratio < 5, f"{name}: 4x the input ran {ratio:.1f}x the lines"


def test_deep_nesting_still_reads_the_text() -> None:
    article = extract_article("<body>" + "<div>" * 30_000 + "<p>The talks opened in Geneva.</p>" + "</div>" * 30_000)
    assert "The talks opened in Geneva." in article.text
