"""The attack corpus (issue 18): hostile inputs, generated here rather than committed as megabytes.

Each entry is a file name and a function making its bytes. ``write_corpus(folder)`` writes them
all; tests/test_attack.py scores them one by one (each within its bound: under 2 s of CPU per
100 KB, no crash, a scorecard or a one-line error) and all together (N inputs, N results).
The file names themselves are hostile too (markup, formula prefixes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

PROSE = (
    "The city council approved the budget on Monday after a long debate. "
    "Spending on roads will rise 4% next year, according to the finance office. "
)


def _html(title: str, body: str, head: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body><article>"
        f"<h1>{title}</h1><p>{PROSE}</p><p>{body}</p></article></body></html>"
    ).encode()


ATTACKS: dict[str, Callable[[], bytes]] = {
    # bytes that are not what they claim
    "nul-at-start.txt": lambda: b"\x00\x00" + PROSE.encode(),
    "nul-in-the-middle.txt": lambda: PROSE.encode() * 60 + b"\x00" * 10 + PROSE.encode(),
    "invalid-utf8.txt": lambda: PROSE.encode() + b"\xff\xfe\xc3\x28 caf\xe9 \xa0\xa1" + PROSE.encode(),
    "utf16-no-bom.txt": lambda: (PROSE * 3).encode("utf-16-le"),
    "utf16-be-no-bom.txt": lambda: (PROSE * 3).encode("utf-16-be"),
    # size and shape
    "one-5mb-line.txt": lambda: b"x" * 5_000_000,
    "1mb-word-after-prose.txt": lambda: PROSE.encode() + b"Revolutionary" * 77_000,
    "digits.txt": lambda: b"Sales rose " + b"1" * 500_000 + b".",
    "commas.txt": lambda: b"Sales rose to 1" + b",000" * 125_000 + b" units.",
    "dollar-ones.txt": lambda: b"Sales rose " + b"$1" * 250_000,
    "according-to.txt": lambda: b"Sales rose, " + b"according to Reuters " * 25_000,
    # One sentence of many speakers, quoted figures and own-data cues: each is looked up once a
    # sentence, not once a verb or a figure (both were quadratic before they were caught here).
    "said-bodies.txt": lambda: b"News: " + b"the ministry said police said " * 15_000,
    "quoted-figures.txt": lambda: b"Sales rose " + b'"by 5%" and we found ' * 20_000,
    "very.txt": lambda: b"The launch was " + b"very " * 100_000 + b"good.",
    # author-year citations and speakers after "said", each judged by the words just before it,
    # not by a search of the sentence so far (both were quadratic when a review caught them)
    "author-years.txt": lambda: b"Work by " + b"Smith (2019) " * 15_000 + b"agrees.",
    "said-names.txt": lambda: b"News: " + b"he said Park " * 15_000 + b"today.",
    "named-groups.txt": lambda: b"News: " + b"Rust users say NCLAN studies show " * 6_000 + b"more.",
    "200k-sentence.txt": lambda: (b"The launch was a revolutionary moment and " * 5_000)[:200_000] + b".",
    "many-short-lines.txt": lambda: b"Yes.\n" * 100_000,
    "chrome-only.txt": lambda: b"Menu\nSearch\nShare\nSign in\nNo comments\n" * 1_000,
    # markup
    "nested-100k.html": lambda: _html("Nested", "<div>" * 100_000 + "deep text" + "</div>" * 100_000),
    "attributes-200k.html": lambda: _html("Attributes", "<div " + " ".join(f'a{i}="x"' for i in range(200_000)) + ">x</div>"),
    "huge-attribute.html": lambda: _html("Huge attribute", '<div title="' + "x" * 2_000_000 + '">x</div>'),
    "script-title.html": lambda: _html(
        "<script>alert('title')</script>Budget approved",
        '<img src=x onerror="alert(1)">Spending will rise.',
        head='<meta name="author" content="&lt;img src=x onerror=alert(2)&gt;">',
    ),
    # Markdown a footnote or code reader could stumble on: one line of 20,000 footnote links among
    # 20,000 other links (a link was checked against every footnote before: quadratic), code fences
    # never closed, inline code everywhere
    "footnote-links.md": lambda: ("# Notes\n\n" + " ".join(f"[{i % 9 + 1}](#fn{i % 9 + 1}) [x](https://e.com/{i})" for i in range(20_000))
                                  + "\n\n1. Reuters, https://www.reuters.com/a\n").encode(),
    "unclosed-fence.md": lambda: ("# Code\n\n" + PROSE + "\n\n```\n" + "according to Reuters 40% `x`\n" * 20_000).encode(),
    "inline-code.md": lambda: ("# Code\n\n" + "`Acme` said `x` via `Y` 4% " * 20_000).encode(),
    # hype words a reader sees as words, hidden from naive matching
    "zero-width-hype.txt": lambda: "The company unveiled a revolu\u200btionary, ground\u00adbreaking chip on Monday.\n".encode(),
    "homoglyph-hype.txt": lambda: "The company unveiled a rev\u043elutionary chip on Monday, analysts said.\n".encode(),
    # names and titles built to attack the report and the spreadsheet
    "<img src=x onerror=alert(3)>.txt": lambda: ("Budget approved\n\n" + PROSE).encode(),
    "=HYPERLINK(x).txt": lambda: ("=HYPERLINK(\"http://evil.example\",\"click\")\n\n" + PROSE).encode(),
    "+cmd.md": lambda: ("# +cmd|' /C calc'!A0\n\n" + PROSE).encode(),
    "@sum.txt": lambda: ("@SUM(1+1)*cmd|' /C calc'!A0\n\n" + PROSE).encode(),
    "-formula.txt": lambda: ("-2+3+cmd|' /C calc'!A0\n\n" + PROSE).encode(),
}


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in ATTACKS.items():
        path = folder / name
        path.write_bytes(make())
        paths.append(path)
    return paths
