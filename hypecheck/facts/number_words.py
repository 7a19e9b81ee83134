"""Counts written in words: "eight agents", "two run modes", "forty-five people", "six hundred men",
and orders of magnitude: "millions of pilgrims", "tens of thousands of people".

Style guides spell small numbers out, so a count a reader could check ("The team built eight
agents") is as often in words as in digits. A number word counts as a claim only when it counts
something: it is followed, within two words, by a plural noun ("eight agents", "two new run
modes", "twelve people"). It is no claim after a determiner that points back ("the two companies",
"these three"), in an approximation ("two or three", "a couple"), for time ("two years", "three
days") or as "one" (an article, a pronoun: "one of the", "no one").
"""

from __future__ import annotations

import re

from hypecheck.facts.numbers import NumberMention, capitalised_count_end, plural

_UNITS = "two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_CARDINAL = rf"(?:(?:{_TENS})(?:-(?:one|{_UNITS}))?|{_TEENS}|{_UNITS})(?:\s+(?:hundred|thousand))?"
# The number word, then up to one modifier, then the counted noun.
_COUNT_WORDS = re.compile(
    rf"(?<![\w'’-])(?P<number>{_CARDINAL})(?:\s+(?P<modifier>[a-z][a-z-]*))?\s+(?P<noun>[a-z][a-z'’-]*)(?![\w'’-])",
    re.IGNORECASE,
)
_MAY_HAVE = re.compile(rf"(?<![\w'’-])(?:{_TENS}|{_TEENS}|{_UNITS})(?![\w'’])", re.IGNORECASE)
_TIME = frozenset(
    "years months weeks days hours minutes seconds decades centuries nights mornings evenings weekends "
    "times o'clock ago".split()
)
_POINTING_BACK = frozenset("the these those its their his her our my your all both first last next every other another".split())
_NOT_NOUNS = frozenset(
    "and or to of in on at by for from with as than that which who is are was were be been has have had "
    "will would can could may might do does did more less".split()
)


# An order of magnitude in words: "millions of pilgrims", "tens of thousands of people",
# "hundreds of thousands of jobs". ("Dozens of" and "hundreds of" alone are a manner of speaking.)
_MAGNITUDE = re.compile(
    r"(?<![\w'’-])(?:(?:tens|hundreds) of )?(?:thousands|millions|billions) of (?P<first>[a-z][a-z'’-]*)(?: (?P<second>[a-z][a-z'’-]*))?(?![\w'’-])",
    re.IGNORECASE,
)


# Every word the patterns above need: a sentence whose words hold none of them has no count in words.
WORDS = frozenset(f"{_UNITS}|{_TEENS}|{_TENS}|thousands|millions|billions".split("|"))


def find_number_words(text: str) -> list[NumberMention]:
    """Counts written in words in ``text`` (one sentence), left to right."""
    found = []
    for m in _MAGNITUDE.finditer(text) if "illions of" in text or "housands of" in text else ():
        noun = next((g for g in ("first", "second") if m.group(g) and plural(m.group(g).lower())), None)
        if noun is not None and m.group(noun).lower() not in _TIME:
            found.append(NumberMention(m.start(), m.end(noun), text[m.start() : m.end(noun)], "magnitude"))
    if _MAY_HAVE.search(text) is None:
        return found
    for m in _COUNT_WORDS.finditer(text):
        if text[m.end("number") + 1 : m.end("number") + 2].isupper():  # "three Club World Cups"
            end = capitalised_count_end(text, m.end("number"))
        else:
            noun = _counted_noun(m)
            end = m.end(noun) if noun is not None else None
        if end is None or _points_back(text, m.start()) or _approximate(text, m):
            continue
        found.append(NumberMention(m.start(), end, text[m.start() : end], "count"))
    return sorted(found, key=lambda f: f.start)


def _counted_noun(m: re.Match[str]) -> str | None:
    """Which group holds the counted noun ("modifier" when it directly follows the number)."""
    for group in ("modifier", "noun"):
        word = (m.group(group) or "").lower()
        if not word:
            continue
        if word in _NOT_NOUNS or word in _TIME:
            return None
        if plural(word):
            return group
    return None




def _points_back(text: str, start: int) -> bool:
    previous = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 20) : start])
    return previous is not None and previous.group(1).lower() in _POINTING_BACK


def _approximate(text: str, m: re.Match[str]) -> bool:
    """"two or three", "one or two people": a guess, not a figure."""
    before = text[max(0, m.start() - 8) : m.start()].lower()
    return before.rstrip().endswith(" or") or before.rstrip() == "or" or m.group("modifier") in ("or", "to")
