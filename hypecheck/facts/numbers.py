"""Numeric claims in a sentence: money, percentages, magnitudes, multipliers and counts.

Dates, years, clock times, version numbers and product names ("Qwen3.7-Max", "HappyHorse 1.1",
"4-bit") are not claims and are skipped. Every pattern is linear: no nested quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# A number starts where no digit, comma or point stands before it: inside a run of 100,000
# digits the pattern is tried once, not at every position (which would be quadratic).
# Thousands are grouped by commas ("2,000"), or by spaces and thin spaces ("2 000", as wire and
# international style writes them; the group must be followed by no further digit).
_NUM = (
    r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.]?\d)|\d+(?:\.\d+)?)"
)
_LEADING_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.]?\d)|[\d,.]+\+?")
_SCALE = r"trillion|billion|million|thousand|bn|tn|mn"
_NUMBER_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}"
_TIME_UNITS = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
    "minute", "minutes", "min", "second", "seconds", "am", "pm", "a.m", "p.m", "st", "nd", "rd", "th",
}
_MONTHS = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
    "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec",
    "december", "q1", "q2", "q3", "q4", "h1", "h2", "fy",
}
_CLAIM = re.compile(
    rf"(?P<money>(?:(?:US|HK|S|A|C|NZ)\$|[$€£¥₹]|\b(?:RMB|USD|EUR|CNY)\s?)\s?(?:{_NUM})(?:\s?(?:{_SCALE}|[TBMKmbk])\b)?\+?"
    rf"|(?:{_NUM})\s(?:{_SCALE})\s(?:yuan|dollars|euros|pounds|rupees|won|yen|ringgit|renminbi)\b)"
    rf"|(?P<percent>(?:{_NUM})(?:\s?[-–]\s?(?:{_NUM}))?\s?(?:%|percent\b|per cent\b|percentage points?\b))"
    rf"|(?P<multiplier>(?:{_NUM})\s?[x×](?![\w])|(?:{_NUM})\stimes\b|\b(?:two|three|four|five|ten|\d{{1,3}})-?fold\b)"
    rf"|(?P<magnitude>(?:{_NUM})\s?(?:{_SCALE})\b\+?|(?:{_NUM})[MBK]\+?(?![A-Za-z0-9])|\b(?:a|one)\s(?:trillion|billion|million)\b)"
    rf"|(?P<phrase>\b(?i:double|triple|quadruple)[- ]digit\b|\b(?:{_NUMBER_WORDS})\sconsecutive\s[a-z]+)"
    rf"|(?P<count>(?:{_NUM})\+?(?:(?:\s[a-z][a-z-]*){{1,3}}|\s[A-Z][\w'’-]*(?:\s[A-Za-z][\w'’-]*){{0,3}}))"
)

# A bare count where the verb says it is a level or a toll: "the death toll stood at 207", "rose
# to 1,200", "a total of 48", "killing 107 and wounding 238". The number is the claim; the cue before it is not part of its span.
_LEVEL = re.compile(
    rf"\b(?:stood|rose|fell|climbed|jumped|dropped|grew|increased|decreased|declined|surged|soared|"
    rf"totall?ed|reached|hit|numbered|kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|evacuat(?:ed|ing)|arrest(?:ed|ing))(?:\s+(?:at|to))?\s+(?P<n>{_NUM})(?![\d%]|\s?(?:{_SCALE}|per|[xX×])\b)"
    rf"|\b(?:a total|toll|tally|count) of\s+(?P<n2>{_NUM})(?![\d%]|\s?(?:{_SCALE}|per)\b)"
)
# The words a count does not run into ("40 as", "0.83 for", "300 and", "1,703 reached").
_NOT_A_NOUN = frozenset(
    "a an and as at by for from in into of on or than that the to with within without while when where "
    "which who is are was were be been has have had will would can could may might reached rose fell "
    "this these those it its they their them he his she her we our you your my each every but so if not "
    "means seems says shows gives makes needs remains becomes seem seemed look looked feel felt become became "
    "remain remained get got go went come came see saw".split()
)

# Every match of _CLAIM holds a digit (\d, as _CLAIM means it: any Unicode decimal digit) or one
# of the literal words its few digit-free branches need ("two-fold", "triple-digit", "nine
# consecutive quarters", "a billion"), spelt as those branches spell them. Most sentences have
# neither; for them this one quick scan replaces _CLAIM's try at every position.
_MAY_CLAIM = re.compile(r"\d|fold|digit|consecutive|illion")
# The most characters a match of _CLAIM holds before the first place _MAY_CLAIM finds in it:
# "quadruple-" before "digit" (10); "RMB  " before money's digits is 5, "three-" before "fold"
# and "one tr" before "illion" 6, "twelve " before "consecutive" 7; every other branch starts
# with its digits.
_MAX_LEAD = 10


@dataclass(frozen=True)
class NumberMention:
    start: int  # offsets into the sentence's cleaned text
    end: int
    text: str
    kind: str  # money | percent | multiplier | magnitude | phrase | count


def find_numbers(text: str) -> list[NumberMention]:
    """Numeric claims in ``text`` (one sentence), left to right, non-overlapping."""
    if _MAY_CLAIM.search(text) is None:  # _LEVEL's matches hold a digit too
        return []
    found = []
    for m in _claims(text):
        kind = m.lastgroup or "count"
        end = _count_end(m) if kind == "count" else m.end()
        if end is None or _is_not_a_claim(text, m.start(), end, kind):
            continue
        found.append(NumberMention(m.start(), end, text[m.start() : end], kind))
    for m in _LEVEL.finditer(text):
        group = "n" if m.group("n") else "n2"
        start, end = m.start(group), m.end(group)
        if any(f.start < end and start < f.end for f in found) or _is_not_a_claim(text, start, end, "count"):
            continue
        found.append(NumberMention(start, end, text[start:end], "count"))
    return sorted(found, key=lambda f: f.start) if len(found) > 1 else found


def _claims(text: str) -> Iterator[re.Match[str]]:
    """``_CLAIM.finditer(text)``, match for match, with the pattern tried only near the places
    that may hold a claim. _CLAIM tries all its branches at every position of a sentence; most
    positions are far from any digit or keyword. No match starts more than _MAX_LEAD characters
    before the first place _MAY_CLAIM finds in it, so the leftmost match from ``pos`` is the
    leftmost match from _MAX_LEAD before the next such place (searched in the whole text, so the
    lookbehinds and word boundaries see what finditer sees)."""
    pos = 0
    while (cue := _MAY_CLAIM.search(text, pos)) is not None:
        match = _CLAIM.search(text, max(pos, cue.start() - _MAX_LEAD))
        if match is None:
            return
        yield match
        pos = match.end()  # every branch consumes a character: no empty match


def _count_end(m: re.Match[str]) -> int | None:
    """A count runs to its noun: "91 facilities", "3 new data centers", "5,000+ regional
    businesses". Without a plural among the next three words, only the first word is kept, and
    not even that when it is a function word or a verb ("40 as", "300 and", "1,703 reached").
    Before a name, it runs through the name to the plural that ends it ("4 European Golden
    Shoes"), and is no count without one ("5 Main Street", "Room 101 Annex")."""
    number = _LEADING_NUMBER.match(m.group(0)).group(0)
    if m.group(0)[len(number) : len(number) + 2].strip()[:1].isupper():
        return capitalised_count_end(m.string, m.start() + len(number))
    words = m.group(0)[len(number) :].split()
    end = m.start() + len(number)
    for word in words:
        if word in _NOT_A_NOUN:
            break
        end += 1 + len(word)
        if word.endswith("s") and not word.endswith("ss"):
            return end
    if words[0] in _NOT_A_NOUN:
        return m.start() + len(number)
    return m.start() + len(number) + 1 + len(words[0])


_NAME_RUN = re.compile(r"\s[A-Z][\w'’-]*(?:\s[A-Za-z][\w'’-]*){0,3}")
_RUN_WORD = re.compile(r"\S+")
IRREGULAR_PLURALS = frozenset("people men women children police staff personnel troops cattle sheep fish deer".split())


def capitalised_count_end(text: str, pos: int) -> int | None:
    """Where a count ends when a capitalised word follows its number at ``pos``: at the last plural
    of the next four words, before any function word ("four Champions League titles", "3 Club
    World Cups", "300 Apple employees"); None without one ("5 Main Street", "2 Kings")."""
    run = _NAME_RUN.match(text, pos)
    if run is None:
        return None
    end = None
    for word in _RUN_WORD.finditer(text, pos, run.end()):
        w = word.group(0)
        if w in _NOT_A_NOUN:
            break
        if plural(w.lower()):
            end = word.end()
    return end


def plural(word: str) -> bool:
    """A plural noun, by its ending or as one of the common irregular plurals (lower case)."""
    return word in IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")))


# The checks of _is_not_a_claim, compiled once (a figure runs up to a dozen of them).
_NON_DIGITS = re.compile(r"\D*")
_WORD_CHAR = re.compile(r"[A-Za-z_]")
_SPEC_SUFFIX = re.compile(r"-(?:bit|inch|core|nm|[A-Z])")
_VERSION_OR_CLOCK = re.compile(r"[.:]\d")
_FRACTION_BEFORE = re.compile(r"\d/$")
_FRACTION_AFTER = re.compile(r"/\d")
_RANGE_AFTER = re.compile(r"[-–]\d")
_RANGE_BEFORE = re.compile(r"\d[-–]$")
_DIGIT_SPACE_END = re.compile(r"\d\s$")
_LEADING_ZERO = re.compile(r"0\d")
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'’.]*)\s*$")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def _is_not_a_claim(text: str, start: int, end: int, kind: str) -> bool:
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]
    digits_start = start if kind != "money" else start + len(_NON_DIGITS.match(text[start:end]).group(0))
    # Glued to letters or dots: versions and product names ("Qwen3.7", "v4", "L2", "TV18").
    if digits_start > 0 and (text[digits_start - 1].isalpha() or text[digits_start - 1] in "._"):
        return True
    if _WORD_CHAR.match(after) and kind in ("count",):
        return True
    # "4-bit", "2.5-Max", "3-inch": specifications and version suffixes.
    if _SPEC_SUFFIX.match(after):
        return True
    if _VERSION_OR_CLOCK.match(after):
        return True  # part of a version or a clock time
    if _FRACTION_BEFORE.search(before) or _FRACTION_AFTER.match(after) or (kind not in ("money", "percent") and (before.endswith("/") or after.startswith("/"))):
        return True  # a fraction or a date written 1/3 ("$200/month" is a price)
    if kind == "count" and (_RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before)):
        return True  # a score or a range of bare numbers ("voted 7-2")
    if kind == "count" and (before.endswith("-") or _DIGIT_SPACE_END.search(before)):
        return True  # "Covid-19", or the middle of a phone number "020 7946 0958"
    if kind == "count" and _LEADING_ZERO.match(text[start:end]):
        return True  # a leading zero: a code or a phone number, not a quantity
    previous_word = _PREVIOUS_WORD.search(before)
    prev = previous_word.group(1).lower().rstrip(".") if previous_word else ""
    if prev in _MONTHS:
        return True
    if kind == "count":
        number = _LEADING_NUMBER.match(text[start:end]).group(0)
        noun = text[start + len(number) : end].split()
        if noun and noun[-1] in _TIME_UNITS:
            return True
        plain = number.rstrip("+")
        if _YEAR.fullmatch(plain):
            return True  # a year
        # "HappyHorse 1.1", "iPhone 15", "BA 117", "Room 101": a number right after a name; at the
        # start of a sentence only a bare decimal ("Go 1.5 is", "Python 3.11 adds"), since
        # "Nearly 300 people" starts with a capital too.
        if previous_word and any(ch.isupper() for ch in previous_word.group(1)) and "," not in plain:
            if not _sentence_start(text, previous_word.start(1) + max(0, start - 12)) or ("." in plain and not noun):
                return True
    return False


def _sentence_start(text: str, index: int) -> bool:
    """At the start of the sentence, or of a table cell ("| Goals | Scored 451 goals")."""
    before = text[:index].rstrip()
    return not before or before.endswith("|")
