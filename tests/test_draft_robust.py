"""The draft is the same whatever layout the report comes in; hostile input is one clear error (issue 28)."""

from __future__ import annotations

import contextlib
import re
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smuggling_wg as swg
from draft_variants import BROKEN_COMPOUNDS, docx, furnished, pdf, reflow
from smuggling_wg import _sourcetext
from smuggling_wg._draft import Draft
from smuggling_wg._number import roman
from smuggling_wg._yaml import MAX_BYTES


def data(drafted: Draft, symbol: str | None = None) -> Any:
    """The drafted data; ``symbol``: the running document symbol a furnished text adds (and nothing else)."""
    parsed = yaml.safe_load(drafted.text)
    if symbol is not None:
        assert parsed["meetings"][0]["symbol"] == symbol
        parsed["meetings"][0]["symbol"] = None
    return parsed


@pytest.fixture(scope="module")
def raw() -> str:
    return _sourcetext.read_source()


@pytest.fixture(scope="module")
def golden(raw: str) -> Any:
    return data(swg.draft(raw))


@pytest.mark.parametrize(("width", "seed"), [(45, 1), (60, 2), (75, 3), (110, 4)])
def test_reflowed_with_other_hyphenation(raw: str, golden: Any, width: int, seed: int) -> None:
    text = reflow(raw, width, seed)
    assert text != raw and len(re.findall(r"-\n", text)) > 50  # words broken elsewhere
    assert data(swg.draft(text)) == golden


@pytest.mark.parametrize(("width", "seed"), [(50, 8), (85, 9)])
def test_reflowed_with_breaks_inside_real_compounds(raw: str, golden: Any, width: int, seed: int) -> None:
    """A line may end inside «Коста-Рика», «государствам-участникам», «COVID-19», «г-жа»: the draft keeps them."""
    text = reflow(raw, width, seed, compounds=True)
    for broken in BROKEN_COMPOUNDS:
        assert broken in text, broken
    assert data(swg.draft(text)) == golden


def test_page_furniture_and_form_feeds(raw: str, golden: Any) -> None:
    text = furnished(reflow(raw, 70, 5))
    assert "\fCTOC/COP/WG.7/2020/4" in text and "V.20-04775 2/9" in text and "Distr.: General" in text
    assert data(swg.draft(text), symbol="CTOC/COP/WG.7/2020/4") == golden
    assert data(swg.draft(furnished(raw, lines_per_page=57)), symbol="CTOC/COP/WG.7/2020/4") == golden


def test_windows_line_endings(raw: str, golden: Any) -> None:
    assert data(swg.draft(raw.replace("\n", "\r\n"))) == golden
    assert data(swg.draft(("\ufeff" + raw.replace("\n", "\r\n")).encode("utf-8"))) == golden  # with a BOM


