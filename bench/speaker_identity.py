"""Speaker identity on hand-labelled PolNeAR dev articles: is `speaker.name` who said it?

Usage: python bench/speaker_identity.py [--backend fast|stanza] [--tagger]
           [--data bench/data/speaker_identity_dev.jsonl] [--polnear ../shared/polnear]
           [--split dev|train]
           [--show-errors] [--json] [--markdown docs/_figures/speaker_identity.md]

`bench/data/speaker_identity_dev.jsonl` gives, for every gold attribution of 28 PolNeAR
dev articles, the canonical speaker a careful reader names (full name of the person or
organisation, or ``unresolved``; see `bench/data/speaker_identity_guide.md`). This script
runs the extractor on those articles, aligns each labelled attribution with a predicted
statement exactly as ``quotes evaluate`` does (quotes sharing a cue merged, one-to-one
greedy alignment by content token F1, a match at F1 >= 0.5; here over all statements, so
a direct gold matched by a statement the extractor calls mixed still counts), and checks
the statement's speaker against the label:

* a named label is right when the predicted name, normalised (`normalize_name`: case,
  punctuation, possessive, leading ``the`` and titles such as Mr./Sen./President,
  trailing Jr./Sr./II dropped), equals the label or one of its aliases, also after
  dropping single-letter initials (``Charles B. Rangel`` = ``Charles Rangel``);
* an ``unresolved`` label (the article never names the source) is right when the
  prediction names nobody (`names_nobody`): no speaker, an empty name, a pronoun, an
  ``anonymous`` speaker, the head of the labelled description or gold source text, or a
  description (lower-case or determiner-led, ``McConnell aides``) whose mention overlaps
  the gold source. A named entity there is wrong (it names someone the article does
  not), and so is a stray word taken from elsewhere (``perhaps``).

It prints, for direct quotes and for all attributions (and indirect, mixed), how many are
labelled, matched and right, with "right" as a share of the matched and of all labelled.
Dev is read only to report; never tune on it. `bench/data/speaker_identity_train.jsonl`
labels 36 PolNeAR train articles the same way (834 attributions, 158 direct), for tuning:
``--data bench/data/speaker_identity_train.jsonl`` (the split follows the file name).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes import __version__  # noqa: E402
from quotes.errors import QuotesError  # noqa: E402
from quotes.evaluation.alignment import (  # noqa: E402
    DocumentTokens,
    align,
    gold_items,
    normalize_span,
    pred_items,
)
from quotes.evaluation.polnear import PolnearDocument, read_polnear  # noqa: E402
from quotes.evaluation.reports import MATCH_THRESHOLD  # noqa: E402
from quotes.models import Article, Quote, Speaker, SpeakerType  # noqa: E402

DEFAULT_DATA = ROOT / "bench" / "data" / "speaker_identity_dev.jsonl"
UNRESOLVED = "unresolved"

#: Words of a title or office that may precede a name (dropped from the front).
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss mx dr doctor prof professor sen senator rep representative congressman
    congresswoman gov governor lt gen general col colonel maj major capt captain adm admiral
    sgt pres president vice secretary judge justice rev reverend sir dame
    chairman chairwoman chair speaker mayor ambassador minister prime chief officer
    former retired the
    """.split()
)
#: Name suffixes dropped from the end.
SUFFIX_WORDS = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: First words that make a name a description, not a named entity.
DESCRIPTION_WORDS = frozenset(
    """
    a an the this that these those some many most several few another other others any
    all both each every no one two three four his her its their our your my
    he she it they we i you him them us me who whom which someone somebody everyone
    """.split()
)
#: Pronouns: a name that is one of them resolved nothing.
PRONOUNS = frozenset(
    "he she it they i we you who which him her them us me one his its their".split()
)
#: Endings of a contracted pronoun (``I've``, ``he'd``).
CONTRACTIONS = frozenset({"ve", "m", "ll", "d", "s", "re"})
#: Lower-case words a proper name may hold (``Committee for a Responsible Federal Budget``).
NAME_FUNCTION_WORDS = frozenset(
    "of for the and a an on at in to de del da di du la le van von bin al y".split()
)
#: Last words of an organisation's name that may be lower case (``Obama administration``).
ORGANIZATION_HEADS = frozenset(
    """
    campaign administration party ministry department government committee council court
    agency service office university commission caucus union board institute center centre
    foundation team staff
    """.split()
)
#: The rows: by gold kind, all, then all split by whether the label names the source.
SUBSETS = ("direct", "indirect", "mixed", "all", "named", "unresolved")

