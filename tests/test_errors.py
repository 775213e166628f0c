"""Every error the API raises on purpose is a QuotesError that keeps its builtin (issue 16).

Bad arguments used to escape as pydantic ``ValidationError``, ``ValueError``,
``AttributeError`` or ``TypeError``; lone surrogates were accepted and the quotes
then failed to serialise.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotes
from quotes.models import Quote, escape_surrogates, find_surrogate

GOOD = "“We are ready,” Peskov said."


def _record(**fields: Any) -> dict[str, Any]:
    return {"text": "We are ready", "start": 0, "end": 12, **fields}


#: (what, call, the QuotesError subclass, the builtin it must also be, words of the message)
API_ERRORS: list[tuple[str, Callable[[], Any], type, type, str]] = [
    ("published not a date", lambda: quotes.extract(GOOD, published="notadate"),
     quotes.InvalidFieldError, ValueError, "'published'"),
    ("text an int", lambda: quotes.extract(123), quotes.NotTextError, TypeError, "int"),
    ("text None", lambda: quotes.extract(None), quotes.NotTextError, TypeError, "NoneType"),
    ("text bytes", lambda: quotes.extract(GOOD.encode()), quotes.NotTextError, TypeError, "decode"),
    ("outlet an int", lambda: quotes.extract(GOOD, outlet=123),
     quotes.InvalidFieldError, ValueError, "'outlet'"),
    ("article_id an int", lambda: quotes.extract(GOOD, article_id=5),
     quotes.InvalidFieldError, ValueError, "'article_id'"),
    ("unknown kind", lambda: quotes.Extractor(kinds=["bogus"]),
     quotes.InvalidArgumentError, ValueError, "bogus"),
    ("backend not a segmenter", lambda: quotes.Extractor(backend=3),
     quotes.WrongTypeError, TypeError, "backend must be a name"),
    ("max_chars zero", lambda: quotes.Extractor(max_chars=0),
     quotes.InvalidArgumentError, ValueError, "max_chars"),
    ("articles as dicts", lambda: list(quotes.Extractor().extract_articles([{"text": "x"}])),
     quotes.WrongTypeError, TypeError, "Article"),
    ("dedupe of ints", lambda: quotes.dedupe([1]), quotes.WrongTypeError, TypeError, "quotes[0]"),
    ("dedupe of one string", lambda: quotes.dedupe("text"),
     quotes.WrongTypeError, TypeError, "iterable"),
    ("end before start", lambda: quotes.dedupe([_record(start=50, end=10)]),
     quotes.CorpusFormatError, ValueError, "before start"),
    ("ratio threshold over 100", lambda: quotes.dedupe([_record()], ratio_threshold=500),
     quotes.InvalidArgumentError, ValueError, "ratio_threshold"),
    ("statement threshold NaN", lambda: quotes.dedupe([_record()], statement_threshold=float("nan")),
     quotes.InvalidArgumentError, ValueError, "statement_threshold"),
    ("statement threshold over 1", lambda: quotes.dedupe([_record()], statement_threshold=5),
     quotes.InvalidArgumentError, ValueError, "statement_threshold"),
    ("semantic threshold infinite", lambda: quotes.dedupe([_record()], semantic_threshold=float("inf")),
     quotes.InvalidArgumentError, ValueError, "semantic_threshold"),
    ("negative block keys", lambda: quotes.dedupe([_record()], block_keys=-1),
     quotes.InvalidArgumentError, ValueError, "block_keys"),
    ("threshold a string", lambda: quotes.dedupe([_record()], ratio_threshold="90"),
     quotes.WrongTypeError, TypeError, "ratio_threshold"),
    ("unknown dedupe mode", lambda: quotes.dedupe([_record()], mode="fuzzy"),
     quotes.InvalidArgumentError, ValueError, "fuzzy"),
    ("lone surrogate in the text", lambda: quotes.extract("“Hi \ud800,” he said."),
     quotes.EncodingError, ValueError, "U+D800 at character 4"),
    ("lone surrogate in the id", lambda: quotes.extract(GOOD, article_id="a\udcff"),
     quotes.EncodingError, ValueError, "'id'"),
    ("lone surrogate in the outlet", lambda: quotes.extract(GOOD, outlet="DW\udc80"),
     quotes.EncodingError, ValueError, "'outlet'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "error", "builtin", "words"),
    [case[1:] for case in API_ERRORS],
    ids=[case[0] for case in API_ERRORS],
)
def test_api_errors_are_quotes_errors_and_their_builtin(
    call: Callable[[], Any], error: type, builtin: type, words: str
):
    with pytest.raises(quotes.QuotesError) as caught:
        call()
    assert type(caught.value) is error
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)  # one line, not pydantic's report
    with pytest.raises(builtin):  # the builtin handler people already wrote still works
        call()


def test_every_error_class_is_exported_and_keeps_its_builtin():
    assert issubclass(quotes.InvalidFieldError, quotes.InputError)
    assert issubclass(quotes.InvalidArgumentError, ValueError)
    assert issubclass(quotes.NotTextError, quotes.WrongTypeError)
    assert issubclass(quotes.WrongTypeError, TypeError)
    assert issubclass(quotes.ArticleTimeoutError, TimeoutError)
    assert issubclass(quotes.OutputError, OSError)


def test_an_integer_id_and_a_date_object_are_still_fine(fast: quotes.Extractor):
    import datetime

    (q,) = fast.extract(GOOD, article_id="7", published=datetime.date(2025, 5, 2), outlet="DW")
    assert (q.article, q.published, q.outlet) == ("7", datetime.date(2025, 5, 2), "DW")


def test_surrogate_helpers_find_and_escape():
    assert find_surrogate("plain ascii") is None
    assert find_surrogate("café") is None
    assert find_surrogate("ab\udc80c") == 2
    escaped = escape_surrogates("caf\udce9.txt")
    assert escaped == "caf\\udce9.txt"
    escaped.encode("utf-8")  # writable
    assert escape_surrogates("café") == "café"


# Any str at all: every code point, surrogates included, in short and article-like shapes.
ANY_CHAR = st.characters(blacklist_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=80)
QUOTE_PIECES = st.sampled_from(
    ['"', "“", "”", "'", " said ", " Peskov", ".", ",", "\n", "\ud800", "\udcff"]
)
ARTICLE_LIKE = st.lists(st.one_of(QUOTE_PIECES, ANY_TEXT), max_size=20).map("".join)


@given(st.one_of(ANY_TEXT, ARTICLE_LIKE))
def test_any_str_either_raises_a_quotes_error_or_gives_writable_quotes(text: str):
    try:
        found = quotes.extract(text, backend="fast")
    except quotes.QuotesError:
        return
    for q in found:
        assert text[q.start : q.end] == q.text
        Quote.model_validate_json(q.model_dump_json())  # serialises, and reads back
        json.dumps(q.to_record(), ensure_ascii=False).encode("utf-8")


@given(ARTICLE_LIKE)
def test_a_text_with_a_lone_surrogate_is_always_refused(text: str):
    text = text + "\udc80"
    with pytest.raises(quotes.QuotesError):
        quotes.extract(text, backend="fast")


def test_json_errors_give_the_line_and_column(tmp_path):
    import io

    from quotes.archive.io import load_metadata
    from quotes.cli.dedupe import read_quotes

    with pytest.raises(quotes.CorpusFormatError) as caught:
        read_quotes(
            "-", stdin=io.StringIO('{"text": "a", "start": 0, "end": 1}\n{"text": "b" "start"}\n')
        )
    assert str(caught.value) == (
        "<stdin>:2: not a JSON object: Expecting ',' delimiter: line 1 column 14 (char 13)"
    )
    sidecar = tmp_path / "metadata.jsonl"
    sidecar.write_text('{"id": "a.txt", "outlet": "DW",}\n', encoding="utf-8")
    with pytest.raises(quotes.CorpusFormatError, match=r"line 1 column 32 \(char 31\)"):
        load_metadata(sidecar)


def test_a_metadata_sidecar_that_is_not_utf8_is_one_clear_error(tmp_path):
    from quotes.archive.io import load_metadata

    sidecar = tmp_path / "metadata.jsonl"
    sidecar.write_bytes(b'{"id": "a.txt", "outlet": "DW"}\n{"id": "b.txt", "outlet": "Caf\xe9"}\n')
    with pytest.raises(quotes.CorpusFormatError) as caught:
        load_metadata(sidecar)
    assert str(caught.value) == f"{sidecar}:2: not valid UTF-8 (byte 30); re-encode the file"
