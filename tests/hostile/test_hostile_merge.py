"""Class 4 and 11: a file adds, replaces only on purpose and says which; the cache follows content, bounded."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

import smuggling_wg as swg
from hostile.test_hostile_files import validate_cli
from smuggling_wg import _loader
from smuggling_wg.dataset import MAX_CACHED

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "example-meeting.yaml"


def _write(folder: Path, name: str, data: object) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_validate_says_what_each_file_adds_and_replaces(tmp_path: Path) -> None:
    italy = swg.load().actor("ITA").model_dump(mode="json", exclude_defaults=True)
    italy["regional_group_note"] = "A note of our own."
    replacing = _write(tmp_path, "a.yaml", {"replace": {"actors": ["ITA"]}, "actors": [italy]})
    targets = _write(
        tmp_path,
        "b.yaml",
        {"replace": {"sdg_targets": ["16.4"]}, "sdg_targets": {"16.4": "Our text.", "50.1": "A new target."}},
    )
    ds = swg.load(extra=[replacing, targets, EXAMPLE])
    merged = ds.actor("ITA")
    assert isinstance(merged, swg.State) and merged.regional_group_note == "A note of our own."
    assert len(ds.actors) == len(swg.load().actors)
    assert ds.bundle.sdg_targets["16.4"] == "Our text." and ds.bundle.sdg_targets["50.1"] == "A new target."
    assert swg.load().bundle.sdg_targets["16.4"] != "Our text.", "the bundled dataset is untouched"
    assert _loader.summaries(swg.load().bundle, [replacing, targets, EXAMPLE]) == {
        str(replacing): "replaces actor ITA",
        str(targets): "replaces SDG target 16.4; adds SDG target 50.1",
        str(EXAMPLE): "adds meeting 99",
    }
    code, out, err = validate_cli(str(replacing), str(targets), str(EXAMPLE))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "ok: 3 file(s) load with the bundled data",
        f"{replacing}: replaces actor ITA",
        f"{targets}: replaces SDG target 16.4; adds SDG target 50.1",
        f"{EXAMPLE}: adds meeting 99",
    ]


def test_a_new_state_with_its_names(tmp_path: Path) -> None:
    state = {
        "kind": "state",
        "id": "XYZ",
        "alpha2": "XY",
        "m49": "999",
        "name": {"ru": "Иксия"},
        "regional_group": None,
    }
    names = {"ar": "س", "zh": "克", "en": "Xia", "fr": "Xie", "ru": "Иксия", "es": "Xía"}
    path = _write(tmp_path, "x.yaml", {"actors": [state], "state_names": {"XYZ": names}})
    assert swg.load(extra=[path]).actor("Xia").id == "XYZ"
    assert _loader.summaries(swg.load().bundle, [path]) == {str(path): "adds actor XYZ, UN names of XYZ"}


def test_a_meeting_replaced_with_the_file_s_own(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("number: 99", "number: 7", 1)
    path = tmp_path / "seven.yaml"
    path.write_text("replace: {meetings: [7]}\n" + text, encoding="utf-8")
    assert len(swg.load(extra=[path]).meeting(7).recommendations) == 1
    assert _loader.summaries(swg.load().bundle, [path]) == {str(path): "replaces meeting 7"}


def test_the_cache_follows_the_content_not_the_path_or_the_time(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_bytes(EXAMPLE.read_bytes())
    ds = swg.load(extra=[first])
    copy = tmp_path / "b.yaml"
    copy.write_bytes(EXAMPLE.read_bytes())
    assert swg.load(extra=[copy]) is ds, "the same content gives the same dataset"
    stat = first.stat()
    edited = EXAMPLE.read_bytes().replace(b"(example text).", b"(exampl3 text).", 1)
    assert len(edited) == stat.st_size
    first.write_bytes(edited)
    os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = swg.load(extra=[first])
    assert again is not ds and again.recommendations(meeting=99)[0].text.en.endswith("(exampl3 text).")


def test_the_cache_is_bounded(tmp_path: Path) -> None:
    paths = []
    for i in range(MAX_CACHED + 1):
        path = tmp_path / f"{i}.yaml"
        path.write_text(f"sdg_targets: {{'60.{i}': 'Target {i}.'}}\n", encoding="utf-8")
        paths.append(path)
    kept = [swg.load(extra=[p]) for p in paths[:MAX_CACHED]]
    assert all(swg.load(extra=[p]) is d for p, d in zip(paths[:MAX_CACHED], kept, strict=True))
    swg.load(extra=[paths[MAX_CACHED]])  # one more: the least recently used is let go
    assert swg.load(extra=[paths[0]]) is not kept[0]
    assert swg.load(extra=[paths[-2]]) is kept[-1]


def test_annotations_are_summarised_and_one_path_is_a_path(tmp_path: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text(
        "annotations:\n- meeting: 7\n  paragraphs:\n"
        "    5: {topics: [{topic: legal_frameworks, quote: Рабочая группа}]}\n",
        encoding="utf-8",
    )
    ds = swg.load(extra=str(path))  # one path, as a string: not its characters
    assert "legal_frameworks" in [t.topic for t in ds.paragraph(5).topics]
    assert _loader.summaries(swg.load().bundle, [path]) == {str(path): "annotates meeting 7"}


def test_progress_is_reported_file_by_file(tmp_path: Path) -> None:
    paths = [_write(tmp_path, f"{i}.yaml", {"sdg_targets": {f"70.{i}": f"Target {i}."}}) for i in range(3)]
    seen: list[tuple[int, int]] = []
    token = _loader.PROGRESS.set(lambda done, total: seen.append((done, total)))
    try:
        assert swg.validate(*paths) == ()
    finally:
        _loader.PROGRESS.reset(token)
    assert seen == [(1, 3), (2, 3), (3, 3)]