def test_pdf_made_from_the_report(raw: str, golden: Any, tmp_path: Path) -> None:
    path = pdf(furnished(reflow(raw, 80, 6)), tmp_path / "report.pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    drafted = swg.draft(path)
    assert drafted.name == "report.pdf"
    assert data(drafted, symbol="CTOC/COP/WG.7/2020/4") == golden


def test_docx_made_from_the_report(raw: str, golden: Any, tmp_path: Path) -> None:
    assert data(swg.draft(docx(reflow(raw, 90, 7), tmp_path / "report.docx"))) == golden


def _without_chapter(raw: str, numeral: str, next_numeral: str) -> str:
    start = raw.index(f" {numeral}. ")
    return raw[:start] + raw[raw.index(f" {next_numeral}. ") :]


def test_a_chapter_missing_gives_placeholders(raw: str) -> None:
    drafted = swg.draft(_without_chapter(raw, "III", "IV"))
    found = {p.path: p.message for p in drafted.placeholders}
    chapter = "meetings.0.chapters.2.title.en"
    assert "chapter IV (line" in found[chapter] and "(III expected)" in found[chapter]
    gap = next(m for path, m in found.items() if path.startswith("meetings.0.paragraphs."))
    assert "paragraph 18" in gap and "paragraphs 4-17 are not in the text" in gap
    meeting = yaml.safe_load(drafted.text)["meetings"][0]
    assert [p["number"] for p in meeting["paragraphs"]] == [1, 2, 3, *range(18, 35)]
    assert meeting["speakers"][0]["name"]["ru"].startswith("<<CHANGE: no paragraph introduces г-жа Ледваба")
    assert meeting["meetings_held"] == 4 and len(meeting["participants"]) == 103


def test_a_chapter_renumbered_gives_placeholders(raw: str) -> None:
    text = raw.replace(" IV. Организация", " VI. Организация").replace(
        " V. Утверждение доклада", " VII. Утверждение доклада"
    )
    drafted = swg.draft(text)
    paths = [p.path for p in drafted.placeholders]
    assert "meetings.0.chapters.3.title.en" in paths and "meetings.0.chapters.4.title.en" in paths
    meeting = yaml.safe_load(drafted.text)["meetings"][0]
    assert [c["number"] for c in meeting["chapters"]] == ["I", "II", "III", "VI", "VII"]  # as printed


def _more_chapters(raw: str, last: int, printed: Callable[[int], str] = roman) -> str:
    """The report with chapters VI to ``last`` after chapter V, one paragraph each (35, 36, ...)."""
    end = raw.rindex("\nhttp://undocs.org/ru/CTOC/COP/WG.7/2020/1\n")  # the last page's footnotes
    added = "".join(f" {printed(n)}. Глава {n}\n\n{29 + n}. Текст главы {n}.\n\n" for n in range(6, last + 1))
    return raw[:end] + "\n" + added + raw[end:]


def test_chapters_past_xii_are_numbered_as_printed_without_placeholders(raw: str) -> None:
    """Chapter XIII used to be flagged "(None expected)": every Roman numeral is known, to XL and past it."""
    drafted = swg.draft(_more_chapters(raw, 42))
    meeting = yaml.safe_load(drafted.text)["meetings"][0]
    assert [c["number"] for c in meeting["chapters"]] == [roman(n) for n in range(1, 43)]
    assert meeting["chapters"][39]["number"] == "XL" and meeting["paragraphs"][-1]["number"] == 71
    assert [p.path for p in drafted.placeholders if ".chapters." in p.path] == []
    assert "None expected" not in drafted.text


def test_a_chapter_numeral_not_in_its_standard_form_is_a_placeholder(raw: str) -> None:
    drafted = swg.draft(_more_chapters(raw, 14, lambda n: "XIIII" if n == 14 else roman(n)))
    (placeholder,) = [p for p in drafted.placeholders if ".chapters." in p.path]
    assert placeholder.path == "meetings.0.chapters.13.title.en"
    assert (
        "chapter XIIII (line" in placeholder.message
        and "is chapter 14 of the text (XIV expected)" in placeholder.message
    )


def test_unknown_names_are_placeholders_not_guesses(raw: str) -> None:
    text = raw.replace("Эсватини, Южная Африка и Япония", "Эсватини, Атлантида, Южная Африка и Япония")
    text = text.replace("Иордании, Китая и Марокко", "Иордании, Гвинеи и Марокко")
    meeting = yaml.safe_load(swg.draft(text).text)["meetings"][0]
    atlantis = next(p for p in meeting["participants"] if p["as_written"] == "Атлантида")
    assert atlantis["actor"].startswith("<<CHANGE: no actor is named «Атлантида»")
    guinea = next(s for s in meeting["statements"] if s["as_written"] == "Гвинеи")
    assert guinea["actor"].startswith("<<CHANGE: no actor is named «Гвинеи»")  # not in the data: not guessed
    assert next(s for s in meeting["statements"] if s["as_written"] == "Марокко")["actor"] == "MAR"
    assert next(p for p in meeting["participants"] if p["as_written"] == "Япония")["actor"] == "JPN"


def test_genitive_forms_resolve_by_the_librarys_lookup(raw: str) -> None:
    text = raw.replace("Иордании, Китая и Марокко", "Иордании, Южной Африки, Соединенных Штатов Америки и Марокко")
    meeting = yaml.safe_load(swg.draft(text).text)["meetings"][0]
    said = {s["as_written"]: s["actor"] for s in meeting["statements"]}
    assert said["Южной Африки"] == "ZAF" and said["Соединенных Штатов Америки"] == "USA"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "the report is empty"),
        (b"   \n\n\t\n", "the report is empty"),
        (b"\x00\x01\x02" * 1000, "a control character"),
        (bytes(range(128, 256)) * 40, "not UTF-8 text"),
        (b"%PDF-1.7\n garbage", "not a PDF that can be read"),
        (b"PK\x03\x04 not a zip", "not a .docx that can be read"),
        ("Просто текст без нумерованных абзацев.\nИ еще строка.\n".encode(), "no numbered paragraph"),
    ],
)
def test_hostile_input_is_one_clear_error(tmp_path: Path, payload: bytes, message: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(payload)
    with pytest.raises(swg.DataError) as caught:
        swg.draft(path)
    assert len(caught.value.problems) == 1 and message in str(caught.value)


def test_huge_input_is_refused_at_the_data_files_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"1. " + b"x" * MAX_BYTES)
    with pytest.raises(swg.DataError, match="the limit is 5,242,880"):
        swg.draft(path)
    with pytest.raises(swg.DataError, match="limit is 5,242,880"):
        swg.draft("1. x\n" * (MAX_BYTES // 4))


def test_not_a_file_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(swg.DataError, match="not a regular file"):
        swg.draft(tmp_path)
    with pytest.raises(swg.DataError, match="not a regular file"):
        swg.draft("/dev/zero")
    with pytest.raises(swg.DataError, match="cannot be read"):
        swg.draft(tmp_path / "missing.txt")
    with pytest.raises(swg.DataError, match="integer from 1 to 10000"):
        swg.draft(_sourcetext.read_source(), number=0)


@pytest.fixture
def alarm() -> Iterator[None]:
    """A hang fails the test instead of stalling the suite (no timing threshold: a 60 s guard)."""

    def hung(*_: object) -> None:
        raise TimeoutError("draft did not finish")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


_LINES = st.sampled_from(_sourcetext.read_source().splitlines()[:400])
_NOISE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(_LINES, _NOISE, st.sampled_from(["1. Текст", "I. Глава", "A. Раздел", "Рекомендация 1",
                                                          "\f", "V.20-04775 3/9", "a) пункт", "2. Пункт:"])),
                max_size=60))  # fmt: skip
