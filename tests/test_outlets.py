"""Channels (``via``): the outlet, platform or document a statement came through."""

from __future__ import annotations

import pytest

import quotes
from quotes.speakers.channels import find_via


@pytest.mark.parametrize(
    ("clause", "channel"),
    [
        ("Peskov told Reuters", "Reuters"),
        ("he told Russia's Interfax news agency", "Interfax"),
        ("she told the BBC", "BBC"),
        ("Peskov said in an interview with the BBC", "BBC"),
        ("he said in a phone interview with Reuters", "Reuters"),
        ("Peskov told the German newspaper Bild", "Bild"),
        ("Peskov told state news agency RIA Novosti", "RIA Novosti"),
        ("the minister told the Kommersant daily", "Kommersant"),
        ("she told the British newspaper The Guardian", "Guardian"),
        ("the minister told the Izvestia newspaper on Monday", "Izvestia"),
        ("he told a German newspaper", "German newspaper"),
        ("he told Russian state television", "Russian state television"),
        ("speaking to CNN", "CNN"),
        ("Peskov said on CNN", "CNN"),
        ("he said, appearing on Fox News", "Fox News"),
        ("he said in remarks broadcast by state television", "state television"),
        ("Yermak wrote on Telegram", "Telegram"),
        ("she said in a statement released on Monday", "a statement"),
        ("KCNA quoted Kim as saying", "KCNA"),
        ("according to the Associated Press", "Associated Press"),
    ],
)
def test_channel_named_in_the_clause(clause: str, channel: str) -> None:
    assert find_via(clause) == channel


@pytest.mark.parametrize(
    "clause",
    [
        "Peskov told reporters",
        "the judge told the court",
        "he told the Senate committee",
        "she commented on CNN's report",
        "he told lawmakers on Tuesday",
        "the minister told the newspaper Tuesday",
        "he told reporters at the station Monday",
        "she told an audience at a radio station",  # the article's own outlet, unnamed
    ],
)
def test_no_channel(clause: str) -> None:
    assert find_via(clause) is None


@pytest.mark.parametrize(
    ("text", "speaker", "channel"),
    [
        ("“We are waiting,” Peskov told the German newspaper Bild.", "Peskov", "Bild"),
        ("“We are waiting,” Peskov said in an interview with the BBC.", "Peskov", "BBC"),
        ("“We are waiting,” Peskov said on CNN.", "Peskov", "CNN"),
    ],
)
def test_channel_of_a_direct_quote(extractor: quotes.Extractor, text: str, speaker: str, channel: str) -> None:
    (q,) = extractor.extract(text)
    assert (q.text, q.speaker.name, q.via) == ("We are waiting", speaker, channel)


@pytest.mark.parametrize(
    ("clause", "channel"),
    [
        ("In a statement, the firm said", "a statement"),
        ("Speaking to CNN, the senator said", "CNN"),
        ("During an interview with the BBC, she said", "BBC"),
        ("In a post on Telegram, the governor said", "Telegram"),  # the platform over the document
        ("the governor said in a post on Telegram", "Telegram"),
        ("In 2019, the firm said", None),
    ],
)
def test_channel_of_a_sentence_opening_phrase(clause: str, channel: str | None) -> None:
    assert find_via(clause) == channel


def test_leading_channel_of_a_direct_quote(extractor: quotes.Extractor) -> None:
    text = "Speaking to CNN, the senator said: “We will win the vote.”"
    (q,) = extractor.extract(text)
    assert (q.text, q.speaker.name, q.via) == ("We will win the vote.", "senator", "CNN")
