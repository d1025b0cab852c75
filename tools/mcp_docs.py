"""Write the transcript of every MCP tool in docs/mcp.md from real calls to the server.

    python tools/mcp_docs.py          # rewrite the transcript between its markers in docs/mcp.md
    python tools/mcp_docs.py --check  # exit 1 if the page shows answers the server no longer gives

The server runs as a client starts it (``python -m smuggling_wg mcp`` over stdio, the SDK's own
client, the bundled data only); each tool is called with the first example its description
gives, and the page shows the call and the answer's text (long answers cut, saying how much).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import anyio
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.types import TextContent

from generated import run
from smuggling_wg._mcp import examples

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "mcp.md"
BEGIN = "<!-- transcript: written by python tools/mcp_docs.py from real calls; do not edit by hand -->\n"
END = "<!-- end of transcript -->\n"
#: Lines of an answer shown before it is cut.
SHOWN = 12


async def _calls() -> list[tuple[str, dict[str, object], str]]:
    """Each tool, the arguments of its first example, and the text of its answer."""
    env = {name: value for name, value in os.environ.items() if name != "SMUGGLING_WG_PATH"}
    params = StdioServerParameters(command=sys.executable, args=["-m", "smuggling_wg", "mcp"], env=env, cwd=ROOT)
    calls = []
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        for tool in (await session.list_tools()).tools:
            arguments = examples(tool.description or "")[0]
            result = await session.call_tool(tool.name, arguments)
            text = result.content[0]
            if result.is_error or not isinstance(text, TextContent):
                raise SystemExit(f"{tool.name} {arguments}: {text}")
            calls.append((tool.name, arguments, text.text))
    return calls


def _cut(text: str) -> str:
    lines = text.splitlines()
    if len(lines) <= SHOWN + 1:
        return text
    rest = len(lines) - SHOWN - 1
    return "\n".join([*lines[:SHOWN], f"… ({rest} more lines)", lines[-1]])


def transcript() -> str:
    """The transcript: for each tool, the call and the answer's text."""
    parts = [BEGIN]
    for name, arguments, text in anyio.run(_calls):
        call = json.dumps(arguments, ensure_ascii=False)
        parts.append(f"**`{name}`** `{call}`\n\n```text\n{_cut(text)}\n```\n\n")
    parts.append(END)
    return "".join(parts)


def pages() -> dict[Path, str | bytes]:
    """docs/mcp.md with its transcript written anew."""
    page = PAGE.read_text(encoding="utf-8")
    head, rest = page.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return {PAGE: head + transcript() + tail}


if __name__ == "__main__":
    sys.exit(run(__doc__ or "", "mcp_docs.py", pages))
