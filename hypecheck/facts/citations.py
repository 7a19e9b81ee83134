"""Links and citations: the sources an article names by pointing at them.

Online news attributes with hyperlinks; AI research briefs and papers with footnotes (``[^1]``),
bracket numbers (``[1]``) and a reference list. This module finds, in the original text:

- Markdown links ``[text](url)`` and reference-style links ``[text][id]`` with ``[id]: url``
  (saved web pages arrive as Markdown with their links, see :mod:`hypecheck.read.load`);
- bare URLs (``https://...``);
- footnote markers ``[^n]`` resolved against their definitions ``[^n]: ...``, and bracket
  citations ``[n]`` / ``[n, m]`` resolved against a numbered reference list (``[n] ...`` or
  ``n. ...`` lines after a "References" / "Sources" / "Notes" heading).

Each becomes a :class:`Citation` in the sentence where the link text or the marker stands, with
the target's domain and its type from ``lexicons/source_domains.tsv`` (outlet, social, official,
research, owned by a company), the subject company's own domain as ``self``, any other site as
``website`` (named, not vetted). A definition or a reference-list line attributes nothing by
itself: it only tells where a marker points. Typing needs no network.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping
from urllib.parse import urlsplit

from hypecheck.facts.document import Document, Sentence
from hypecheck.lexicon import Lexicon
from hypecheck.read.clean import MD_FOOTNOTE_LINK

_URL = r"https?://[^\s<>\"'\])]+[^\s<>\"'\]).,;:!?]"
_MD_LINK = re.compile(rf"\[(?P<text>[^\]\n]{{1,500}})\]\((?P<url>{_URL})(?:\s+\"[^\"\n]{{0,300}}\")?\)")
# A link to another page of the same site ("[functionalism](/arguments/functionalism/)"): a source
# a reader can open, the publication's own. Same-page anchors ("#notes") point nowhere new.
# A site generator's link to one of the site's own pages: Hugo's '{{< ref "2015-05-26-post.md" >}}'
# (or relref), Jekyll's '{{site.baseurl}}/library/report.pdf' and '{% post_url 2015-01-29-post %}'.
_SITE_REF = (
    r"\{\{<\s*(?:rel)?ref\s[^<>\n]{1,300}>\}\}"
    r"|\{\{\s*site\.(?:baseurl|url)\s*\}\}[^\s)\"'<>]{0,2000}"
    r"|\{%\s*(?:post_url|link)\s[^%\n]{1,300}%\}"
)
_RELATIVE_LINK = re.compile(
    rf"(?<!!)\[(?P<text>[^\]\n]{{1,500}})\]\((?P<path>\.{{0,2}}/[^\s)\n]{{0,2000}}|(?:{_SITE_REF}))(?:\s+\"[^\"\n]{{0,300}}\")?\)"
)
STORE = "store"  # an app store's kind in source_domains: a link there names no source
# Listed kinds of site anyone posts on or links to get something: nobody's own site by its domain.
_PLATFORMS = frozenset({"social", "hosting", "website", STORE})
SITE = "this site"  # the domain shown for a link within the article's own site
# A reference-list item with no address but an author and a year: "Vaswani, A. et al. (2017). ...",
# "Hoel, E. (2026). A Disproof of ...".
_PRINTED_REFERENCE = re.compile(r"[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*)+.*?\(?(?:19|20)\d{2}[a-z]?\)?")
# A raw HTML anchor inside Markdown ('<a href="https://..." target="_blank">NHTSA data</a>', as
# Hugo and Jekyll posts carry): a link like any other; a site-relative one is the site's own page.
_HTML_ANCHOR = re.compile(
    r"""<a\s[^<>]{0,500}?\bhref\s*=\s*(?:(?P<q>["'])(?P<url>(?:https?://|/)[^"'\s<>]{0,2000})(?P=q)|"(?P<ref>"""
    + _SITE_REF
    + r""")")[^<>]{0,500}>(?P<text>[^<]{1,500}|<img\s[^<>]{0,1000}>)</a\s*>""",
    re.IGNORECASE,
)
_REF_LINK = re.compile(r"\[(?P<text>[^\]\n]{1,500})\]\[(?P<id>[^\]\n]{1,100})\]")
_REF_DEFINITION = re.compile(rf"^[ \t]{{0,3}}\[(?P<id>[^\]^\n]{{1,100}})\]:[ \t]*<?(?P<url>{_URL})>?", re.MULTILINE)
_BARE_URL = re.compile(_URL)
_FOOTNOTE = re.compile(r"\[\^(?P<label>[^\]\s]{1,40})\](?!:)")
_FOOTNOTE_DEFINITION = re.compile(r"^[ \t]{0,3}\[\^(?P<label>[^\]\s]{1,40})\]:[ \t]*(?P<text>.*)$", re.MULTILINE)
_BRACKET_CITATION = re.compile(r"(?<!\])\[(?P<labels>\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,8})\](?![(:\[])")
_REFERENCE_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?:(?:key|main|selected|further|additional|cited|data)[ \t]+)?"
    r"(?P<name>references|sources|citations|notes|footnotes|bibliography|works cited)(?:\*\*)?:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LIST_LINE = re.compile(rf"^[ \t]*(?:[-*+•]|\d{{1,3}}[.)]|\[\d{{1,3}}\])[ \t]+\S|^[ \t]*<?{_URL}>?[ \t]*$")
