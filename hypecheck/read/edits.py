"""Text that remembers where it came from.

Cleaning deletes page chrome and inserts the odd space ("AgentAnders" -> "Agent Anders"), but
evidence must be shown in the *original* article. A :class:`MappedText` is the cleaned string
plus a piecewise map back to original character offsets, built from a list of edits.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, NamedTuple


class Edit(NamedTuple):
    """Replace ``original[start:end]`` with ``replacement`` (offsets into the original)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class MappedText:
    """A cleaned string and, for each run of it, the original offset it starts at.

    ``runs`` holds ``(clean_start, orig_start, copied)`` triples sorted by ``clean_start``;
    a copied run maps character by character, an inserted run maps every character to the
    original position where it was inserted.
    """

    text: str
    runs: tuple[tuple[int, int, bool], ...]
    orig_end: int
    starts: tuple[int, ...]

    def to_original(self, clean_index: int) -> int:
        """Original offset of the character at ``clean_index`` (or of the end, at len)."""
        if clean_index >= len(self.text):
            return self.orig_end
        i = bisect_right(self.starts, clean_index) - 1
        clean_start, orig_start, copied = self.runs[i]
        return orig_start + (clean_index - clean_start) if copied else orig_start

    def from_original(self, orig_index: int) -> int | None:
        """The clean index of the character at original offset ``orig_index``, or None when
        that character was deleted (or lies outside this text)."""
        copied = self._copied
        k = bisect_right(copied, (orig_index, len(self.text) + 1)) - 1
        if k < 0:
            return None
        orig_start, clean_start, length = copied[k]
        return clean_start + (orig_index - orig_start) if orig_index < orig_start + length else None

    @cached_property
    def _copied(self) -> list[tuple[int, int, int]]:
        """(orig_start, clean_start, length) of every copied run, in original order."""
        ends = [*self.starts[1:], len(self.text)]
        return [(orig, clean, end - clean) for (clean, orig, copied), end in zip(self.runs, ends) if copied]

    def edits(self) -> tuple[tuple[int, int, str], ...]:
        """What cleaning changed, as ``(start, end, replacement)`` spans of the original: each
        deletion (replacement "") or replacement between two copied runs, or after the last."""
        out: list[tuple[int, int, str]] = []
        ends = [*self.starts[1:], len(self.text)]
        cursor: int | None = None  # where the last copied run ended in the original
        pending: tuple[int, str] | None = None  # an inserted run waiting for the next copied one
        for (clean, orig, copied), end in zip(self.runs, ends):
            if not copied:
                pending = (pending[0], pending[1] + self.text[clean:end]) if pending else (orig, self.text[clean:end])
                continue
            if pending is not None:
                out.append((pending[0], orig, pending[1]))
            elif cursor is not None and orig > cursor:
                out.append((cursor, orig, ""))
            pending, cursor = None, orig + (end - clean)
        if pending is not None:
            out.append((pending[0], self.orig_end, pending[1]))
        elif cursor is not None and cursor < self.orig_end:
            out.append((cursor, self.orig_end, ""))
        return tuple(out)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open clean span to the smallest original span that covers it."""
        if end <= start:
            point = self.to_original(start)
            return point, point
        return self.to_original(start), self.to_original(end - 1) + 1


def apply_edits(original: str, start: int, end: int, edits: Iterable[Edit]) -> MappedText:
    """Cut ``original[start:end]`` and apply non-overlapping ``edits`` inside it.

    Overlapping edits are a programming error; they are dropped (the first one wins) so a
    cleaning rule can never corrupt the offsets.
    """
    pieces: list[str] = []
    runs: list[tuple[int, int, bool]] = []
    clean_len = 0
    cursor = start

    def emit(text: str, orig: int, copied: bool) -> None:
        nonlocal clean_len
        if text:
            runs.append((clean_len, orig, copied))
            pieces.append(text)
            clean_len += len(text)

    for edit in sorted(set(edits)):  # the same edit proposed twice is applied once
        if edit.start < cursor or edit.end > end:
            continue
        emit(original[cursor:edit.start], cursor, True)
        emit(edit.replacement, edit.start, False)
        cursor = edit.end
    emit(original[cursor:end], cursor, True)
    text = "".join(pieces)
    if not runs:
        runs.append((0, start, False))
    return MappedText(text, tuple(runs), end, tuple(run[0] for run in runs))
