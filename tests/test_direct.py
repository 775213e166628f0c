"""Quote-mark pairing on real news sentences, every mark style."""

from __future__ import annotations

import pytest

from quotes.text.quoted import find_quoted_spans


def spans(text: str) -> list[str]:
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return [text[q.start:q.end] for q in find_quoted_spans(text, lines)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We will not back down,” the minister said.", ["We will not back down"]),
        ('"We will not back down," the minister said.', ["We will not back down"]),
        ("«Мы готовы», — сказал он.", ["Мы готовы"]),
        ("„Wir sind bereit“, sagte Scholz.", ["Wir sind bereit"]),
        ("‘The talks were useful,’ she said.", ["The talks were useful"]),
    ],
)
def test_each_mark_style_pairs(text, expected):
    assert spans(text) == expected


def test_apostrophes_inside_single_quotes_do_not_close_them():
    text = "'We don't know what Merkel's team wants, and we can't guess,' Lavrov said."
    assert spans(text) == ["We don't know what Merkel's team wants, and we can't guess"]


def test_possessives_are_not_quotes():
    assert spans("Russia's army and Kyiv's drones hit the country's south.") == []


def test_closing_mark_without_opening_runs_from_paragraph_start():
    text = "Prices will keep rising this winter,” Lagarde told lawmakers."
    assert spans(text) == ["Prices will keep rising this winter"]


def test_stray_opening_mark_yields_nothing():
    assert spans("The 6'2\" forward scored twice.") == []


def test_multi_paragraph_quote_reopened_in_each_paragraph():
    text = "“First we rebuild the grid.\n“Then we rebuild the schools,” the mayor said."
    assert spans(text) == ["First we rebuild the grid.", "Then we rebuild the schools"]


def test_quote_spanning_sentences_is_one_span():
    text = "“It was hard. We lost a lot. But we held,” the commander said."
    assert spans(text) == ["It was hard. We lost a lot. But we held"]


def test_all_caps_quote():
    assert spans("“WE WILL NEVER FORGET THEM,” THE GENERAL SAID.") == ["WE WILL NEVER FORGET THEM"]


def test_closing_mark_typed_as_an_opening_one():
    text = "Todd was shocked. “Do you want that?“ he asked. “No,” Reyes said."
    spans = find_quoted_spans(text, [(0, len(text))])
    assert [text[q.start:q.end] for q in spans] == ["Do you want that?", "No"]
