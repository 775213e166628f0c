"""Reader for the PolNeAR attribution corpus (brat standoff).

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates every attribution in
US political news of 2016 with Source, Cue and Content character spans. The
corpus sits in a folder laid out as::

    polnear/
      metadata.tsv                      publisher, date, author, title per article
      train/text/NAME.txt
      train/attributions/NAME_ANNOTATOR.ann
      dev/text/NAME.txt
      dev/attributions/NAME_ANNOTATOR.ann

An ``.ann`` file holds text-bound annotations (``T3<TAB>Content 115 290<TAB>...``,
end exclusive; a discontinuous span is written ``115 120;130 140``) and events
that tie the parts of one attribution together
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``; ``Content2`` adds another
piece of content). ``Discard`` spans mark text outside the article body. When
several annotators annotated an article, [`read_polnear`][quotes.evaluation.polnear.read_polnear]
uses the file of the alphabetically first annotator, so runs are reproducible.

Each gold attribution is given a [`QuoteKind`][quotes.models.QuoteKind] from the
quotation marks around its content ([`classify_kind`][quotes.evaluation.polnear.classify_kind]) and
a [`CueType`][quotes.models.CueType] from its cue
([`classify_cue`][quotes.evaluation.polnear.classify_cue]): beliefs, intentions and perceptions
(`BELIEF_CUE_WORDS`) versus speech and claims.

Only the text of the ``.txt`` files is used; the span texts repeated in the
``.ann`` files are ignored (they are cut at line breaks).
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from quotes.errors import CorpusFormatError
from quotes.text.quoted import quoted_regions
from quotes.models import CueType, QuoteKind

__all__ = [
    "BELIEF_CUE_WORDS",
    "CLAIM_CUE_WORDS",
    "SPEECH_OVERRIDE_WORDS",
    "SPLITS",
    "GoldAttribution",
    "GoldSpan",
    "PolnearDocument",
    "classify_cue",
    "classify_kind",
    "parse_ann",
    "quoted_regions",
    "read_polnear",
]

#: The parts of PolNeAR that are distributed (the ``test`` part is held back).
SPLITS: tuple[str, ...] = ("train", "dev")

#: Cue words of thought, belief, intention, attitude or perception. A gold cue
#: containing one of them (and no word of `SPEECH_OVERRIDE_WORDS`) is a
#: ``belief`` attribution; every other cue is speech or a claim. The list
#: follows the extractor's notion of a belief (``include_beliefs``): what a
#: source thinks, wants, expects, perceives, supports or opposes, as opposed to
#: what it says, writes, reports or shows.
BELIEF_CUE_WORDS: frozenset[str] = frozenset(
    """
    think thinks thought thinking believe believes believed believing belief beliefs
    feel feels felt feeling want wants wanted wanting hope hopes hoped hoping hopeful
    expect expects expected expecting expectation expectations
    fear fears feared fearing worry worries worried worrying
    know knows knew known knowing wish wishes wished doubt doubts doubted
    assume assumes assumed assuming suppose supposes supposed consider considers considered
    see sees saw seen seeing view views viewed watch watches watched hear hears heard
    notice noticed sense senses sensed perceive perceives perceived
    seem seems seemed appear appears appeared
    plan plans planned planning intend intends intended intention aim aims aimed
    seek seeks sought seeking try tries tried trying decide decides decided
    realize realizes realized realise realised understand understands understood
    recognize recognizes recognized suspect suspects suspected wonder wonders wondered
    imagine imagines imagined remember remembers remembered forget forgets forgot
    prefer prefers preferred like likes liked love loves loved hate hates hated
    agree agrees agreed disagree disagrees disagreed trust trusts trusted
    favor favors favored favour favours favoured support supports supported supporting
    oppose opposes opposed opposing learn learns learned learnt
    convinced concerned confident sure certain afraid aware skeptical optimistic
    pessimistic eager determined willing
    """.split()
)

#: Words that make a cue speech even when it also holds a belief word
#: (``said he believes``, ``told reporters he hopes``).
SPEECH_OVERRIDE_WORDS: frozenset[str] = frozenset(
    """
    say says said saying tell tells told telling write writes wrote written writing
    according announce announces announced add adds added ask asks asked
    tweet tweets tweeted report reports reported
    """.split()
)

#: Cue words that present an account or evidence without a verb of saying
#: (``according to``, ``a poll shows``): the cue type is ``claim``.
CLAIM_CUE_WORDS: frozenset[str] = frozenset(
    """
    according per show shows showed shown found find finds reveal reveals revealed
    indicate indicates indicated estimate estimates estimated suggest suggests suggested
    """.split()
)

WORD_RE = re.compile(r"\w+")
_SPAN_LINE_RE = re.compile(r"^(T\d+)\t([^\t ]+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_EVENT_LINE_RE = re.compile(r"^(E\d+)\t(.*)$")
_ID_LINE_RE = re.compile(r"^[TERAMN#]\d*\t")
_ROLE_RE = re.compile(r"^([A-Za-z-]+?)\d*$")

#: Double quotation marks: opening, closing, and ambiguous straight ones.


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldSpan(_Frozen):
    """One annotated span, possibly discontinuous.

    Attributes:
        segments: The ``(start, end)`` character offsets of each piece, in text
            order, end exclusive.
        text: The pieces of the article text joined by a space.
    """

    segments: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        """Offset of the first character of the first piece."""
        return self.segments[0][0]

    @property
    def end(self) -> int:
        """Offset just past the last piece."""
        return self.segments[-1][1]

    @property
    def discontinuous(self) -> bool:
        """Whether the span has more than one piece."""
        return len(self.segments) > 1


class GoldAttribution(_Frozen):
    """One gold attribution: who (source), how (cue) and what (content).

    Attributes:
        id: The brat event id (``E3``).
        source: The Source span, or ``None`` (``Attribution-no-source``).
        cue: The Cue span, or ``None``.
        content: The Content span (``Content`` and ``Content2`` pieces together),
            or ``None`` for the few incomplete annotations.
        kind: ``direct`` when the content is inside quotation marks, ``mixed``
            when it holds a quoted fragment and unquoted words, ``indirect``
            otherwise (see [`classify_kind`][quotes.evaluation.polnear.classify_kind]); ``None``
            without content.
        cue_type: ``belief`` for cues of thought or intention, ``claim`` for
            ``according to`` and evidence cues, else ``speech``
            (see [`classify_cue`][quotes.evaluation.polnear.classify_cue]).
    """

    id: str
    source: GoldSpan | None = None
    cue: GoldSpan | None = None
    content: GoldSpan | None = None
    kind: QuoteKind | None = None
    cue_type: CueType = CueType.SPEECH

    @property
    def is_speech(self) -> bool:
        """Whether the attribution is speech or a claim (not a belief)."""
        return self.cue_type is not CueType.BELIEF


class PolnearDocument(_Frozen):
    """One PolNeAR article with the gold attributions of one annotator.

    Attributes:
        name: The file name without ``.txt`` (``nyt_2016-04-18_for-news-...``).
        split: ``train`` or ``dev``.
        annotator: The annotator whose ``.ann`` file was read.
        annotators: Every annotator of the article, sorted.
        publisher: The publisher from ``metadata.tsv`` (``nyt``, ``breitbart``),
            or ``None`` when the file has no row for the article.
        title: The headline from ``metadata.tsv``, or ``None``.
        published: Publication date from ``metadata.tsv``, or ``None``.
        text: The article text; every offset refers to it.
        attributions: The gold attributions, in file order.
        discards: ``Discard`` spans: text outside the article body.
    """

    name: str
    split: str
    annotator: str
    annotators: tuple[str, ...]
    publisher: str | None = None
    title: str | None = None
    published: _dt.date | None = None
    text: str
    attributions: tuple[GoldAttribution, ...] = ()
    discards: tuple[GoldSpan, ...] = ()


#: Unquoted words a direct quote's content may still carry: a leading
#: complementizer or conjunction (``that "..."``), which annotators often include.
_DIRECT_FILLER_WORDS = frozenset({"that", "and", "but", "so", "because", "as", "if", "whether"})


def classify_kind(
    text: str,
    segments: Sequence[tuple[int, int]],
    regions: Sequence[tuple[int, int]] | None = None,
) -> QuoteKind:
    """Classify content as direct, mixed or indirect from its quotation marks.

    A word of the content counts as quoted when it lies inside a quoted region
    of the article ([`quoted_regions`][quotes.evaluation.polnear.quoted_regions]), so a content span
    that leaves the marks out is still direct. The content is ``direct`` when every word is quoted,
    except at most one leading filler word (``that``, ``and``, ``but``...) before the first quoted
    word; ``mixed`` when some words are quoted and others not; ``indirect`` when no word is quoted.

    Args:
        text: The article text.
        segments: The content's ``(start, end)`` pieces.
        regions: The quoted regions of ``text``, if already computed.

    Returns:
        The kind.

    Examples:
        >>> t = 'He said "we will win." She said we will "win big."'
        >>> classify_kind(t, [(8, 22)]).value, classify_kind(t, [(32, 50)]).value
        ('direct', 'mixed')
        >>> classify_kind(t, [(3, 7)]).value
        'indirect'
    """
    if regions is None:
        regions = quoted_regions(text)
    starts = [a for a, _ in regions]
    quoted = 0
    unquoted: list[tuple[int, str]] = []
    first_quoted: int | None = None
    for seg_start, seg_end in segments:
        for m in WORD_RE.finditer(text, seg_start, seg_end):
            k = bisect_right(starts, m.start()) - 1
            if k >= 0 and regions[k][0] <= m.start() < regions[k][1]:
                quoted += 1
                if first_quoted is None:
                    first_quoted = m.start()
            else:
                unquoted.append((m.start(), m.group().lower()))
    if not quoted:
        return QuoteKind.INDIRECT
    if not unquoted:
        return QuoteKind.DIRECT
    if (
        len(unquoted) == 1
        and unquoted[0][1] in _DIRECT_FILLER_WORDS
        and first_quoted is not None
        and unquoted[0][0] < first_quoted
    ):
        return QuoteKind.DIRECT
    return QuoteKind.MIXED


def classify_cue(cue: str | None) -> CueType:
    """Classify a gold cue as belief, claim or speech from its words.

    Args:
        cue: The cue text (``said``, ``according to``, ``believes``), or ``None``.

    Returns:
        ``belief`` when a word is in `BELIEF_CUE_WORDS` and none is in
        `SPEECH_OVERRIDE_WORDS`; else ``claim`` when a word is in
        `CLAIM_CUE_WORDS`; else ``speech`` (also for a missing cue).

    Examples:
        >>> [classify_cue(c).value for c in ("said", "According to", "believes", "said he hopes")]
        ['speech', 'claim', 'belief', 'speech']
    """
    if not cue:
        return CueType.SPEECH
    words = {w.lower() for w in WORD_RE.findall(cue)}
    if words & BELIEF_CUE_WORDS and not words & SPEECH_OVERRIDE_WORDS:
        return CueType.BELIEF
    if words & CLAIM_CUE_WORDS:
        return CueType.CLAIM
    return CueType.SPEECH


def _span(text: str, segments: list[tuple[int, int]]) -> GoldSpan:
    merged = sorted(set(segments))
    return GoldSpan(segments=tuple(merged), text=" ".join(text[a:b] for a, b in merged))


def parse_ann(
    ann: str, text: str, *, name: str = "<ann>"
) -> tuple[tuple[GoldAttribution, ...], tuple[GoldSpan, ...]]:
    r"""Parse the contents of one brat ``.ann`` file against its article text.

    Lines that do not start with an annotation id are continuation lines of a
    span text that contained a line break, and are skipped; so are notes
    (``#1``), attributes and relations.

    Args:
        ann: The ``.ann`` file contents.
        text: The article text the offsets refer to.
        name: What to call the file in error messages.

    Returns:
        The attributions (one per event line, in file order) and the ``Discard``
        spans.

    Raises:
        CorpusFormatError: A span line is malformed or out of the text's bounds,
            or an event refers to an unknown span.

    Examples:
        >>> text = "Taxes will rise, Smith said."
        >>> ann = "T1\tSource 17 22\tSmith\nT2\tCue 23 27\tsaid\n"
        >>> ann += "T3\tContent 0 15\tTaxes will rise\n"
        >>> ann += "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
        >>> (att,), _ = parse_ann(ann, text)
        >>> att.source.text, att.cue.text, att.content.text, att.kind.value
        ('Smith', 'said', 'Taxes will rise', 'indirect')
    """
    spans, events = _ann_lines(ann, text, name)
    regions = quoted_regions(text)
    attributions = [
        _attribution(event_id, body, spans, text, regions, where=f"{name}:{lineno}")
        for event_id, body, lineno in events
    ]
    discards = tuple(_span(text, segs) for label, segs in spans.values() if label == "Discard")
    return tuple(attributions), tuple(sorted(discards, key=lambda s: s.segments))


#: The spans of an ``.ann`` file: id -> (label, segments).
_Spans = dict[str, tuple[str, list[tuple[int, int]]]]


def _ann_lines(ann: str, text: str, name: str) -> tuple[_Spans, list[tuple[str, str, int]]]:
    """The span lines (checked against ``text``) and the event lines ``(id, body, line number)``."""
    spans: _Spans = {}
    events: list[tuple[str, str, int]] = []
    for lineno, raw in enumerate(ann.splitlines(), 1):
        line = raw.rstrip("\r")
        if not _ID_LINE_RE.match(line):
            continue
        if line.startswith("T"):
            m = _SPAN_LINE_RE.match(line)
            if not m:
                raise CorpusFormatError(f"{name}:{lineno}: malformed span line: {line[:80]!r}")
            segments = []
            for piece in m.group(3).split(";"):
                a, b = (int(x) for x in piece.split())
                if not 0 <= a <= b <= len(text):
                    raise CorpusFormatError(
                        f"{name}:{lineno}: span {a}-{b} is outside the text "
                        f"({len(text)} characters)"
                    )
                segments.append((a, b))
            spans[m.group(1)] = (m.group(2), segments)
        elif line.startswith("E"):
            m = _EVENT_LINE_RE.match(line)
            if not m:
                raise CorpusFormatError(f"{name}:{lineno}: malformed event line: {line[:80]!r}")
            events.append((m.group(1), m.group(2), lineno))
    return spans, events


def _attribution(
    event_id: str,
    body: str,
    spans: _Spans,
    text: str,
    regions: list[tuple[int, int]],
    *,
    where: str,
) -> GoldAttribution:
    """The attribution of one event line (``where`` is ``file:line`` for errors)."""
    parts: dict[str, list[tuple[int, int]]] = {}
    for arg in body.split():
        role, sep, ref = arg.partition(":")
        if not sep or ref not in spans:
            raise CorpusFormatError(f"{where}: event {event_id} refers to unknown span {arg!r}")
        rm = _ROLE_RE.match(role)
        base = rm.group(1) if rm else role
        if base in ("Source", "Cue", "Content"):
            parts.setdefault(base, []).extend(spans[ref][1])
    content = _span(text, parts["Content"]) if "Content" in parts else None
    cue = _span(text, parts["Cue"]) if "Cue" in parts else None
    return GoldAttribution(
        id=event_id,
        source=_span(text, parts["Source"]) if "Source" in parts else None,
        cue=cue,
        content=content,
        kind=classify_kind(text, content.segments, regions) if content else None,
        cue_type=classify_cue(cue.text if cue else None),
    )


def _read_metadata(root: Path) -> dict[str, dict[str, str]]:
    path = root / "metadata.tsv"
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if reader.fieldnames is None or "filename" not in reader.fieldnames:
                raise CorpusFormatError(f"{path}: no 'filename' column in the header")
            return {row["filename"]: row for row in reader if row.get("filename")}
    except UnicodeDecodeError as exc:
        raise CorpusFormatError(f"{path}: not valid UTF-8 (byte {exc.start})") from None


def _parse_date(value: str | None, path: Path) -> _dt.date | None:
    if not value or value == "None":
        return None
    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise CorpusFormatError(f"{path}: bad publication_date {value!r}") from None


def _read_utf8(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusFormatError(f"{path}: not valid UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise CorpusFormatError(f"{path}: cannot read: {exc.strerror}") from None


def _split_dir(root: Path, split: str) -> Path:
    if not root.exists():
        raise CorpusFormatError(f"{root}: no such folder")
    if not root.is_dir():
        raise CorpusFormatError(f"{root}: not a folder")
    folder = root / split
    if not folder.is_dir():
        raise CorpusFormatError(
            f"{root}: not a PolNeAR folder (no {split}/ inside; expected "
            f"{split}/text/*.txt and {split}/attributions/*.ann)"
        )
    for sub in ("text", "attributions"):
        if not (folder / sub).is_dir():
            raise CorpusFormatError(f"{folder}: no {sub}/ folder inside")
    return folder


def _annotators(folder: Path) -> dict[str, list[str]]:
    """The annotator codes of each article of a split folder (from ``NAME_CODE.ann``)."""
    annotations: dict[str, list[str]] = {}
    for ann in (folder / "attributions").glob("*.ann"):
        stem, sep, annotator = ann.stem.rpartition("_")
        if sep:
            annotations.setdefault(stem, []).append(annotator)
    return annotations


def read_polnear(
    root: str | Path,
    split: str = "dev",
    *,
    limit: int | None = None,
) -> Iterator[PolnearDocument]:
    """Yield the documents of one PolNeAR split, sorted by name.

    Articles without any ``.ann`` file are skipped. When an article has several,
    the alphabetically first (lowest annotator code) is read.

    Args:
        root: The corpus folder (holding ``metadata.tsv``, ``train/`` and ``dev/``).
        split: ``train`` or ``dev``.
        limit: Stop after this many documents.

    Yields:
        One [`PolnearDocument`][quotes.evaluation.polnear.PolnearDocument] per annotated article.

    Raises:
        CorpusFormatError: The folder is missing or not laid out as PolNeAR, or a
            file is malformed.
    """
    if split not in SPLITS:
        raise CorpusFormatError(f"unknown split {split!r}; choose one of: {', '.join(SPLITS)}")
    root = Path(root)
    folder = _split_dir(root, split)
    metadata = _read_metadata(root)
    annotations = _annotators(folder)
    texts = sorted((folder / "text").glob("*.txt"))
    if not texts:
        raise CorpusFormatError(f"{folder / 'text'}: no .txt files")
    count = 0
    for path in texts:
        if limit is not None and count >= limit:
            return
        name = path.stem
        annotators = sorted(annotations.get(name, ()))
        if not annotators:
            continue
        text = _read_utf8(path)
        ann_path = folder / "attributions" / f"{name}_{annotators[0]}.ann"
        attributions, discards = parse_ann(_read_utf8(ann_path), text, name=str(ann_path))
        meta = metadata.get(name, {})
        yield PolnearDocument(
            name=name,
            split=split,
            annotator=annotators[0],
            annotators=tuple(annotators),
            publisher=meta.get("publisher") or None,
            title=meta.get("title") or None,
            published=_parse_date(meta.get("publication_date"), root / "metadata.tsv"),
            text=text,
            attributions=attributions,
            discards=discards,
        )
        count += 1
