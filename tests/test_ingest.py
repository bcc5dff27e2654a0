"""Ingest: finding, decoding and reading inputs; every bad input is a Skipped, never a crash."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.html import extract_article
from claimcheck.ingest import Ingested, ingest
from claimcheck.model import Role, Skipped, Source
from claimcheck.settings import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "data" / "ingest"
SETTINGS = Settings()

STORY = (
    "Harbour bridge reopens after repairs\n"
    "\n"
    "The Kestrel Bay harbour bridge reopened to traffic on Monday after eight months of repairs "
    "costing 42 million euros, the city council said.\n"
)


def run(*paths: str | Path, settings: Settings = SETTINGS, stdin: str | None = None) -> Ingested:
    stream = io.StringIO(stdin) if stdin is not None else None
    return ingest([str(p) for p in paths], settings=settings, stdin=stream)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def reasons(result: Ingested) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in result.skipped}


def only(result: Ingested) -> Source:
    assert len(result.sources) == 1, result
    return result.sources[0]


# --- bad inputs ---------------------------------------------------------------------------


def test_missing_path_is_skipped(tmp_path: Path) -> None:
    result = run(tmp_path / "nowhere.txt")
    assert result.sources == ()
    assert result.skipped == (Skipped(str(tmp_path / "nowhere.txt"), "no such file or directory"),)


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    result = run(write(tmp_path / "photo.png", png), write(tmp_path / "story.txt", STORY))
    assert [s.id for s in result.sources] == ["story"]
    assert reasons(result) == {"photo.png": "binary file"}


def test_control_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    noise = bytes(b % 32 + 1 for b in range(2000))  # no NUL, mostly control bytes
    assert reasons(run(write(tmp_path / "dump.dat", noise))) == {"dump.dat": "binary file"}


def test_text_with_a_binary_extension_is_read_when_it_is_text(tmp_path: Path) -> None:
    source = only(run(write(tmp_path / "story.log", STORY)))
    assert source.text == STORY


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", "\ufeff".encode(), b"\xef\xbb\xbf \n"])
def test_empty_and_whitespace_files_are_skipped(tmp_path: Path, content: bytes) -> None:
    result = run(write(tmp_path / "blank.txt", content))
    assert result.sources == ()
    assert reasons(result) == {"blank.txt": "empty file"}


def test_utf8_with_bom(tmp_path: Path) -> None:
    source = only(run(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8"))))
    assert source.text == STORY


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_read_fine(tmp_path: Path, codec: str) -> None:
    text = STORY.replace("euros", "euros (€)") + "“At last,” said café owner Zoë Ålund.\n"
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        bom = "\ufeff".encode(codec)
        data = bom + data
    result = run(write(tmp_path / "wide.txt", data))
    assert only(result).text == text
    assert result.warnings == ()


def test_utf16_without_bom_reads_with_a_warning(tmp_path: Path) -> None:
    result = run(write(tmp_path / "wide.txt", STORY.encode("utf-16-le")))
    assert only(result).text == STORY
    assert result.warnings == (
        f"{tmp_path / 'wide.txt'}: decoded as UTF-16LE (no byte-order mark)",
    )


def test_bom_that_lies_is_skipped(tmp_path: Path) -> None:
    result = run(write(tmp_path / "odd.txt", b"\xff\xfe" + STORY.encode("utf-16-le") + b"x"))
    assert reasons(result) == {"odd.txt": "not valid UTF-16 text"}


def test_cp1252_reads_with_a_warning(tmp_path: Path) -> None:
    text = "\u201cWe will rebuild,\u201d the mayor said \u2013 the bill is \u20ac42 million.\n"
    path = write(tmp_path / "windows.txt", text.encode("cp1252"))
    result = run(path)
    assert only(result).text == text
    assert result.warnings == (f"{path}: not UTF-8, decoded as cp1252",)


def test_latin1_reads_with_a_warning(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252, so only latin-1 decodes this file.
    text = "Caf\u00e9 M\u00fcller reopened in S\u00e3o Paulo.\x81\n"
    path = write(tmp_path / "latin.txt", text.encode("latin-1"))
    result = run(path)
    assert only(result).text == text
    assert result.warnings == (f"{path}: not UTF-8, decoded as latin-1",)


def test_nul_bytes_in_text_mean_binary(tmp_path: Path) -> None:
    data = STORY.encode("utf-8").replace(b"bridge", b"bri\x00dge")
    assert reasons(run(write(tmp_path / "nul.txt", data))) == {"nul.txt": "binary file"}


def test_line_ends_are_normalized(tmp_path: Path) -> None:
    data = STORY.replace("\n", "\r\n").encode("utf-8")
    assert only(run(write(tmp_path / "dos.txt", data))).text == STORY


def test_large_file_is_skipped_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: no disk used, and it must never be read
    started = time.perf_counter()
    result = run(path)
    assert time.perf_counter() - started < 1.0
    assert reasons(result) == {"huge.txt": "larger than 20 MB"}


def test_size_limit_comes_from_settings(tmp_path: Path) -> None:
    result = run(write(tmp_path / "story.txt", STORY), settings=Settings(max_file_bytes=50))
    assert reasons(result) == {"story.txt": "larger than 50 bytes"}


def test_symlink_loop_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write(folder / "story.txt", STORY)
    os.symlink(folder, folder / "again")  # a folder that contains itself
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")  # a link to itself
    result = run(folder, tmp_path / "self.txt")
    assert [s.id for s in result.sources] == ["story"]
    assert reasons(result) == {"again": "symbolic link loop", "self.txt": "symbolic link loop"}


def test_broken_symlink_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write(folder / "story.txt", STORY)
    os.symlink(tmp_path / "gone.txt", folder / "gone.txt")
    result = run(folder)
    assert reasons(result) == {"gone.txt": "broken symbolic link"}


def test_symlinked_file_is_followed_and_read_once(tmp_path: Path) -> None:
    target = write(tmp_path / "store" / "story.txt", STORY)
    os.symlink(target, tmp_path / "link.txt")
    result = run(tmp_path / "link.txt", target)
    assert len(result.sources) == 1


def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", STORY)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        assert reasons(run(path)) == {"locked.txt": "permission denied"}
    finally:
        path.chmod(0o644)


def test_unreadable_folder_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    write(folder / "story.txt", STORY)
    folder.chmod(0)
    try:
        if os.access(folder, os.R_OK):
            pytest.skip("running as a user who can read any folder (root)")
        assert reasons(run(folder)) == {"locked": "permission denied"}
    finally:
        folder.chmod(0o755)


def test_folder_with_nothing_readable(tmp_path: Path) -> None:
    folder = tmp_path / "junk"
    write(folder / "a.bin", b"\x00\x01\x02" * 100)
    write(folder / "b.txt", b"")
    write(folder / "c.json", b"[]")
    write(folder / ".hidden.txt", STORY)
    result = run(folder)
    assert result.sources == ()
    assert reasons(result) == {
        "a.bin": "binary file",
        "b.txt": "empty file",
        "c.json": "JSON list is empty",
    }


def test_empty_folder_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    write(tmp_path / "hidden-only" / ".draft.txt", STORY)
    result = run(tmp_path / "empty", tmp_path / "hidden-only")
    assert reasons(result) == {"empty": "empty folder", "hidden-only": "empty folder"}


def test_folder_of_empty_folders_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "outer" / "inner").mkdir(parents=True)
    result = run(tmp_path / "outer")
    assert set(result.skipped) == {
        Skipped(str(tmp_path / "outer" / "inner"), "empty folder"),
        Skipped(str(tmp_path / "outer"), "no files found"),
    }


def test_fifo_is_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert reasons(run(tmp_path / "pipe.txt")) == {"pipe.txt": "not a regular file"}


def test_every_reason_is_one_short_line(tmp_path: Path) -> None:
    write(tmp_path / "bad.json", "{'single': 'quotes'}")
    write(tmp_path / "bin.dat", b"\x00" * 10)
    result = run(tmp_path, tmp_path / "missing")
    assert result.skipped
    for skipped in result.skipped:
        assert "\n" not in skipped.reason and len(skipped.reason) < 120


# --- JSON ---------------------------------------------------------------------------------


def test_json_object(tmp_path: Path) -> None:
    record = {
        "id": "bridge-2023",
        "title": "Harbour bridge reopens after repairs",
        "url": "https://kestrelbay.example/bridge",
        "published": "2023-06-05T09:00:00Z",
        "text": "The Kestrel Bay harbour bridge reopened to traffic on Monday.",
    }
    source = only(run(write(tmp_path / "one.json", json.dumps(record))))
    assert source.id == "bridge-2023"
    assert source.title == "Harbour bridge reopens after repairs"
    assert source.url == "https://kestrelbay.example/bridge"
    assert source.published == "2023-06-05"
    assert source.path == str(tmp_path / "one.json")
    # The headline is part of what the article says: it leads the text as its TITLE region.
    assert source.text.startswith("Harbour bridge reopens after repairs\n\n")
    assert source.regions[0].role is Role.TITLE


def test_json_list_gives_one_source_each(tmp_path: Path) -> None:
    records = [
        {"text": "Dock workers voted to strike."},
        {"id": 7, "text": "Rail fares rise in July."},
    ]
    result = run(write(tmp_path / "feed.json", json.dumps(records)))
    assert [(s.id, s.text) for s in result.sources] == [
        ("7", "Rail fares rise in July."),
        ("feed-1", "Dock workers voted to strike."),
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("42", "JSON is not an object or a list of objects"),
        ('"just a string"', "JSON is not an object or a list of objects"),
        (
            "{'text': 'single quotes'}",
            "invalid JSON: Expecting property name enclosed in double quotes (line 1, column 2)",
        ),
        (
            '{"text": "unfinished',
            "invalid JSON: Unterminated string starting at (line 1, column 10)",
        ),
        ('{"title": "No body"}', 'record: no "text" string'),
        ('{"text": 12}', 'record: no "text" string'),
        ('{"text": "   "}', 'record: empty "text"'),
    ],
)
def test_bad_json_is_skipped(tmp_path: Path, content: str, reason: str) -> None:
    result = run(write(tmp_path / "bad.json", content))
    assert result.sources == ()
    assert reasons(result) == {"bad.json": reason}


def test_json_records_without_text_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    records = [{"text": "Dock workers voted to strike."}, {"title": "No text"}, "not an object"]
    result = run(write(tmp_path / "feed.json", json.dumps(records)))
    assert [s.id for s in result.sources] == ["feed-1"]
    assert sorted(s.reason for s in result.skipped) == [
        'record 2: no "text" string',
        "record 3: not a JSON object",
    ]


def test_jsonl_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Dock workers voted to strike."}),
        "",
        "{broken",
        json.dumps({"text": "Rail fares rise in July.", "published": "July 1, 2023"}),
        "[1, 2]",
    ]
    result = run(write(tmp_path / "feed.jsonl", "\n".join(lines)))
    assert [(s.id, s.published) for s in result.sources] == [("a", None), ("feed-4", "2023-07-01")]
    assert sorted(s.reason for s in result.skipped) == [
        (
            "line 3: invalid JSON: Expecting property name enclosed in double quotes"
            " (line 1, column 2)"
        ),
        "line 5: not a JSON object",
    ]


def test_deeply_nested_json_is_skipped(tmp_path: Path) -> None:
    result = run(write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000))
    assert reasons(result) == {"deep.json": "invalid JSON: nested too deeply"}


def test_json_unreadable_published_date_warns(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps({"text": STORY, "published": "last Tuesday"}))
    result = run(path, settings=Settings(reference_date=dt.date(2023, 6, 6)))
    assert only(result).published == "2023-06-06"
    assert result.warnings == (
        f"{path}: record: cannot read published date 'last Tuesday'; ignored",
    )


def test_repeated_json_ids_are_numbered(tmp_path: Path) -> None:
    records = [{"id": "x", "text": "First story."}, {"id": "x", "text": "Second story."}]
    result = run(write(tmp_path / "feed.json", json.dumps(records)))
    assert [(s.id, s.text) for s in result.sources] == [
        ("x", "First story."),
        ("x-2", "Second story."),
    ]


# --- HTML ---------------------------------------------------------------------------------


def test_html_fixture_page() -> None:
    source = only(run(FIXTURES / "lindholm-ferry-strike.html"))
    assert source.id == "lindholm-ferry-strike"
    assert source.title == "Ferry strike strands 4,000 on Lindholm islands"
    assert source.published == "2023-05-03"
    assert source.url == "https://harbourpost.example/news/2023/05/03/ferry-strike"
    text = source.text
    for dropped in (
        "window.dataLayer",
        "tracking",
        "color: #666",
        "Home",
        "Sport",
        "Search",
        "Skip to content",
        "Bus fares rise",
        "Share on Facebook",
        "Advertisement",
        "enable JavaScript",
        "Storm warning",
        "All rights reserved",
        "The Harbour Post",
    ):
        assert dropped not in text, dropped
    assert (
        "LINDHOLM \u2014 Ferry crews walked out on Wednesday, leaving about 4,000 passengers"
        " stranded" in text
    )
    assert "\u201cWe had no choice,\u201d said union leader Ivo Petrak." in text
    roles = {source.text[r.start : r.end].strip(): r.role for r in source.regions}
    assert roles["Ferry strike strands 4,000 on Lindholm islands"] is Role.TITLE
    assert roles["Passengers wait at the Lindholm ferry terminal on Wednesday."] is Role.CAPTION
    assert roles["Transport"] is Role.FURNITURE  # the kicker above the headline


def test_html_without_article_uses_the_body_and_prepends_the_title() -> None:
    page = (
        "<html><head><title>Dock strike ends after nine days - Kestrel Bay News</title></head>"
        "<body><nav>Home | Local</nav><div><p>Dock workers returned to work on Thursday.</p>"
        "<p>The <b>port</b> said cargo would move again by Friday.</p></div>"
        "<script>alert(1)</script></body></html>"
    )
    article = extract_article(page)
    assert article.title == "Dock strike ends after nine days"
    assert article.text == (
        "Dock strike ends after nine days\n\n"
        "Dock workers returned to work on Thursday.\n\n"
        "The port said cargo would move again by Friday."
    )
    assert article.published is None


def test_html_prefers_the_largest_article() -> None:
    story = "<p>" + "Dock workers returned to work on Thursday after nine days. " * 12 + "</p>"
    page = (
        "<body><article><h2>Teaser</h2><p>Short teaser text.</p></article>"
        f"<article><h1>Dock strike ends</h1>{story}"
        "<time datetime='2023-06-08'>8 June</time></article>"
        "<time datetime='2020-01-01'>footer date</time></body>"
    )
    article = extract_article(page)
    assert article.title == "Dock strike ends"
    assert "Teaser" not in article.text and "footer date" not in article.text
    assert article.published == "2023-06-08"


def test_html_heading_broken_over_two_lines_is_one_title() -> None:
    article = extract_article("<h1>Dock strike<br>ends</h1><p>Workers returned on Thursday.</p>")
    assert article.title == "Dock strike ends"


def test_html_svg_title_is_not_the_page_title() -> None:
    page = "<body><svg><title>Logo</title></svg><p>Workers returned on Thursday.</p></body>"
    assert extract_article(page).title is None


def test_html_entities_and_breaks() -> None:
    article = extract_article("<p>Caf&eacute; &amp; bar &#8211; open<br/>daily&nbsp;now</p>")
    assert article.text == "Café & bar – open\ndaily now"


def test_html_with_only_scripts_is_skipped(tmp_path: Path) -> None:
    page = "<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>"
    assert reasons(run(write(tmp_path / "empty.html", page))) == {
        "empty.html": "no article text found"
    }


def test_html_declared_charset_is_used_when_not_utf8(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-2"></head>'
        "<body><p>Łódź: tram fares rise.</p></body></html>"
    )
    result = run(write(tmp_path / "pl.html", page.encode("iso-8859-2")))
    assert "Łódź: tram fares rise." in only(result).text
    assert result.warnings == ()


def test_html_sniffed_from_content(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><body><article><h1>Dock strike ends after nine days</h1>"
        "<p>Workers returned.</p></article></body></html>"
    )
    source = only(run(write(tmp_path / "page.php", page)))
    assert source.text == "Dock strike ends after nine days\n\nWorkers returned."
    assert source.title == "Dock strike ends after nine days"


def test_malformed_html_does_not_crash(tmp_path: Path) -> None:
    page = "<p>Dock workers <b>returned</i> to work<div><p>on Thursday</span></p><![weird <!-- open"
    source = only(run(write(tmp_path / "broken.html", page)))
    assert "Dock workers returned to work" in source.text


# --- paths, ids and order -----------------------------------------------------------------


def test_id_collisions_get_parent_folder_names(tmp_path: Path) -> None:
    write(tmp_path / "a" / "x.txt", STORY)
    write(tmp_path / "b" / "x.txt", STORY.replace("Monday", "Tuesday"))
    write(tmp_path / "b" / "y.txt", STORY)
    result = run(tmp_path / "b", tmp_path / "a")
    assert [(s.id, s.path) for s in result.sources] == [
        ("a-x", str(tmp_path / "a" / "x.txt")),
        ("b-x", str(tmp_path / "b" / "x.txt")),
        ("y", str(tmp_path / "b" / "y.txt")),
    ]


def test_id_collisions_deeper_folders(tmp_path: Path) -> None:
    write(tmp_path / "p" / "news" / "x.txt", STORY)
    write(tmp_path / "q" / "news" / "x.txt", STORY)
    assert [s.id for s in run(tmp_path).sources] == ["p-news-x", "q-news-x"]


def test_id_collision_in_one_folder_uses_the_extension(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", STORY)
    write(tmp_path / "x.md", STORY)
    assert [s.id for s in run(tmp_path).sources] == ["x-md", "x-txt"]


def test_prefixed_id_never_equals_another_files_id(tmp_path: Path) -> None:
    write(tmp_path / "a" / "x.txt", STORY)
    write(tmp_path / "b" / "x.txt", STORY)
    write(tmp_path / "c" / "a-x.txt", STORY)
    ids = [s.id for s in run(tmp_path).sources]
    assert len(set(ids)) == 3 and "a-x" in ids and "b-x" in ids


def test_argument_order_does_not_matter(tmp_path: Path) -> None:
    write(tmp_path / "a" / "x.txt", STORY)
    write(tmp_path / "b" / "x.txt", STORY)
    write(tmp_path / "c.json", json.dumps([{"text": "One."}, {"id": "x", "text": "Two."}]))
    write(tmp_path / "d.txt", STORY)
    paths = [
        tmp_path / "a",
        tmp_path / "b",
        tmp_path / "c.json",
        tmp_path / "d.txt",
        tmp_path / "a" / "x.txt",
    ]
    results = {run(*order) for order in itertools.permutations(paths)}
    assert len(results) == 1


def test_duplicate_paths_are_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", STORY)
    result = run(path, path, tmp_path)
    assert [s.id for s in result.sources] == ["story"]


def test_hidden_entries_in_folders_are_ignored_but_named_ones_are_read(tmp_path: Path) -> None:
    write(tmp_path / ".cache" / "old.txt", STORY)
    write(tmp_path / ".draft.txt", STORY)
    write(tmp_path / "story.txt", STORY)
    assert [s.id for s in run(tmp_path).sources] == ["story"]
    assert [s.id for s in run(tmp_path / ".draft.txt").sources] == [".draft"]


def test_path_is_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "articles" / "sub" / "story.txt", STORY)
    monkeypatch.chdir(tmp_path)
    result = ingest(["articles/"], settings=SETTINGS)
    assert only(result).path == "articles/sub/story.txt"


def test_folder_walk_is_recursive(tmp_path: Path) -> None:
    write(tmp_path / "2023" / "06" / "bridge.txt", STORY)
    write(tmp_path / "2023" / "07" / "fares.md", "# Rail fares rise\n\nFares rise by 4% in July.\n")
    result = run(tmp_path)
    assert [(s.id, s.title) for s in result.sources] == [
        ("bridge", "Harbour bridge reopens after repairs"),
        ("fares", "Rail fares rise"),
    ]


# --- standard input -----------------------------------------------------------------------


def test_stdin_text() -> None:
    source = only(run("-", stdin=STORY))
    assert (source.id, source.path, source.text) == ("stdin", "-", STORY)
    assert source.title == "Harbour bridge reopens after repairs"


def test_stdin_given_twice_is_read_once() -> None:
    assert len(run("-", "-", stdin=STORY).sources) == 1


def test_stdin_json_and_html() -> None:
    records = json.dumps([{"text": "Dock workers voted to strike."}, {"text": "Fares rise."}])
    assert [s.id for s in run("-", stdin=records).sources] == ["stdin-1", "stdin-2"]
    page = "<!doctype html><body><article><p>Dock workers voted to strike.</p></article></body>"
    assert only(run("-", stdin=page)).text == "Dock workers voted to strike."


def test_stdin_text_that_starts_with_a_bracket_is_text() -> None:
    text = "[Updated] Dock workers voted to strike on Monday.\n"
    assert only(run("-", stdin=text)).text == text
    text = "{Correction} Dock workers voted on Monday.\nThe port stays shut.\n"
    assert only(run("-", stdin=text)).text == text
    text = "<3 this story: dock workers voted to strike on Monday.\n"
    assert only(run("-", stdin=text)).text == text


def test_empty_stdin_is_skipped() -> None:
    assert run("-", stdin="  \n").skipped == (Skipped("-", "empty input"),)


def test_stdin_with_a_file(tmp_path: Path) -> None:
    write(tmp_path / "stdin.txt", STORY)
    ids = [s.id for s in run("-", tmp_path / "stdin.txt", stdin=STORY).sources]
    assert len(ids) == 2 and len(set(ids)) == 2


# --- titles and dates through ingest ------------------------------------------------------


def test_published_precedence(tmp_path: Path) -> None:
    write(tmp_path / "dated.txt", "Published: 2 June 2023\n\n" + STORY)
    write(tmp_path / "undated.txt", STORY)
    write(
        tmp_path / "meta.json",
        json.dumps({"text": "Published: 2 June 2023\n\n" + STORY, "published": "2023-06-01"}),
    )
    result = run(tmp_path, settings=Settings(reference_date=dt.date(2023, 6, 9)))
    assert {s.id: s.published for s in result.sources} == {
        "dated": "2023-06-02",  # from the text
        "undated": "2023-06-09",  # the reference date
        "meta": "2023-06-01",  # metadata wins over the text
    }
    assert {s.id: s.published for s in run(tmp_path).sources}["undated"] is None


def test_sources_satisfy_the_region_invariant(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Skip to content\n\n" + STORY + "\nShare this article\n")
    shutil_copy = (FIXTURES / "lindholm-ferry-strike.html").read_text(encoding="utf-8")
    write(tmp_path / "b.html", shutil_copy)
    for source in run(tmp_path).sources:
        assert source.regions[0].start == 0 and source.regions[-1].end == len(source.text)
        assert all(a.end == b.start for a, b in itertools.pairwise(source.regions))


# --- nothing crashes ----------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        b"<p>",
        b"</p>",
        b"<article>",
        b"<script>",
        b"<!--",
        b"<![CDATA[",
        b'{"text": "',
        b'"}',
        b"[",
        b"\n",
        b"\r\n",
        b"\x00",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"\x93quoted\x94",
        b"Dock workers voted to strike on 3 May 2023.",
        "Caf\u00e9 \u2013 \u20ac4".encode(),
        b"By Marta Quist",
        b"Published: 14.03.2023",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    content=st.one_of(st.binary(max_size=300), st.lists(FRAGMENTS, max_size=30).map(b"".join)),
    extension=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".dat", ""]),
)
def test_any_bytes_are_read_or_skipped_never_a_crash(content: bytes, extension: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{extension}"
        path.write_bytes(content)
        result = run(path)
    assert len(result.sources) + len(result.skipped) >= 1
    for source in result.sources:
        assert source.text.strip()
        assert source.regions[0].start == 0 and source.regions[-1].end == len(source.text)
        assert all(a.end == b.start for a, b in itertools.pairwise(source.regions))
    for skipped in result.skipped:
        assert skipped.reason and "\n" not in skipped.reason


def test_permission_error_when_opening_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same path as the chmod 000 test, but also exercised when running as root.
    path = write(tmp_path / "locked.txt", STORY)

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("claimcheck.ingest.open", refuse, raising=False)
    assert reasons(run(path)) == {"locked.txt": "permission denied"}


# Issue 12, hostile 5: a declared charset that cannot be used falls back like an undeclared one.
@pytest.mark.parametrize("charset", ["undefined", "utf-16", "UTF-32LE", "base64", "rot13"])
def test_an_unusable_declared_charset_falls_back_with_a_warning(tmp_path: Path, charset: str) -> None:
    page = (
        f'<html><head><meta charset="{charset}"><title>T</title></head><body>'
        "<p>Talks opened in Genève on January 10, 2022, the ministry said.</p></body></html>"
    )
    (tmp_path / "a.html").write_bytes(page.encode("cp1252"))
    result = ingest([str(tmp_path)], settings=Settings())
    (source,) = result.sources
    assert "Talks opened in Genève" in source.text
    assert any("cp1252" in w and charset.lower() in w for w in result.warnings), result.warnings