_REFERENCE_ITEM = re.compile(r"^[ \t]*(?:\[(?P<bracket>\d{1,3})\]|(?P<number>\d{1,3})[.)])[ \t]+(?P<text>.+)$", re.MULTILINE)

# A link to a picture, a sound or a video file shows something; it does not source a claim.
_MEDIA_PATH = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico|tiff?|mp[34]|webm|mov|wav|ogg)(?:[?#]|$)", re.IGNORECASE)
_LOCAL_HOST = re.compile(r"localhost$|.*\.localhost$|127\.|0\.0\.0\.0$|::1$")
UNSEEN_LIST_MARKERS = 3  # distinct [n] markers that make a reference list certain though it is not in the text
# The type a list of sources takes: its most frequent, ties to the earlier here.
_LIST_KIND_ORDER = ("outlet", "official", "research", "website", "social", "self")


@dataclass(frozen=True)
class Citation:
    sentence: int
    start: int  # offsets into the sentence's cleaned text
    end: int
    url: str  # "" when a reference names no URL
    domain: str  # "reuters.com"; for a reference without a URL, its first words
    type: str  # outlet | social | official | research | self | website
    via: str  # "link", "citation", or "source list" (a list of sources under a heading, counted once)
    text: str  # the link's text or the marker, as it stands in the cleaned text
    items: int = 1  # sources it names: a list of sources names each of its items


@dataclass(frozen=True)
class _Target:
    url: str
    text: str
    kind: str = ""  # given for a target with no URL to type (a list of sources, an unseen reference)
    items: int = 1


def find_citations(doc: Document, domains: Lexicon, subject: str) -> tuple[Citation, ...]:
    """Every link and resolved citation in the article, in text order."""
    original = doc.original
    lists = [(heading, _list_after(original, heading.end() + 1)) for heading in _REFERENCE_HEADING.finditer(original)]
    list_lines = Spans([span for _, lines in lists for span in lines])
    anchors, notes, note_lines = _anchor_footnotes(original)
    reference_lines = Spans(_definition_lines(original) + list(list_lines.spans) + note_lines)
    notes_only = Spans(note_lines)
    links: list[tuple[int, int, _Target, str]] = []  # original span of what is cited, target, via
    taken_spans: list[tuple[int, int]] = []
    for m in anchors:
        links.append((m.start(), m.end(), notes[m.group("label")], "citation"))
        taken_spans.append((m.start(), m.end()))
    for m in _MD_LINK.finditer(original):
        if m.start() in notes_only:
            continue  # a link inside a footnote: the marker that points to the note cites it
        if _is_media(original, m):
            taken_spans.append((m.start(), m.end()))
            continue  # an image, not a source: ![logo](...png), or a link straight to a picture
        links.append((m.start("text"), m.end("text"), _Target(m.group("url"), m.group("text")), "link"))
        taken_spans.append((m.start(), m.end()))
    for m in _RELATIVE_LINK.finditer(original) if "](" in original else ():
        if not _MEDIA_PATH.search(m.group("path")) and m.start() not in notes_only:
            links.append((m.start("text"), m.end("text"), _Target("", SITE, "self"), "link"))
    for m in _HTML_ANCHOR.finditer(original) if "<a " in original or "<A " in original else ():
        if m.start() in notes_only or _MEDIA_PATH.search(m.group("url") or ""):
            taken_spans.append((m.start(), m.end()))
            continue
        url = m.group("url") or ""
        target = _Target(url, m.group("text")) if url.startswith("http") else _Target("", SITE, "self")
        links.append((m.start("text"), m.end("text"), target, "link"))
        taken_spans.append((m.start(), m.end()))
    definitions = {m.group("id").lower(): m.group("url") for m in _REF_DEFINITION.finditer(original)}
    for m in _REF_LINK.finditer(original):
        url = definitions.get(m.group("id").lower())
        if url:
            links.append((m.start("text"), m.end("text"), _Target(url, m.group("text")), "link"))
            taken_spans.append((m.start(), m.end()))
    taken = Spans(taken_spans)
    for m in _BARE_URL.finditer(original):
        if m.start() not in taken and m.start() not in reference_lines and not _MEDIA_PATH.search(m.group(0)):
            links.append((m.start(), m.end(), _Target(m.group(0), ""), "link"))
    footnotes = _footnote_targets(original)
    for m in _FOOTNOTE.finditer(original):
        target = footnotes.get(m.group("label"))
        if target is not None and m.start() not in reference_lines:
            links.append((m.start(), m.end(), target, "citation"))
    numbered = _numbered_references(original, list_lines)
    markers = [m for m in _BRACKET_CITATION.finditer(original) if m.start() not in reference_lines]
    if not numbered and len({label for m in markers for label in _labels(m.group("labels"))}) >= UNSEEN_LIST_MARKERS:
        # A paper cut from its reference list ("[5]", "[7-9]" throughout): a reader still sees
        # that each claim cites a source, though not which one.
        numbered = {label: _Target("", f"reference [{label}], its list not in the text", "website") for m in markers for label in _labels(m.group("labels"))}
    for m in markers if numbered else ():
        for label in _labels(m.group("labels")):
            if label in numbered:
                links.append((m.start(), m.end(), numbered[label], "citation"))
    links += _pinpoints(original, links)
    table = domain_table(domains)
    starts = [s.start for s in doc.sentences]
    for heading, lines in lists:
        items = [u.group(0) for start, end in lines for u in _BARE_URL.finditer(original, start, end)]
        # A list of sources shows research, but not which claim rests on which: the list counts
        # once, at its heading, as the kind of source most of its links are.
        kinds = [k for u in items if domain_of(u) and (k := source_type(domain_of(u), table, subject, u)) != STORE]
        if not items:  # a printed reference list: authors and years, no addresses
            items = [original[start:end] for start, end in lines if _PRINTED_REFERENCE.search(original, start, end)]
            kinds = ["research"] * len(items)
        if kinds:
            kind = max(_LIST_KIND_ORDER, key=lambda k: (kinds.count(k), -_LIST_KIND_ORDER.index(k)))
            links.append((heading.start("name"), heading.end("name"), _Target("", f"a list of {len(kinds)} source{'s' if len(kinds) != 1 else ''} ({kind})", kind, len(set(items))), "source list"))
    placed_links = []
    for start, end, target, via in sorted(links, key=lambda item: (item[0], item[1])):
        placed = _in_sentence(doc, starts, start, end)
        if placed is None:
            continue
        sentence, local_start, local_end = placed
        if via == "citation" and not sentence.text[:local_start].strip():
            sentence, local_start, local_end = _to_previous(doc, sentence, local_start, local_end)
        placed_links.append((sentence, local_start, local_end, target, via))
    publisher = _publisher_sites(placed_links, table) | _headline_sites(doc, placed_links, table)
    found = []
    for sentence, local_start, local_end, target, via in placed_links:
        if sentence.kind == "meta":
            continue  # a byline's or a provenance line's link names the publisher, not a source
        if target.kind:
            domain, kind = target.text, target.kind
        elif target.url:
            domain = source_name(target.url, table)
            kind = "self" if _published_by(domain, publisher) else source_type(domain_of(target.url), table, subject, target.url)
        else:
            domain, kind = " ".join(target.text.split()[:6]), "website"
        if not domain or kind == STORE or (kind == "social" and _front_page(target.url)):
            # A malformed address or an empty reference names no source; an app store is where to
            # get a program; a social platform's front page ("[Reddit](https://www.reddit.com)")
            # names the platform, not a post anyone wrote.
            continue
        cited = sentence._mapped.text[sentence._offset + local_start : sentence._offset + local_end]
        found.append(Citation(sentence.index, local_start, local_end, target.url, domain, kind, via, cited, target.items))
    return tuple(found)


def reference_items(doc: Document) -> frozenset[int]:
    """The items of a list under a "References" / "Key Citations" heading that cite a work (a link,
    an address, or authors and a year): titles of the works cited ("5 best moments at the club"),
    not claims of the article. A "Notes" list of plain sentences keeps its claims."""
    items, under = set(), False
    for sentence in doc.sentences:
        if sentence.kind in ("heading", "title"):
            under = _REFERENCE_HEADING.fullmatch(sentence.text.strip()) is not None
        elif sentence.kind == "list_item" and under:
            line_end = doc.original.find("\n", sentence.end)
            raw = doc.original[sentence.start : line_end if line_end >= 0 else len(doc.original)]
            if "](" in raw or "://" in raw or _PRINTED_REFERENCE.search(raw):
                items.add(sentence.index)  # a cited work: a link or an author and a year
        elif sentence.kind != "list_item":
            under = False
    return frozenset(items)


def _publisher_sites(placed_links: list, table: Mapping[str, str]) -> frozenset[str]:
    """The sites a byline, a provenance line or the page's own address links ("by Jane Roe, lead
    at [DigitalGov](...)", "*Originally posted on [the AG2 blog](...)*", "Page address: https://
    www.bbc.co.uk/news/..."): the publisher's own, so a link to them in the article is the
    publication citing itself. A platform anyone posts on (social, hosting) is nobody's own site
    by its domain alone."""
    sites = set()
    for sentence, _, _, target, _ in placed_links:
        if sentence.kind == "meta" and target.url and not target.kind:
            if listed_kind(domain_of(target.url), table) not in _PLATFORMS:
                sites.add(source_name(target.url, table))
    return frozenset(sites)


def _headline_sites(doc: Document, placed_links: list, table: Mapping[str, str]) -> frozenset[str]:
    """The linked sites the headline names: the article's subject, so its pages are the subject
    speaking about itself. An unlisted site anywhere in the headline ("... of Let's Encrypt"); a
    listed official site only written out as its domain and not as the headline's source
    ("Cloud.gov: A Different Kind of Cloud", "Government launches login.gov"; not "Tesla recalls
    2 million cars, nhtsa.gov says"); an outlet or a journal never (a headline names them as its
    source: "Reuters investigation finds ...")."""
    if not doc.sentences or doc.sentences[0].kind not in ("title", "heading"):
        return frozenset()  # no headline: the first sentence of the body is not one
    headline = _BARE_URL.sub(" ", doc.sentences[0].text).lower()
    names = _headline_names(headline, doc.lower_words)
    sites = set()
    for _, _, _, target, _ in placed_links:
        if not target.url or target.kind or "." not in (name := source_name(target.url, table)):
            continue
        kind = listed_kind(domain_of(target.url), table)
        if kind in _PLATFORMS or kind in ("outlet", "research") or (kind or "").startswith("owned_by"):
            continue  # an outlet or a journal a headline names is its source ("..., Reuters finds")
        if kind is not None:  # an official site: written out in the headline, and not as its source
            at = headline.find(name)
            if at >= 0 and not _AS_SOURCE.search(" ".join(headline[max(0, at - 16) : at + len(name) + 24].replace(name, " X ").split())):
                sites.add(name)  # "Cloud.gov: A Different Kind of Cloud", "Government launches login.gov"
        elif name in headline or _site_label(name) in names:
            sites.add(name)
    return frozenset(sites)


# A name in a headline as its source, not its subject: "..., NHTSA says", "according to NHTSA".
_AS_SOURCE = re.compile(r"according to X\b| X (?:says|said|finds|found|reports|reported|warns|shows|data)\b")


def _headline_names(headline: str, lower_words) -> frozenset[str]:
    """The names a headline holds, written as a domain writes them: a run of two or three words
    run together ("Let's Encrypt" -> "letsencrypt"), or one word the article never writes in
    lower case (not "nature" in "The Nature of AI", which the text uses as a word)."""
    words = ["".join(ch for ch in w if ch.isalnum()) for w in headline.split()]
    words = [w for w in words if w]
    runs = {"".join(words[i : i + n]) for n in (2, 3) for i in range(len(words) - n + 1)}
    return frozenset(runs | {w for w in words if len(w) >= 4 and not lower_words[w]})


def _site_label(domain: str) -> str:
    """A domain's own name: "letsencrypt" of "letsencrypt.org", "bbc" of "bbc.co.uk"."""
    labels = domain.split(".")
    if len(labels) >= 3 and len(labels[-2]) <= 3:  # bbc.co.uk, abc.net.au
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else domain


def _published_by(domain: str, publisher: frozenset[str]) -> bool:
    """A domain is the publisher's when it is one of its sites or a part of one ("news.bbc.co.uk"
    of "bbc.co.uk", "bbc.co.uk" of "www.bbc.co.uk" written as "bbc.co.uk")."""
    return any(domain == site or domain.endswith("." + site) or site.endswith("." + domain) for site in publisher)


def _is_media(original: str, m: re.Match[str]) -> bool:
    """A Markdown image (``![alt](url)``) or a link whose target is a media file."""
    return (m.start() > 0 and original[m.start() - 1] == "!") or bool(_MEDIA_PATH.search(m.group("url")))


def domain_of(url: str) -> str:
    """The host of a URL without "www."; "" when the URL has none, is malformed, or is the
    reader's own machine ("http://localhost:8457" in a tutorial names no source)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # "https://[not-an-ipv6" and the like, as pages do contain
        return ""
    if _LOCAL_HOST.match(host):
        return ""
    return host[4:] if host.startswith("www.") else host


def domain_table(domains: Lexicon) -> Mapping[str, str]:
    """Domain (or ".suffix") -> type, from the lexicon's entries (made once per lexicon: both the
    citations and the subject company read it for every article)."""
    return _domain_table(domains.entries)


@lru_cache(maxsize=8)
def _domain_table(entries: tuple) -> Mapping[str, str]:
    return MappingProxyType({e.term: e.note for e in entries})


def source_type(domain: str, table: Mapping[str, str], subject: str, url: str = "") -> str:
    """The kind of source a domain is: the subject company's own site (a domain label starting with its
    name) is self; then the domain
    or its nearest listed parent ("news.bbc.co.uk" -> "bbc.co.uk") or suffix (".gov"); any other
    site is a website. On a code-hosting platform the first part of the path is the owner:
    github.com/ag2ai/... is AG2's own page in an article about AG2, a website otherwise."""
    if subject and any(label.startswith(subject) for label in domain.split(".")[:-1]):  # alibaba.com, alibabacloud.com
        return "self"
    kind = listed_kind(domain, table)
    if kind is None:
        return "website"
    if kind.startswith("owned_by "):
        return "self" if subject == kind.split(" ", 1)[1] else "outlet"
    if kind == "hosting":
        return "self" if subject and _owner(url).startswith(subject) else "website"
    return kind


