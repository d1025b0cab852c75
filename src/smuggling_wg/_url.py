"""Which URLs may become a link: ``http``, ``https`` or a relative path, nothing else.

A link a reader clicks must not run anything (``javascript:``, ``data:``, ``vbscript:``) nor
leave for a host the URL does not name plainly. The models refuse any other URL
(:data:`smuggling_wg.models.Url`), and every output that writes a link checks again with
:func:`is_link`, so a URL that reaches it by another way is shown as text, never linked.
"""

from __future__ import annotations

import re

__all__ = ["RULE", "is_link"]

#: What :func:`is_link` accepts, in words (for messages and documentation).
RULE = "a URL must be http://…, https://… or a relative path (no other scheme, no //host, no backslash)"

# Browsers drop tabs and newlines inside a URL and strip C0 controls and spaces around it,
# read a backslash as a slash, and take a scheme case-insensitively: any of these would let
# "java\tscript:" or "/\\host" through a check that looked at the text alone. So nothing
# unprintable, no white space and no backslash at all, then either an http(s) URL with a host
# (no user name before it), or a relative reference whose first segment holds no colon and
# which is not "//host".
# The host holds none of the code points a browser refuses in one (WHATWG's forbidden host code
# points, and "%", which it would decode into one), or is an IPv6 address in brackets; a port is
# at most 65535 (checked in is_link), so "https://evil.com%40good.org" or ":99999" is no link.
_ABSOLUTE = re.compile(
    r"https?://(?:\[[0-9A-Fa-f:.]+\]|[^/?#@\s\\:%<>^|\[\]\"]+)(?::(?P<port>[0-9]{0,5}))?(?:[/?#][^\s\\]*)?",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"(?!//)[^:/?#\s\\]*(?:[/?#][^\s\\]*)?")


def is_link(url: str) -> bool:
    """True when ``url`` is ``http://host…``, ``https://host…`` or a relative path, and may be linked."""
    if not url or not url.isprintable():
        return False
    absolute = _ABSOLUTE.fullmatch(url)
    if absolute:
        return int(absolute["port"] or 0) <= 65535
    return bool(_RELATIVE.fullmatch(url))
