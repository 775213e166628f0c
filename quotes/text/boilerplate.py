"""Telling the article body from what was scraped along with it.

Scraped news comes with navigation, headlines, photo captions, bylines and
"Related articles" lists. `body_lines` keeps the lines that read as body
text: they end like a sentence, and they come before a related-content heading
in the second half of the text. Quotes are only looked for in body lines, so a
quoted word in an unrelated headline is never attributed.
"""

from __future__ import annotations

import re

__all__ = ["body_lines"]

_LINE = re.compile(r"[^\n]+")
# Headings after which the rest of the page is not the article.
_TAIL_HEADING = re.compile(
    r"^\W*(?:related\s+(?:articles?|posts?|stories|story|content|news|coverage|reading|topics)|"
    r"you\s+(?:may|might)\s+also\s+like|more\s+(?:stories|from|on\s+this)|recommended(?:\s+for\s+you)?|"
    r"most\s+(?:read|popular|viewed)|trending(?:\s+now)?|read\s+next|see\s+also|"
    r"comments?|leave\s+a\s+(?:comment|reply)|sign\s+up|subscribe(?:\s+now)?|"
    r"download\s+the\s+app|skip\s+next\s+section|share\s+this(?:\s+article)?|"
    r"about\s+the\s+author|tags?|topics?)\b[^.!?]{0,40}$",
    re.IGNORECASE,
)
# Lines that are links or widgets wherever they are.
_SKIP_LINE = re.compile(
    r"^\W*(?:read\s+(?:more|also)|also\s+read|watch|listen|advertisement|image|photo|video)\b\s*[:|]",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?:[.!?…:;]|[.!?…:;,][\"'”’»)\]]+)\s*$")
_MIN_TAIL_FRACTION = 0.3


_OPEN_DOUBLE_MARK = re.compile("[\"“”„«»]")


def _wrapped_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the non-blank lines, a hard-wrapped line joined with the next one.

    A line that does not end like a sentence goes on in the next line, after a single
    line break, when that line starts in lower case (``…the bridge first⏎and then…``)
    or the line leaves a double quotation open that the next line does not reopen.
    """
    out: list[tuple[int, int]] = []
    wrapped = False  # the last line goes on in the next one
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            wrapped = False
            continue
        a = m.start() + (len(raw) - len(raw.lstrip()))
        b = a + len(stripped)
        if wrapped and (stripped[0].islower() or open_quote and stripped[0] not in "\"“„«"):
            a = out.pop()[0]
        out.append((a, b))
        line = text[a:b]
        open_quote = len(_OPEN_DOUBLE_MARK.findall(line)) % 2 == 1
        wrapped = not _SENTENCE_END.search(line) and text[b:b + 1] == "\n" and not text[b + 1:b + 2].isspace()
    return out


def body_lines(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the lines that belong to the article body.

    A line is body text when it ends like a sentence (``.``, ``?``, ``!``, ``…``,
    ``:``, possibly followed by closing quotes or brackets) or is long (25 words or more), and it is not a
    link line (``Read more: ...``). Everything after a related-content heading
    (``Related Articles``, ``You may also like``...) in the last 70 % of the text
    is dropped.

    Examples:
        >>> t = "Big Headline\\nHe said it was fine.\\nRelated Articles\\nOther story said so."
        >>> [t[a:b] for a, b in body_lines(t)]
        ['He said it was fine.']
    """
    lines: list[tuple[int, int]] = []
    n = len(text)
    for a, b in _wrapped_lines(text):
        stripped = text[a:b]
        if len(stripped) < 80 and _TAIL_HEADING.match(stripped) and a >= n * _MIN_TAIL_FRACTION:
            break
        if _SKIP_LINE.match(stripped):
            continue
        if _SENTENCE_END.search(stripped) or len(stripped.split()) >= 25:
            lines.append((a, b))
    return lines
