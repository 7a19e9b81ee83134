"""What a reader of a web page sees, and markup too pathological to parse.

A disclosure in a visible ``<footer>`` counts; a ``hidden`` one, or one in 1 px white text,
does not: hypecheck judges the text a reader is shown. The rules here read the markup alone
(inline styles, the ``hidden`` attribute, the hiding classes of common CSS frameworks); a
stylesheet is not evaluated, so text hidden by a site's own CSS rules is still read.
"""

from __future__ import annotations

import re

# lxml checks each new attribute of an element against the ones before it: an element with
# 200,000 attributes takes minutes. A real page has a few dozen at most.
MAX_ATTRIBUTES = 1_000
# Only tags at least this long can hold that many attributes (each takes two characters or more),
# so the scan looks inside long tags only and stays linear.
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{%d,}>" % (2 * MAX_ATTRIBUTES))
_ATTRIBUTE = re.compile(r"""\s[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?""")

_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$|!)"
    r"|font-size\s*:\s*(?:0|[01](?:\.\d+)?px|0?\.\d+(?:em|rem|pt))\s*(?:;|$|!)"
    r"|(?<![\w-])(?:height|width)\s*:\s*[01]px[^;]*;.*overflow\s*:\s*hidden",
    re.IGNORECASE,
)
# White text with no background of its own: invisible on the white page a reader sees.
_WHITE_TEXT = re.compile(r"(?<![\w-])color\s*:\s*(?:white|#fff(?:fff)?|rgba?\(\s*255\s*,\s*255\s*,\s*255)", re.IGNORECASE)
_BACKGROUND = re.compile(r"background", re.IGNORECASE)
_HIDING_CLASSES = frozenset({"hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text", "is-hidden", "hide", "invisible"})
_FRAME_XPATH = "//footer | //aside | //*[@role='contentinfo'] | //*[@role='complementary']"
# A line of the page frame is kept when it may speak of AI: the disclosure dimension decides
# whether it discloses.
_MENTIONS_AI = re.compile(
    r"\bAI\b|\bA\.I\.|artificial intelligence|language model|\bLLM\b|\bGPT|ChatGPT|machine[- ](?:generated|written)|automated|generated",
    re.IGNORECASE,
)
MAX_FRAME_LINE = 400  # characters: a disclosure is a sentence or two, not the site map


def check_markup(html: str, name: str) -> None:
    """Refuse markup that would take lxml minutes, with a one-line reason, in linear time."""
    from hypecheck.read.load import InputError

    for tag in _LONG_TAG.finditer(html):
        count = sum(1 for _ in _ATTRIBUTE.finditer(tag.group()))
        if count > MAX_ATTRIBUTES:
            element = re.match(r"<([A-Za-z][\w-]*)", tag.group()).group(1)
            raise InputError(f"{name}: pathological HTML: a <{element}> element with {count:,} attributes (at most {MAX_ATTRIBUTES:,} are read)")


def hidden(element) -> bool:
    """Whether the markup itself hides ``element`` from a reader."""
    attributes = element.attrib
    if "hidden" in attributes or attributes.get("type") == "hidden":
        return True
    style = attributes.get("style")
    if style and (_HIDING_STYLE.search(style) or (_WHITE_TEXT.search(style) and not _BACKGROUND.search(style))):
        return True
    classes = attributes.get("class")
    return bool(classes) and not _HIDING_CLASSES.isdisjoint(classes.split())


def remove_hidden(tree) -> None:
    """Remove every element a reader cannot see, with its text (its tail text stays: it is
    outside the element, so it is visible)."""
    doomed = [element for element in tree.iter() if isinstance(element.tag, str) and hidden(element)]
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue
        if element.tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)


def visible_frame_lines(tree) -> list[str]:
    """Lines of the visible footers and asides that may speak of AI, in page order."""
    lines: list[str] = []
    seen: set[str] = set()
    for element in tree.xpath(_FRAME_XPATH):
        for block in _text_blocks(element):
            line = " ".join(block.split())
            if line and len(line) <= MAX_FRAME_LINE and _MENTIONS_AI.search(line) and line not in seen:
                seen.add(line)
                lines.append(line)
    return lines


_BLOCK_TAGS = frozenset("p div li br h1 h2 h3 h4 h5 h6 section footer aside blockquote td dd dt".split())


def _text_blocks(element) -> list[str]:
    """The element's text cut at block boundaries (paragraphs, list items, line breaks); walked
    without recursion, so a hundred thousand nested elements cannot overflow the stack."""
    from lxml import etree

    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append("".join(current))
            current.clear()

    for event, node in etree.iterwalk(element, events=("start", "end")):
        block = isinstance(node.tag, str) and node.tag in _BLOCK_TAGS
        if event == "start":
            if block:
                flush()
            if isinstance(node.tag, str) and node.text:
                current.append(node.text)
        else:
            if block:
                flush()
            if node is not element and node.tail:
                current.append(node.tail)
    flush()
    return blocks
