"""Notebook display: HTML and rich reprs, plots, and the quickstart notebook executed end to end."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import smuggling_wg as swg
from smuggling_wg.dataset import Dataset
from smuggling_wg.plot import plot_participation, plot_recommendations

ROOT = Path(__file__).resolve().parent.parent


def test_records_and_results_render_as_html(ds: Dataset) -> None:
    results = ds.recommendations(theme="crises")
    assert isinstance(results, tuple) and results == tuple(results)
    html = results._repr_html_()
    assert "7 × Recommendation" in html and "<th" in html and html.count("<tr>") == 8
    record = ds.recommendation(8)._repr_html_()
    assert "Государствам-участникам рекомендуется рассмотреть" in record
    with swg.display_language("en"):
        assert "Vienna" in ds.meeting(7)._repr_html_()
        assert "Australia" in ds.states_with_statements()._repr_html_()
    assert "версия данных" in ds._repr_html_()  # labels in the display language
    with swg.display_language("en"):
        assert "data version" in ds._repr_html_()
    assert (
        '<th style="padding:2px 8px;vertical-align:top;text-align:left">фрагмент</th>'
        in ds.search("COVID-19")._repr_html_()
    )


def test_counts_are_captioned_in_words_in_the_display_language(ds: Dataset) -> None:
    """A count or cross-tab is captioned as a person would write it, not with its type's name."""
    import re

    from rich.console import Console

    def caption(shown: object) -> str:
        found = re.search(r"<caption[^>]*>(.*?)</caption>", shown._repr_html_())  # type: ignore[attr-defined]
        assert found is not None
        return found.group(1)

    with swg.display_language("en"):
        assert caption(ds.counts("theme")) == "Recommendations by theme"
        assert caption(ds.crosstab("theme", "modality")) == "Recommendations by theme and modality"
        assert caption(ds.participation()) == "Participants by regional group and status"
        console = Console(width=100, record=True, color_system=None)
        console.print(ds.counts("modality"))
        assert console.export_text().lstrip().startswith("Recommendations by modality")
    with swg.display_language("ru"):
        assert caption(ds.counts("theme")) == "Число рекомендаций по признаку: тема раздела"
        both = "Число рекомендаций по признакам: тема раздела и модальность"
        assert caption(ds.crosstab("theme", "modality")) == both
        assert caption(ds.participation()) == "Число участников по признакам: региональная группа и статус"
    assert "CountTable" not in ds.counts("theme")._repr_html_()
    assert repr(ds.counts("theme")).startswith("<CountTable>")  # the repr stays the programmer's


def test_html_escapes_text() -> None:
    text = swg.Text(ru="<script>alert(1)</script>")
    assert "<script>" not in text._repr_html_() and "&lt;script&gt;" in text._repr_html_()


def test_results_are_limited_with_a_note(ds: Dataset) -> None:
    html = ds.participants()._repr_html_()
    assert html.count("<tr>") == 51 and "… and 53 more" in html


def test_rich_renderables(ds: Dataset) -> None:
    from rich.console import Console

    console = Console(width=100, record=True, color_system=None)
    console.print(ds.participants(status="signatory"))
    console.print(ds.actor("ITA"))
    console.print(ds)
    out = console.export_text()
    assert "2 × Participant" in out and "Таиланд" in out and "ISO alpha-2" in out and "версия данных" in out


def test_plots_are_saved(ds: Dataset, tmp_path: Path) -> None:
    for name, figure in (("participation", plot_participation(ds)), ("recommendations", plot_recommendations(ds))):
        path = tmp_path / f"{name}.png"
        figure.savefig(path)
        assert path.stat().st_size > 10_000
        assert figure.axes[0].get_title()


def test_participation_table_matches_a_hand_count(ds: Dataset) -> None:
    cells = {(c.row, c.column): c.n for c in ds.participation()}
    assert cells[("african", "party")] == 10 and cells[("eastern_european", "party")] == 13
    assert cells[("latin_american_caribbean", "signatory")] == 1 and cells[("none", "non_party")] == 1
    assert cells[("not a state", "party")] == 1 and cells[("not a state", "organization")] == 12
    assert sum(cells.values()) == 103


def test_plot_without_matplotlib(ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"pip install 'smuggling-wg\[plot\]'"):
        plot_participation(ds)


def test_quickstart_notebook_runs() -> None:
    notebook = nbformat.read(ROOT / "examples" / "quickstart.ipynb", as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "Australia" in html and "7 × Recommendation" in html
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart is drawn"
    text = "".join(o.get("text", "") for o in outputs)
    assert "Recommendation 8 (para 3), technology, encouraged" in text
    # the design card's two questions on every surface: the library, the command, the MCP server
    assert "theme × modality" in html and "12 states made statements; 16 with the panellists' states" in text
    assert "Disasters, conflicts and crises  6       1           0" in text  # smuggling-wg crosstab
    assert "MAR  Morocco" in text and "ZAF  South Africa" in text  # smuggling-wg states --statements [...]
    assert "Recommendations by theme × modality" in text and "7 recommendations:" in text  # MCP, through the SDK
    assert "Technology and cyberspace × encouraged: 6" in text
    assert "12 states made statements (without the panellists' states):" in text
    assert "16 states made statements (with the panellists' states):" in text
    site = "".join("".join(cell.source) for cell in notebook.cells if cell.cell_type == "markdown")
    assert "site/en/speakers.html" in site and "site/en/counts.html" in site


def test_search_results_show_their_explanation(ds: Dataset) -> None:
    from rich.console import Console

    from smuggling_wg._notebook import explained

    hits = ds.search("цифровые доказательства")
    explanation = getattr(hits, "explanation", None)  # a search's own, where the search gives one
    assert explained(hits) == ([str(line) for line in explanation.lines()] if explanation is not None else [])
    assert explained(ds.recommendations()) == [] and explained(ds.counts("theme")) == []

    class Explanation:  # what a search's explanation offers the display: its lines
        def lines(self) -> list[str]:
            return ["ignored (stop or question words): <which>", "not in any text: цыфровые"]

    shown = swg.Results(hits, ds, type(hits[0]))
    object.__setattr__(shown, "explanation", Explanation())
    html = shown._repr_html_()
    assert (
        "<li>ignored (stop or question words): &lt;which&gt;</li>" in html and "<li>not in any text: цыфровые" in html
    )
    console = Console(width=100, record=True, color_system=None)
    console.print(shown)
    out = console.export_text()
    assert "SearchHit" in out and out.rstrip().endswith("not in any text: цыфровые")
