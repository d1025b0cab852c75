"""What every output says about itself: the versions, the citation and the source (written once)."""

from __future__ import annotations

__all__ = ["DATA_VERSION", "TITLE", "about", "citation", "version"]

#: Version of the bundled data (the ``data_version`` of ``data/dataset.yaml``; tested equal);
#: ``smuggling_wg.DATA_VERSION``.
DATA_VERSION = "1.2.0"

#: The report's title in the UN's English.
TITLE = (
    "Report of the meeting of the Working Group on the Smuggling of Migrants held in Vienna on 8 and 9 September 2020"
)


def version() -> str:
    """The installed library's version (from its metadata, read on first use)."""
    from importlib.metadata import version as installed

    return installed("smuggling-wg")


def citation() -> str:
    """How to cite the data (the library version and the data version included)."""
    return (
        f"smuggling_wg {version()} (data {DATA_VERSION}): {TITLE} "
        "(United Nations, Conference of the Parties to the United Nations Convention against Transnational "
        "Organized Crime; Russian text) as structured data. Editorial English and labels are marked as such."
    )


def about() -> dict[str, str]:
    """What every export carries: versions, citation, source."""
    return {
        "smuggling_wg_version": version(),
        "data_version": DATA_VERSION,
        "citation": citation(),
        "source": f"{TITLE} (Russian text, shipped as report-07.ru.txt)",
    }