_PARENS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_WORD_RE = re.compile(r"[^\w]+")


def normalize_name(name: str | None) -> str:
    """The comparable form of a name: lower case, words only, no titles or possessive.

    Examples:
        >>> normalize_name("Sen. Claire McCaskill (D-Mo.)")
        'claire mccaskill'
        >>> normalize_name("the Vice President Joseph R. Biden Jr.")
        'joseph r biden'
        >>> normalize_name("Trump’s")
        'trump'
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    text = _PARENS_RE.sub(" ", text)
    text = re.sub(r"'s\b", "", text, flags=re.I)
    words = _NON_WORD_RE.sub(" ", text.lower()).split()
    while words and words[0] in TITLE_WORDS:
        words.pop(0)
    while words and words[-1] in SUFFIX_WORDS:
        words.pop()
    return " ".join(words)


def _without_initials(norm: str) -> str:
    return " ".join(w for w in norm.split() if len(w) > 1)


def names_match(predicted: str | None, accepted: Iterable[str]) -> bool:
    """Whether ``predicted`` is one of the ``accepted`` names once normalised.

    Examples:
        >>> names_match("Mr. Obama", ["Barack Obama", "Obama"])
        True
        >>> names_match("Charles Rangel", ["Charles B. Rangel"])
        True
        >>> names_match("Scott", ["Bobby Scott"])
        False
    """
    pred = normalize_name(predicted)
    if not pred:
        return False
    for name in accepted:
        norm = normalize_name(name)
        if norm == pred or (_without_initials(norm) or norm) == (_without_initials(pred) or pred):
            return True
    return False


def _has_common_noun(name: str) -> bool:
    """Whether a name holds a lower-case content word (``Democratic nominee``, ``X aides``)."""
    words = [w for w in re.split(r"[\s/]+", name.strip()) if w]
    if words and words[-1].lower() in ORGANIZATION_HEADS:
        words = words[:-1]
    return any(w[:1].islower() and w.lower() not in NAME_FUNCTION_WORDS for w in words)


def is_pronoun(name: str | None) -> bool:
    """Whether a name is just a pronoun (``he``, ``I've``, ``their``).

    Examples:
        >>> is_pronoun("I've"), is_pronoun("They"), is_pronoun("Their leaders")
        (True, True, False)
    """
    words = re.findall(r"\w+", (name or "").lower())
    return bool(words) and words[0] in PRONOUNS and (len(words) == 1 or words[1] in CONTRACTIONS)


def is_description(speaker: Speaker | None) -> bool:
    """Whether a predicted speaker's name is a description rather than a name.

    True for no speaker, an empty name, an ``anonymous`` speaker, a name whose first word
    is lower case, a pronoun or a determiner (``a source``, ``Another 19 percent``), and a
    name with a lower-case content word (``Democratic leaders``, ``McConnell aides``; a
    last word such as ``campaign`` or ``administration`` does not count).

    Examples:
        >>> s = Speaker(name="Foreign policy analysts", mention="x", start=0, end=1)
        >>> is_description(s), is_description(None)
        (True, True)
        >>> is_description(s.model_copy(update={"name": "Mitch McConnell"}))
        False
        >>> is_description(s.model_copy(update={"name": "Obama administration"}))
        False
    """
    name = getattr(speaker, "name", None) if speaker is not None else None
    if not name or not name.strip():
        return True
    if speaker is not None and speaker.type is SpeakerType.ANONYMOUS:
        return True
    words = re.findall(r"\w+", name)
    if not words or not words[0][:1].isupper() or words[0].lower() in DESCRIPTION_WORDS:
        return True
    return _has_common_noun(name)


def names_nobody(
    speaker: Speaker | None,
    source: tuple[int, int] | None = None,
    descriptions: Iterable[str | None] = (),
) -> bool:
    """Whether a predicted speaker fits an ``unresolved`` label: it names no one.

    True for no speaker, an empty name, a pronoun, an ``anonymous`` speaker, a name that
    starts the labelled description or the gold source text (``Polls``, ``Political
    observers``), and a description (`is_description`) whose mention overlaps the gold
    ``source`` span. A named entity is not, and neither is a stray word elsewhere in the
    text (``perhaps``, ``implication``): that is a wrong speaker, not a kept description.

    Examples:
        >>> s = Speaker(name="Foreign policy analysts", mention="Foreign policy analysts",
        ...             start=10, end=33)
        >>> names_nobody(s, (10, 33)), names_nobody(s, (50, 60)), names_nobody(None)
        (True, False, True)
        >>> names_nobody(s.model_copy(update={"name": "Mitch McConnell"}), (10, 33))
        False
    """
    name = getattr(speaker, "name", None) if speaker is not None else None
    if speaker is None or not name or not name.strip() or is_pronoun(name):
        return True
    if speaker.type is SpeakerType.ANONYMOUS:
        return True
    norm = normalize_name(name)
    if norm and any((normalize_name(d) + " ").startswith(norm + " ") for d in descriptions if d):
        return True
    overlaps = source is not None and speaker.start < source[1] and source[0] < speaker.end
    return overlaps and is_description(speaker)


@dataclass(frozen=True)
class Label:
    """One labelled gold attribution of `bench/data/speaker_identity_dev.jsonl`."""

    article: str
    attribution: str
    kind: str | None
    speaker: str
    source: dict[str, Any] | None = None
    content: dict[str, Any] | None = None
    description: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def unresolved(self) -> bool:
        """Whether the article never names the source."""
        return self.speaker == UNRESOLVED

    def accepts(self, speaker: Speaker | None) -> bool:
        """Whether ``speaker`` is the right identity for this label."""
        if self.unresolved:
            if self.source is None:
                return names_nobody(speaker, None, [self.description])
            span = (self.source["start"], self.source["end"])
            return names_nobody(speaker, span, [self.description, self.source["text"]])
        name = getattr(speaker, "name", None) if speaker is not None else None
        return names_match(name, (self.speaker, *self.aliases))


def read_labels(path: str | Path) -> list[Label]:
    """The labels of a JSON-lines file, in file order.

    Raises:
        QuotesError: The file is missing or a line is malformed.
    """
    path = Path(path)
    if not path.is_file():
        raise QuotesError(f"{path}: no such label file (bench/data/speaker_identity_dev.jsonl)")
    labels = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            labels.append(
                Label(
                    article=rec["article"],
                    attribution=rec["attribution"],
                    kind=rec.get("kind"),
                    speaker=rec["speaker"],
                    source=rec.get("source"),
                    content=rec.get("content"),
                    description=rec.get("description"),
                    aliases=tuple(rec.get("aliases", ())),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise QuotesError(f"{path}:{lineno}: malformed label ({exc})") from None
    return labels


@dataclass
class Outcome:
    """How one labelled attribution came out."""

    label: Label
    matched: bool
    right: bool
    predicted: Speaker | None = None

    @property
    def error(self) -> str:
        """A short category of a wrong outcome ('' when right or unmatched)."""
        if not self.matched or self.right:
            return ""
        if self.label.unresolved:
            if is_description(self.predicted):
                return "stray word or description from elsewhere"
            return "named an entity the article does not name"
        name = getattr(self.predicted, "name", None) if self.predicted else None
        if not name or not name.strip():
            return "no speaker"
        if is_pronoun(name):
            return "pronoun kept as name"
        norm = normalize_name(name)
        accepted = [normalize_name(n) for n in (self.label.speaker, *self.label.aliases)]
        if norm and any(f" {a} " in f" {norm} " for a in accepted if " " in a):
            return "role or other words kept in name"
        if not norm or is_description(self.predicted):
            return "description kept as name"
        if any(a.endswith(" " + norm) for a in accepted):
            return "partial name"
        return "wrong name"


def _scored_attributions(doc: PolnearDocument) -> list[str]:
    """Ids of the attributions `gold_items` keeps (content with a word), in its order."""
    return [
        att.id
        for att in doc.attributions
        if att.content is not None and normalize_span(doc.text, att.content.segments)
    ]


def score_article(
    doc: PolnearDocument, labels: Sequence[Label], quotes: Sequence[Quote]
) -> list[Outcome]:
    """Align the quotes of one article with its gold attributions and judge each label.

    Raises:
        QuotesError: A label names an attribution the article lacks, or its source span
            differs from the corpus (the labels were made against another annotation).
    """
    tokens = DocumentTokens.of(doc.text)
    golds = gold_items(doc, tokens)
    ids = _scored_attributions(doc)
    if len(ids) != len(golds):
        raise QuotesError(
            f"{doc.name}: gold_items kept {len(golds)} attributions, expected {len(ids)}"
        )
    preds = pred_items(doc, quotes, tokens)
    speaker_of = {
        ids[j]: preds[i].speaker
        for dice, _exact, i, j in align(preds, golds)
        if dice >= MATCH_THRESHOLD
    }
    by_id = {att.id: att for att in doc.attributions}
    outcomes = []
    for label in labels:
        att = by_id.get(label.attribution)
        if att is None:
            raise QuotesError(f"{doc.name}: no gold attribution {label.attribution}")
        gold_source = (att.source.start, att.source.end) if att.source else None
        label_source = (label.source["start"], label.source["end"]) if label.source else None
        if gold_source != label_source:
            raise QuotesError(
                f"{doc.name} {label.attribution}: source {label_source} in the labels, "
                f"{gold_source} in the corpus"
            )
        matched = label.attribution in speaker_of
        predicted = speaker_of.get(label.attribution)
        right = matched and label.accepts(predicted)
        outcomes.append(Outcome(label, matched, right, predicted))
    return outcomes


def run(
    labels: Sequence[Label],
    polnear: str | Path,
    *,
    backend: str = "fast",
    tagger: bool = False,
    stanza_dir: str | None = None,
    split: str = "dev",
) -> list[Outcome]:
    """Extract the quotes of every labelled article of ``split`` and judge every label.

    Raises:
        QuotesError: A labelled article is not in that PolNeAR split, or a label does not
            fit it.
    """
    from quotes.pipeline import Extractor

    extractor = Extractor(
        backend=backend, stanza_dir=stanza_dir, include_beliefs=True, tagger=tagger
    )
    by_article: dict[str, list[Label]] = {}
    for label in labels:
        by_article.setdefault(label.article, []).append(label)
    outcomes: list[Outcome] = []
    seen = set()
    for doc in read_polnear(polnear, split):
        if doc.name not in by_article:
            continue
        seen.add(doc.name)
        article = Article(text=doc.text, id=doc.name, outlet=doc.publisher, published=doc.published)
        outcomes.extend(
            score_article(doc, by_article[doc.name], extractor.extract_article(article))
        )
    missing = sorted(set(by_article) - seen)
    if missing:
        raise QuotesError(
            f"{polnear}: labelled articles not in {split}: {', '.join(missing[:3])}"
        )
    return outcomes


@dataclass
class Row:
    """The counts of one subset."""

    subset: str
    labelled: int = 0
    matched: int = 0
    right: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    @property
    def right_of_matched(self) -> float | None:
        """Right as a share of the matched attributions."""
        return self.right / self.matched if self.matched else None

    @property
    def right_of_labelled(self) -> float | None:
        """Right as a share of all labelled attributions (unmatched count as not right)."""
        return self.right / self.labelled if self.labelled else None


def summarize(outcomes: Iterable[Outcome]) -> dict[str, Row]:
    """Counts per subset (`SUBSETS`) and per error category.

    Examples:
        >>> lab = Label("a", "E1", "direct", "Jane Roe")
        >>> s = Speaker(name="Jane Roe", mention="Roe", start=0, end=3)
        >>> rows = summarize([Outcome(lab, True, True, s), Outcome(lab, False, False)])
        >>> rows["direct"].labelled, rows["direct"].matched, rows["direct"].right
        (2, 1, 1)
    """
    rows = {name: Row(name) for name in SUBSETS}
    for outcome in outcomes:
        split = UNRESOLVED if outcome.label.unresolved else "named"
        for name in ("all", outcome.label.kind, split):
            row = rows.get(name or "")
            if row is None:
                continue
            row.labelled += 1
            row.matched += outcome.matched
            row.right += outcome.right
            if outcome.error:
                row.errors[outcome.error] = row.errors.get(outcome.error, 0) + 1
    return rows


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def table(rows: dict[str, Row]) -> list[str]:
    """The figures as a markdown table, direct first."""
    out = [
        "| attributions | labelled | matched | identity right "
        "| right % of matched | right % of labelled |",
        "|---|---|---|---|---|---|",
    ]
    for name in SUBSETS:
        r = rows[name]
        label = f"all, {name} label" if name in ("named", UNRESOLVED) else name
        out.append(
            f"| {label} | {r.labelled} | {r.matched} | {r.right} "
            f"| {_pct(r.right_of_matched)} | {_pct(r.right_of_labelled)} |"
        )
    return out


def _show(outcome: Outcome) -> str:
    label, pred = outcome.label, outcome.predicted
    src = label.source
    gold = f"{src['text']!r}@{src['start']}" if src else "(no source)"
    want = label.speaker + (
        f" ~ {label.description}" if label.unresolved and label.description else ""
    )
    got = (
        "None"
        if pred is None
        else f"{pred.name!r} (mention {pred.mention!r}@{pred.start}, {pred.type.value})"
    )
    where = f"{label.article} {label.attribution} [{label.kind}]"
    return f"{where} gold {gold} -> {want} | predicted {got} | {outcome.error}"


def report(
    outcomes: list[Outcome], rows: dict[str, Row], args: argparse.Namespace
) -> dict[str, Any]:
    """The machine-readable result (``--json``)."""
    return {
        "backend": args.backend,
        "tagger": args.tagger,
        "articles": len({o.label.article for o in outcomes}),
        "subsets": {
            name: {
                **{k: v for k, v in asdict(row).items() if k != "subset"},
                "right_of_matched": row.right_of_matched,
                "right_of_labelled": row.right_of_labelled,
            }
            for name, row in rows.items()
        },
        "wrong": [
            {
                "article": o.label.article,
                "attribution": o.label.attribution,
                "kind": o.label.kind,
                "label": o.label.speaker,
                "predicted": None if o.predicted is None else o.predicted.model_dump(mode="json"),
                "error": o.error,
            }
            for o in outcomes
            if o.error
        ],
    }


def _command(args: argparse.Namespace) -> str:
    parts = ["python bench/speaker_identity.py", f"--backend {args.backend}"]
    if _split(args) != "dev":
        parts.append(f"--data {args.data} --split {_split(args)}")
    if args.tagger:
        parts.append("--tagger")
    return " ".join(parts)


def _split(args: argparse.Namespace) -> str:
    """The PolNeAR split to read: ``--split``, else guessed from the label file's name."""
    if args.split:
        return str(args.split)
    return "train" if "train" in Path(args.data).name else "dev"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("fast", "stanza"), default="fast")
    parser.add_argument("--tagger", action="store_true", help="add the learned span tagger")
    parser.add_argument("--stanza-dir", default=None, help="folder with Stanza's models")
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="the labels (JSON lines)")
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"))
    parser.add_argument(
        "--split",
        choices=("dev", "train"),
        default=None,
        help="the PolNeAR split the labels are of (default: train for a file named *train*, "
        "else dev)",
    )
    parser.add_argument("--show-errors", action="store_true", help="list every wrong identity")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--markdown", metavar="FILE", help="also write the table to FILE")
    args = parser.parse_args(argv)
    try:
        outcomes = run(
            read_labels(args.data),
            args.polnear,
            backend=args.backend,
            tagger=args.tagger,
            stanza_dir=args.stanza_dir,
            split=_split(args),
        )
    except QuotesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows = summarize(outcomes)
    if args.json:
        print(json.dumps(report(outcomes, rows, args), indent=2, ensure_ascii=False))
    else:
        print("\n".join(table(rows)))
        for category, n in sorted(rows["all"].errors.items(), key=lambda kv: -kv[1]):
            print(f"  wrong, {category}: {n}")
    if args.show_errors:
        for outcome in outcomes:
            if outcome.error:
                print(_show(outcome), file=sys.stderr if args.json else sys.stdout)
    if args.markdown:
        n_articles = len({o.label.article for o in outcomes})
        header = (
            f"`{_command(args)}` ({dt.date.today().isoformat()}, quotes {__version__}, "
            f"PolNeAR {_split(args)}, {n_articles} hand-labelled articles; identity right = "
            "canonical speaker name equal to the label):"
        )
        Path(args.markdown).write_text(
            "\n".join([header, "", *table(rows)]) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0) from None
