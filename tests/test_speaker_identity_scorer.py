"""The speaker-identity scorer (bench/speaker_identity.py) on made-up records.

Name normalisation (titles, possessives, initials, case), what counts as a description for
an ``unresolved`` label, the alignment of labels with predicted quotes, the error
categories, the label file and the command line on a made-up PolNeAR-shaped folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.errors import QuotesError
from quotes.evaluation.polnear import PolnearDocument, parse_ann
from quotes.models import Quote, QuoteKind, Span, Speaker, SpeakerType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
try:
    import speaker_identity as si
finally:
    sys.path.remove(str(ROOT / "bench"))


def _speaker(
    name: str | None, kind: SpeakerType = SpeakerType.PERSON, mention: str = "x"
) -> Speaker:
    return Speaker.model_construct(
        name=name, mention=mention, start=0, end=len(mention), type=kind, role=None
    )


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Sen. Claire McCaskill (D-Mo.)", "claire mccaskill"),
        ("the Vice President Joseph R. Biden Jr.", "joseph r biden"),
        ("Trump’s", "trump"),
        ("Hillary Clinton's", "hillary clinton"),
        ("  DONALD   trump ", "donald trump"),
        ("The New York Times", "new york times"),
        ("Tulsa police Chief Chuck Jordan", "tulsa police chief chuck jordan"),
        ("Dr. Mary-Ann O'Neil", "mary ann o neil"),
        ("Pres. Jane Roe", "jane roe"),
        ("Reuters/Ipsos", "reuters ipsos"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalize_name(raw: str | None, normal: str) -> None:
    assert si.normalize_name(raw) == normal


@pytest.mark.parametrize(
    ("predicted", "accepted", "right"),
    [
        ("Mr. Obama", ["Barack Obama", "Obama"], True),
        ("Obama", ["Barack Obama"], False),  # a surname alone only where listed as an alias
        ("Charles Rangel", ["Charles B. Rangel"], True),  # initials may be left out
        ("Charles B. Rangel", ["Charles Rangel"], True),
        ("President Barack Obama", ["Barack Obama"], True),
        ("hillary rodham clinton", ["Hillary Clinton", "Hillary Rodham Clinton"], True),
        ("Bill Clinton", ["Hillary Clinton"], False),
        ("Scott", ["Bobby Scott", "Robert C. Scott"], False),
        ("", ["Jane Roe"], False),
        (None, ["Jane Roe"], False),
        ("Mr.", ["Jane Roe"], False),
    ],
)
def test_names_match(predicted: str | None, accepted: list[str], right: bool) -> None:
    assert si.names_match(predicted, accepted) is right


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ .,'’()-/", max_size=40))
def test_normalisation_is_idempotent_and_case_blind(name: str) -> None:
    once = si.normalize_name(name)
    assert si.normalize_name(once) == once
    assert si.normalize_name(name.upper()) == once == si.normalize_name(name.lower())
    if once:
        assert si.names_match(name, [name.swapcase()])


def _at(name: str, start: int, kind: SpeakerType = SpeakerType.PERSON) -> Speaker:
    """A speaker whose mention is ``name`` at ``start``."""
    return Speaker(name=name, mention=name, start=start, end=start + len(name), type=kind)


@pytest.mark.parametrize(
    ("speaker", "description"),
    [
        (None, True),
        (_speaker(""), True),
        (_speaker("a source", SpeakerType.ANONYMOUS), True),
        (_speaker("Senior Official", SpeakerType.ANONYMOUS), True),
        (_speaker("Another 19 percent"), True),
        (_speaker("20 million experts"), True),
        (_speaker("perhaps"), True),
        (_speaker("Foreign policy analysts", SpeakerType.GROUP), True),
        (_speaker("McConnell aides", SpeakerType.GROUP), True),
        (_speaker("Protesters"), False),  # a capitalised plural reads as a name
        (_speaker("Mitch McConnell"), False),
        (_speaker("Obama administration", SpeakerType.ORGANIZATION), False),
        (_speaker("Committee for a Responsible Federal Budget", SpeakerType.ORGANIZATION), False),
    ],
)
def test_is_description(speaker: Speaker | None, description: bool) -> None:
    assert si.is_description(speaker) is description


# The gold source of these cases is the span 100-130.
@pytest.mark.parametrize(
    ("speaker", "descriptions", "nobody"),
    [
        (None, [], True),
        (_at("he", 5), [], True),  # a pronoun anywhere names nobody
        (_at("I've", 5), [], True),
        (_at("a source", 5, SpeakerType.ANONYMOUS), [], True),
        (_at("Polls", 300), ["Polls"], True),  # the head of the description
        (_at("Political observers", 300), ["Political observers in Ohio"], True),
        (_at("Foreign policy analysts", 100, SpeakerType.GROUP), [], True),  # at the source
        (_at("Foreign policy analysts", 300, SpeakerType.GROUP), [], False),  # elsewhere
        (_at("perhaps", 40), [], False),  # a stray word is no kept description
        (_at("Protesters", 100), ["Small groups of protesters"], False),
        (_at("Mitch McConnell", 100), ["those close to him"], False),
        (_at("Obama", 110), ["advisers to Mr. Obama"], False),  # not the head
    ],
)
def test_names_nobody(speaker: Speaker | None, descriptions: list[str], nobody: bool) -> None:
    assert si.names_nobody(speaker, (100, 130), descriptions) is nobody


def test_unresolved_label_is_right_unless_someone_is_named() -> None:
    label = si.Label(
        "a",
        "E1",
        "indirect",
        si.UNRESOLVED,
        source={"start": 0, "end": 7, "text": "sources"},
        description="sources",
    )
    assert label.unresolved
    assert label.accepts(None)
    assert label.accepts(_speaker("sources", SpeakerType.GROUP))
    assert label.accepts(_speaker("they"))
    assert not label.accepts(_speaker("Jane Roe"))
    no_source = si.Label("a", "E2", "indirect", si.UNRESOLVED, description="(no source)")
    assert no_source.accepts(None) and no_source.accepts(_speaker("it"))
    assert not no_source.accepts(_speaker("implication"))
    stray = si.Outcome(no_source, matched=True, right=False, predicted=_speaker("implication"))
    assert stray.error == "stray word or description from elsewhere"
    named = si.Outcome(no_source, matched=True, right=False, predicted=_speaker("Jane Roe"))
    assert named.error == "named an entity the article does not name"


def test_named_label_accepts_aliases_only() -> None:
    label = si.Label("a", "E1", "direct", "Hillary Clinton", aliases=("Hillary Rodham Clinton",))
    assert label.accepts(_speaker("Mrs. Hillary Rodham Clinton"))
    assert not label.accepts(_speaker("Clinton"))
    assert not label.accepts(_speaker("the former secretary of state"))
    assert not label.accepts(None)


# ---------------------------------------------------------------- one made-up article

# Offsets checked in test_score_article_judges_each_label.
TEXT = (
    '"The bridge will open in May," said Mayor Ann Kovac. '  # 0-53
    "The council approved the budget, an aide said. "  # 53-100
    '"We need more buses," she added. '  # 100-133
    "Critics said the plan was late."  # 133-164
)
ANN = (
    "T1\tSource 36 51\tMayor Ann Kovac\n"
    "T2\tCue 31 35\tsaid\n"
    'T3\tContent 0 30\t"The bridge will open in May,"\n'
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    "T4\tSource 86 93\tan aide\n"
    "T5\tCue 94 98\tsaid\n"
    "T6\tContent 53 84\tThe council approved the budget\n"
    "E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n"
    "T7\tSource 122 125\tshe\n"
    "T8\tCue 126 131\tadded\n"
    'T9\tContent 100 121\t"We need more buses,"\n'
    "E3\tAttribution:T8 Source:T7 Cue:T8 Content:T9\n"
    "T10\tSource 133 140\tCritics\n"
    "T11\tCue 141 145\tsaid\n"
    "T12\tContent 146 163\tthe plan was late\n"
    "E4\tAttribution:T11 Source:T10 Cue:T11 Content:T12\n"
)


def _document() -> PolnearDocument:
    attributions, discards = parse_ann(ANN, TEXT)
    return PolnearDocument(
        name="made-up",
        split="dev",
        annotator="ab",
        annotators=("ab",),
        text=TEXT,
        attributions=attributions,
        discards=discards,
    )


def _label(att: str, kind: str, speaker: str, start: int, end: int, **extra: object) -> si.Label:
    source = {"start": start, "end": end, "text": TEXT[start:end]}
    return si.Label("made-up", att, kind, speaker, source=source, **extra)  # type: ignore[arg-type]


LABELS = [
    _label("E1", "direct", "Ann Kovac", 36, 51),
    _label("E2", "indirect", si.UNRESOLVED, 86, 93, description="an aide"),
    _label("E3", "direct", "Ann Kovac", 122, 125),
    _label("E4", "indirect", si.UNRESOLVED, 133, 140),
]


def _quote(
    start: int, end: int, speaker: Speaker | None, kind: QuoteKind, cue: tuple[int, int]
) -> Quote:
    return Quote(
        text=TEXT[start:end],
        start=start,
        end=end,
        kind=kind,
        speaker=speaker,
        cue=Span(text=TEXT[cue[0] : cue[1]], start=cue[0], end=cue[1]),
    )


def test_score_article_judges_each_label() -> None:
    assert [TEXT[a:b] for a, b in ((36, 51), (86, 93), (122, 125), (133, 140))] == [
        "Mayor Ann Kovac",
        "an aide",
        "she",
        "Critics",
    ]
    quotes = [
        _quote(
            0,
            30,
            Speaker(name="Ann Kovac", mention="Mayor Ann Kovac", start=36, end=51),
            QuoteKind.DIRECT,
            (31, 35),
        ),
        _quote(
            53,
            84,
            Speaker(name="Ann Kovac", mention="Kovac", start=46, end=51),
            QuoteKind.INDIRECT,
            (94, 98),
        ),
        _quote(
            100,
            121,
            Speaker(name="she", mention="she", start=122, end=125),
            QuoteKind.DIRECT,
            (126, 131),
        ),
        _quote(146, 150, None, QuoteKind.INDIRECT, (141, 145)),  # 'the' only: token F1 2/5 < 0.5
    ]
    outcomes = si.score_article(_document(), LABELS, quotes)
    assert [(o.matched, o.right, o.error) for o in outcomes] == [
        (True, True, ""),
        (True, False, "named an entity the article does not name"),
        (True, False, "pronoun kept as name"),
        (False, False, ""),
    ]
    rows = si.summarize(outcomes)
    assert (rows["all"].labelled, rows["all"].matched, rows["all"].right) == (4, 3, 1)
    assert (rows["direct"].labelled, rows["direct"].matched, rows["direct"].right) == (2, 2, 1)
    assert rows["direct"].right_of_matched == 0.5 and rows["all"].right_of_labelled == 0.25
    assert (rows["named"].labelled, rows["unresolved"].labelled) == (2, 2)
    assert rows["all"].errors == {
        "named an entity the article does not name": 1,
        "pronoun kept as name": 1,
    }


@pytest.mark.parametrize(
    ("name", "error"),
    [
        (None, "no speaker"),
        ("Kovac", "partial name"),
        ("mayor", "description kept as name"),
        ("Mayor", "description kept as name"),
        ("Bob Kovac", "wrong name"),
        ("Kingstown Mayor Ann Kovac (D)", "role or other words kept in name"),
        ("his", "pronoun kept as name"),
    ],
)
def test_error_categories(name: str | None, error: str) -> None:
    speaker = (
        None if name is None else Speaker(name=name, mention="Mayor Ann Kovac", start=36, end=51)
    )
    quotes = [_quote(0, 30, speaker, QuoteKind.DIRECT, (31, 35))]
    (outcome,) = si.score_article(_document(), LABELS[:1], quotes)
    assert outcome.matched and not outcome.right and outcome.error == error


def test_a_label_made_against_another_annotation_is_refused() -> None:
    moved = _label("E1", "direct", "Ann Kovac", 41, 51)
    with pytest.raises(QuotesError, match="source"):
        si.score_article(_document(), [moved], [])
    with pytest.raises(QuotesError, match="E9"):
        si.score_article(_document(), [si.Label("made-up", "E9", "direct", "Ann Kovac")], [])


# ---------------------------------------------------------------- files and command line


def test_read_labels(tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text(
        json.dumps(
            {
                "article": "a",
                "attribution": "E1",
                "kind": "direct",
                "speaker": "Jane Roe",
                "aliases": ["Jane Q. Roe"],
                "source": {"start": 0, "end": 3, "text": "Roe"},
            }
        )
        + "\n\n",
        encoding="utf-8",
    )
    (label,) = si.read_labels(path)
    assert label.source is not None
    assert (label.speaker, label.aliases, label.source["text"]) == (
        "Jane Roe",
        ("Jane Q. Roe",),
        "Roe",
    )
    path.write_text('{"article": "a"}\n', encoding="utf-8")
    with pytest.raises(QuotesError, match=":1: malformed"):
        si.read_labels(path)
    with pytest.raises(QuotesError, match="no such label file"):
        si.read_labels(tmp_path / "missing.jsonl")


def test_command_line_on_a_made_up_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "polnear"
    (corpus / "dev" / "text").mkdir(parents=True)
    (corpus / "dev" / "attributions").mkdir()
    (corpus / "dev" / "text" / "made-up.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "dev" / "attributions" / "made-up_ab.ann").write_text(ANN, encoding="utf-8")
    data = tmp_path / "labels.jsonl"
    data.write_text(
        "".join(json.dumps({**vars(lab), "aliases": list(lab.aliases)}) + "\n" for lab in LABELS),
        encoding="utf-8",
    )
    figures = tmp_path / "figures.md"
    code = si.main(
        ["--polnear", str(corpus), "--data", str(data), "--json", "--markdown", str(figures)]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["articles"] == 1 and result["subsets"]["all"]["labelled"] == 4
    assert result["subsets"]["direct"]["labelled"] == 2
    assert figures.read_text(encoding="utf-8").startswith(
        "`python bench/speaker_identity.py --backend fast`"
    )
    assert si.main(["--polnear", str(tmp_path / "nowhere"), "--data", str(data)]) == 2


def test_command_line_reads_the_train_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "polnear"
    (corpus / "train" / "text").mkdir(parents=True)
    (corpus / "train" / "attributions").mkdir()
    (corpus / "dev" / "text").mkdir(parents=True)
    (corpus / "dev" / "attributions").mkdir()
    (corpus / "dev" / "text" / "other.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "dev" / "attributions" / "other_ab.ann").write_text(ANN, encoding="utf-8")
    (corpus / "train" / "text" / "made-up.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "train" / "attributions" / "made-up_ab.ann").write_text(ANN, encoding="utf-8")
    data = tmp_path / "speaker_identity_train.jsonl"
    data.write_text(
        "".join(json.dumps({**vars(lab), "aliases": list(lab.aliases)}) + "\n" for lab in LABELS),
        encoding="utf-8",
    )
    assert si.main(["--polnear", str(corpus), "--data", str(data), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["subsets"]["all"]["labelled"] == 4
    code = si.main(["--polnear", str(corpus), "--data", str(data), "--split", "dev"])
    assert code == 2
    assert "not in dev" in capsys.readouterr().err
