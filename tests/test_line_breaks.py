"""Every Unicode line break separates paragraphs as ``\\n`` does (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotes
from quotes.text.linebreaks import LINE_BREAKS, unify_line_breaks

FAST = quotes.Extractor(backend="fast")
SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

#: Made-up pieces of news: quotes with and without speakers, reports, claims, headlines.
FRAGMENTS = [
    '"We will not stop," Anna Kowalski said.',
    "“The talks went well,” the minister told reporters on Tuesday.",
    "She said the plan would cost more than expected.",
    "According to the city council, the bridge will reopen in May.",
    "Mayor Tom Brennan said the budget was balanced.",
    "He added: “Nobody expected this.”",
    '"It is too early," he said. "We need more time."',
    "The company declined to comment.",
    "Officials said the road was closed after the storm.",
    "“We are ready,” she said,",
    "“for whatever comes next.”",
    "Storm Closes Harbour",
    "Rain fell all day.",
    "'Enough,' said Maria Lopez, a nurse in Porto.",
]

paragraph = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map(" ".join)
article = st.lists(paragraph, min_size=1, max_size=6)
gap = st.sampled_from(["\n", "\n\n"])


def _found(text: str) -> list[tuple[str, str, str | None, int, int]]:
    out = []
    for q in FAST.extract(text):
        assert text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.mention
        out.append((q.text, q.kind.value, q.speaker.name if q.speaker else None, q.start, q.end))
    return out


@settings(max_examples=60, deadline=None)
@given(article, gap, st.sampled_from(list(LINE_BREAKS)))
def test_any_line_break_gives_the_same_quotes(paragraphs, sep, brk):
    text = sep.join(paragraphs)
    expected = _found(text)
    assert _found(text.replace("\n", brk)) == [  # same length: the same offsets
        (t.replace("\n", brk), kind, speaker, a, b) for t, kind, speaker, a, b in expected
    ]


@settings(max_examples=40, deadline=None)
@given(article, gap)
def test_crlf_gives_the_same_quotes_at_mapped_offsets(paragraphs, sep):
    text = sep.join(paragraphs)
    crlf = text.replace("\n", "\r\n")

    def mapped(offset: int) -> int:  # each "\n" before the offset grew by one character
        return offset + text.count("\n", 0, offset)

    expected = [
        (t.replace("\n", "\r\n"), kind, speaker, mapped(a), mapped(b))
        for t, kind, speaker, a, b in _found(text)
    ]
    assert _found(crlf) == expected


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\u2028"])
def test_seeds_give_the_same_quotes_with_other_line_ends(brk):
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        plain = [(t, kind, speaker) for t, kind, speaker, _a, _b in _found(text)]
        found = _found(text.replace("\n", brk))
        other = [(t.replace(brk, "\n"), kind, speaker) for t, kind, speaker, _a, _b in found]
        assert other == plain, path.name


@given(st.text())
def test_unify_line_breaks_keeps_length_and_the_lines(text):
    out = unify_line_breaks(text)
    assert len(out) == len(text)
    assert not any(ch in out for ch in LINE_BREAKS)
    # The same lines as str.splitlines reads; a "\r\n" line keeps a space for its "\r".
    assert [ln.rstrip(" ") for ln in out.splitlines()] == [ln.rstrip(" ") for ln in text.splitlines()]


def test_the_tagger_reads_other_line_ends_alike():
    tagger = quotes.Extractor(backend="fast", tagger=True)
    text = "\n\n".join(" ".join(FRAGMENTS[k:k + 3]) for k in range(0, len(FRAGMENTS), 3))

    def found(t: str, brk: str) -> list[tuple[str, str, int, int]]:
        return [(q.text.replace(brk, "\n"), q.kind.value, q.start, q.end) for q in tagger.extract(t)]

    expected = found(text, "\n")
    assert expected
    for brk in ("\r", "\u2028", "\x85"):
        assert found(text.replace("\n", brk), brk) == expected


@pytest.mark.parametrize("brk", sorted(set(LINE_BREAKS) | {"\n"}))
def test_short_paragraphs_with_any_line_break_are_no_binary_file(brk):
    # Ten one-line paragraphs: the breaks are over 5 % of the text, which the binary check
    # must not count as control characters (hypothesis found it with "\x1c").
    text = (brk * 2).join(['"We will not stop," Ann Lee said.'] * 10)
    found = _found(text)
    assert len(found) == 10
    assert {speaker for _t, _k, speaker, _a, _b in found} == {"Ann Lee"}