def listed_kind(domain: str, table: Mapping[str, str]) -> str | None:
    """The table's note for a domain or its nearest listed parent ("news.bbc.co.uk" -> "bbc.co.uk")
    or suffix (".gov"); None when it is not listed."""
    labels = domain.split(".")
    for k in range(len(labels)):
        parent = ".".join(labels[k:])
        kind = table.get(parent) or table.get("." + parent)
        if kind is not None:
            return kind
    return None


def source_name(url: str, table: Mapping[str, str]) -> str:
    """How a linked source is named: its domain, and on a code-hosting platform the account too
    ("github.com/ag2ai"), since every account there is a different source."""
    domain = domain_of(url)
    owner = _owner(url) if table.get(domain) == "hosting" else ""
    return f"{domain}/{owner}" if owner else domain


# A pinpoint reference to a page or slide of a document the article has linked: "(Slide 117)",
# "(Slides 46-56)", "(p. 12)", "(pp. 3-5)", "In slide 53, Meeker says".
_PINPOINT = re.compile(r"\((?:[Ss]lides?|[Pp]ages?|pp?\.)\s?\d{1,4}(?:\s?[-–]\s?\d{1,4})?\)|\b[Ii]n slides? \d{1,4}\b")


_DOCUMENT = re.compile(r"(?i)\b(?:report|slides?|slide deck|deck|paper|study|survey|presentation|white ?paper)\b|\.pdf\b")