def test_fuzz_never_a_traceback(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    try:
        drafted = swg.draft(text)
    except swg.DataError as exc:
        problems = exc.problems
        assert len(problems) == 1 and problems[0].message
        return
    parsed = yaml.safe_load(drafted.text.split("\n", 5)[-1])
    assert parsed["format_version"] == 1 and parsed["meetings"][0]["paragraphs"]


def test_fuzzed_real_text_in_bounded_time(raw: str, alarm: None) -> None:
    for cut in range(0, len(raw), 3001):
        with contextlib.suppress(swg.DataError):
            swg.draft(raw[cut:] + "\n" + raw[: cut // 2])


# --- the outside attack of 1.1 -------------------------------------------------------------------------------


def test_repeated_headings_are_refused_before_the_draft_grows() -> None:
    """Each repeated chapter used to collect the sections of all the others: time and memory grew with the square."""
    text = "\n".join(["I. Рекомендации", "A. Тема"] * 1000) + "\n1. x"
    with pytest.raises(swg.DataError, match="more than 100 chapter and section headings"):
        swg.draft(text)


def test_a_file_name_with_a_line_break_is_read_as_a_file_by_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smuggling_wg.cli import main

    name = tmp_path / "z\n1. Италия.txt"
    name.write_text("x", encoding="utf-8")
    assert main(["draft", str(name)]) != 0  # the file holds no report: its name is not taken for the text
    assert "no numbered paragraph" in capsys.readouterr().err


def test_a_draft_file_is_written_with_the_users_umask(tmp_path: Path) -> None:
    import os
    import stat

    from smuggling_wg._draft import run

    out = tmp_path / "d.yaml"
    old = os.umask(0o022)
    try:
        run(str(_sourcetext_path()), None, str(out), False, open(os.devnull, "w"))  # noqa: SIM115
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def _sourcetext_path() -> Path:
    from importlib import resources

    return Path(str(resources.files("smuggling_wg") / "data" / "report-07.ru.txt"))