def _pinpoints(original: str, links: list[tuple[int, int, _Target, str]]) -> list[tuple[int, int, _Target, str]]:
    """Each pinpoint cites the document linked nearest before it (a report the article walks
    through slide by slide: a link whose text or address says report, slides, paper, study,
    deck or .pdf); with no such link before it, it cites nothing a reader can tell."""
    pinpoints = list(_PINPOINT.finditer(original))
    if not pinpoints:
        return []
    linked = sorted(
        ((start, target) for start, _, target, _ in links if target.url.startswith("http") and _DOCUMENT.search(target.text + " " + target.url)),
        key=lambda item: item[0],  # targets are not ordered: two links may start at one place
    )
    positions = [start for start, _ in linked]
    found = []
    for m in pinpoints:
        k = bisect_right(positions, m.start()) - 1
        if k >= 0:
            target = linked[k][1]
            found.append((m.start(), m.end(), _Target(target.url, target.text), "citation"))
    return found


def _front_page(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.path in ("", "/") and not parts.query


def _owner(url: str) -> str:
    """The first segment of a URL's path, lower-cased: the account on a hosting platform."""
    try:
        return urlsplit(url).path.strip("/").split("/", 1)[0].lower()
    except ValueError:
        return ""


def _target_of(note: str) -> _Target:
    """Where a footnote, a numbered reference or a page's note points: its first address, if any,
    and its words."""
    text = note.strip()
    url = _BARE_URL.search(text)
    return _Target(url.group(0) if url else "", _strip_markup(text))


def _footnote_targets(original: str) -> dict[str, _Target]:
    targets = {}
    for m in _FOOTNOTE_DEFINITION.finditer(original):
        targets[m.group("label")] = _target_of(m.group("text"))
    return targets


def _anchor_footnotes(original: str) -> tuple[list[re.Match[str]], dict[str, _Target], list[tuple[int, int]]]:
    """Footnote markers as a web page renders them after extraction to Markdown (a number linked
    to an anchor on the same page: "1.2 million chips.[1](#fn1)", "<sup>[2](#fn2)</sup>"), the notes they point to (the numbered items "1. ..."
    or "[1] ..." of the page's footnote list) and the lines of those notes. A marker whose
    number has no note is left alone."""
    if "](#" not in original:
        return [], {}, []
    found = list(MD_FOOTNOTE_LINK.finditer(original))
    labels = {m.group("label") for m in found}
    notes: dict[str, _Target] = {}
    lines: list[tuple[int, int]] = []
    for m in _REFERENCE_ITEM.finditer(original) if labels else ():
        label = m.group("bracket") or m.group("number")
        if label in labels and label not in notes:
            notes[label] = _target_of(m.group("text"))
            lines.append((m.start(), m.end()))
    return [m for m in found if m.group("label") in notes], notes, lines


def _numbered_references(original: str, in_lists: "Spans") -> dict[str, _Target]:
    """``[n] ...`` lines anywhere, and ``n. ...`` items of a reference list."""
    targets = {}
    for m in _REFERENCE_ITEM.finditer(original):
        label = m.group("bracket") or m.group("number")
        if m.group("number") and m.start() not in in_lists:
            continue
        targets.setdefault(label, _target_of(m.group("text")))
    return targets


def _definition_lines(original: str) -> list[tuple[int, int]]:
    """Lines that say where markers point (footnote and link definitions, "[n] ..." entries):
    like the items of a reference list, they cite nothing themselves."""
    spans = [(m.start(), m.end()) for m in _FOOTNOTE_DEFINITION.finditer(original)]
    spans += [(m.start(), m.end()) for m in _REF_DEFINITION.finditer(original)]
    return spans + [(m.start(), m.end()) for m in _REFERENCE_ITEM.finditer(original) if m.group("bracket")]


def _list_after(original: str, position: int) -> list[tuple[int, int]]:
    """The list lines from ``position`` on, blank lines between them allowed."""
    spans = []
    while position < len(original):
        end = original.find("\n", position)
        end = len(original) if end < 0 else end
        line = original[position:end]
        if line.strip() and not _LIST_LINE.match(line):
            break
        if line.strip():
            spans.append((position, end))
        position = end + 1
    return spans


def _labels(group: str) -> list[str]:
    """"1, 3-5" -> ["1", "3", "4", "5"] (a range spans at most 20 numbers)."""
    labels: list[str] = []
    for part in re.split(r"\s*,\s*", group):
        bounds = re.split(r"\s*[–-]\s*", part)
        if len(bounds) == 2 and all(b.isdigit() for b in bounds) and 0 < int(bounds[1]) - int(bounds[0]) <= 20:
            labels += [str(n) for n in range(int(bounds[0]), int(bounds[1]) + 1)]
        elif len(bounds) == 1 and part.isdigit():
            labels.append(str(int(part)))
    return labels


def _strip_markup(text: str) -> str:
    return " ".join(_MD_LINK.sub(lambda m: m.group("text"), text).replace("*", "").split())


class Spans:
    """Character spans, for asking whether an offset falls in one: a bisect, not a scan, so a
    page of thousands of links and list lines stays linear."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = tuple(sorted(spans))
        self._starts = [start for start, _ in self.spans]
        ends, furthest = [], -1
        for _, end in self.spans:  # spans may nest or overlap: keep the furthest end so far
            furthest = max(furthest, end)
            ends.append(furthest)
        self._reach = ends

    def __contains__(self, offset: int) -> bool:
        k = bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self._reach[k]


def _in_sentence(doc: Document, starts: list[int], start: int, end: int) -> tuple[Sentence, int, int] | None:
    """The sentence holding original ``[start, end)``, and the span in its cleaned text."""
    k = bisect_right(starts, start) - 1
    if k < 0 or start >= doc.sentences[k].end:
        return None  # in removed page chrome or between sentences
    sentence = doc.sentences[k]
    first = _local(sentence, start, forward=True)
    last = _local(sentence, min(end, sentence.end) - 1, forward=False)
    if first is None or last is None or last < first:
        return None
    return sentence, first, last + 1


def _to_previous(doc: Document, sentence: Sentence, start: int, end: int) -> tuple[Sentence, int, int]:
    """A marker that opens a sentence ("...by 2027.[^1] Posts on X") closes the one before it in
    the same paragraph: the splitter cut after the full stop. Offsets become the previous
    sentence's (past its end, in the same block text, which is what spans are mapped through)."""
    if sentence.index == 0:
        return sentence, start, end
    previous = doc.sentences[sentence.index - 1]
    if previous.block != sentence.block:
        return sentence, start, end
    shift = sentence._offset - previous._offset
    return previous, start + shift, end + shift


def _local(sentence: Sentence, orig: int, forward: bool, reach: int = 64) -> int | None:
    """The sentence-text index of original offset ``orig``, or of the nearest kept character
    within ``reach`` (cleaning deletes link brackets and the odd invisible character)."""
    step = 1 if forward else -1
    for _ in range(reach):
        index = sentence._mapped.from_original(orig)
        if index is not None:
            local = index - sentence._offset
            return local if 0 <= local <= len(sentence.text) else None
        orig += step
    return None
