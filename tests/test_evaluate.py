"""Tests of the PolNeAR reader (quotes.evaluation.polnear) and the scorer (quotes.evaluation.evaluate)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import quotes.pipeline
from quotes.cli.main import main
from quotes.errors import CorpusFormatError
from quotes.evaluation.evaluate import (
    MATCH_THRESHOLD,
    SUBSETS,
    EvaluationReport,
    evaluate,
    format_report,
    normalize_span,
    score_document,
)
from quotes.models import Article, CueType, Quote, QuoteKind, Span, Speaker
from quotes.evaluation.polnear import (
    PolnearDocument,
    classify_cue,
    classify_kind,
    parse_ann,
    quoted_regions,
    read_polnear,
)

# ---------------------------------------------------------------- fixtures

# Offsets:   0         1         2         3         4         5         6         7
#            0123456789012345678901234567890123456789012345678901234567890123456789012345
TEXT_A = (
    '"We will win," Smith said. Taxes will rise, the mayor told reporters.\n'
    "Jones believes the plan fails.\n"
    "Read more at example.com.\n"
)
# Content 1: '"We will win,"' 0-14; source Smith 15-20; cue said 21-25.
# Content 2: 'Taxes will rise' 27-42; source 'the mayor' 44-53; cue 'told' 54-58.
# Content 3: 'the plan fails' 85-99; source Jones 70-75; cue believes 76-84.
# Discard: 'Read more at example.com.' 101-126.

ANN_A = (
    "T1\tSource 15 20\tSmith\n"
    "T2\tCue 21 25\tsaid\n"
    'T3\tContent 0 14\t"We will win,"\n'
    "T4\tAttribution 21 25\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 44 53\tthe mayor\n"
    "T6\tCue 54 58\ttold\n"
    "T7\tContent 27 42\tTaxes will rise\n"
    "T8\tAttribution 54 58\ttold\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    "T9\tSource 70 75\tJones\n"
    "T10\tCue 76 84\tbelieves\n"
    "T11\tContent 85 99\tthe plan fails\n"
    "T12\tAttribution 76 84\tbelieves\n"
    "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9\n"
    "T13\tDiscard 101 126\tRead more at example.com.\n"
)

# A direct quote split around its attribution, and a mixed one.
TEXT_B = '"The plan," Lee said, "is dead." Kim called it "a disaster" for all.'
#          0         1         2         3         4         5         6
#          0123456789012345678901234567890123456789012345678901234567890123456789
ANN_B = (
    "T1\tSource 12 15\tLee\n"
    "T2\tCue 16 20\tsaid\n"
    'T3\tContent 0 11;22 32\t"The plan," "is dead."\n'
    "T4\tAttribution 16 20\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 33 36\tKim\n"
    "T6\tCue 37 43\tcalled\n"
    'T7\tContent 44 67\tit "a disaster" for all\n'
    "T8\tAttribution 37 43\tcalled\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
)

METADATA = (
    "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\n"
    "dev\tdoc-a\t1\tzz\tnyt\t2016-09-12\tX\tTitle A\n"
    "dev\tdoc-b\t1\taa\tpolitico\t2016-09-13\tY\tTitle B\n"
)


def write_corpus(
    root: Path, docs: dict[str, tuple[str, dict[str, str]]], metadata: str = ""
) -> Path:
    """Write a tiny PolNeAR-like corpus: {name: (text, {annotator: ann})}."""
    for sub in ("text", "attributions"):
        (root / "dev" / sub).mkdir(parents=True, exist_ok=True)
    (root / "train" / "text").mkdir(parents=True, exist_ok=True)
    (root / "train" / "attributions").mkdir(parents=True, exist_ok=True)
    for name, (text, anns) in docs.items():
        (root / "dev" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        for annotator, ann in anns.items():
            path = root / "dev" / "attributions" / f"{name}_{annotator}.ann"
            path.write_text(ann, encoding="utf-8")
    if metadata:
        (root / "metadata.tsv").write_text(metadata, encoding="utf-8")
    return root


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(
        tmp_path / "polnear",
        {"doc-a": (TEXT_A, {"zz": ANN_A}), "doc-b": (TEXT_B, {"aa": ANN_B})},
        METADATA,
    )


def doc_from(text: str, ann: str, name: str = "doc") -> PolnearDocument:
    attributions, discards = parse_ann(ann, text)
    return PolnearDocument(
        name=name,
        split="dev",
        annotator="x",
        annotators=("x",),
        text=text,
        attributions=attributions,
        discards=discards,
    )


def quote(
    text: str,
    start: int,
    end: int,
    *,
    kind: QuoteKind = QuoteKind.INDIRECT,
    cue: tuple[int, int] | None = None,
    speaker: tuple[int, int] | None = None,
    name: str | None = None,
    cue_type: CueType = CueType.SPEECH,
) -> Quote:
    return Quote(
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,
        cue_type=cue_type,
        cue=Span(text=text[cue[0] : cue[1]], start=cue[0], end=cue[1]) if cue else None,
        speaker=(
            Speaker(
                name=name or text[speaker[0] : speaker[1]],
                mention=text[speaker[0] : speaker[1]],
                start=speaker[0],
                end=speaker[1],
            )
            if speaker
            else None
        ),
    )


def perfect(doc: PolnearDocument) -> list[Quote]:
    """A predictor that returns exactly the gold, one quote per content piece."""
    out = []
    for att in doc.attributions:
        assert att.content is not None
        cue = (att.cue.start, att.cue.end) if att.cue else None
        src = (att.source.start, att.source.end) if att.source else None
        for a, b in att.content.segments:
            out.append(
                quote(
                    doc.text,
                    a,
                    b,
                    kind=att.kind or QuoteKind.INDIRECT,
                    cue=cue,
                    speaker=src,
                    cue_type=att.cue_type,
                )
            )
    return out


# ---------------------------------------------------------------- reader


class TestReadPolnear:
    def test_success(self, corpus: Path) -> None:
        docs = list(read_polnear(corpus, "dev"))
        assert [d.name for d in docs] == ["doc-a", "doc-b"]
        a = docs[0]
        assert (a.publisher, str(a.published), a.title) == ("nyt", "2016-09-12", "Title A")
        assert len(a.attributions) == 3
        first = a.attributions[0]
        assert first.source is not None and first.source.text == "Smith"
        assert first.cue is not None and first.cue.text == "said"
        assert first.content is not None and first.content.text == '"We will win,"'
        assert [d.text for d in a.discards] == ["Read more at example.com."]

    def test_discontinuous_content(self, corpus: Path) -> None:
        b = list(read_polnear(corpus, "dev"))[1]
        content = b.attributions[0].content
        assert content is not None
        assert content.segments == ((0, 11), (22, 32))
        assert content.discontinuous
        assert content.text == '"The plan," "is dead."'

    def test_content2_joins_the_content(self) -> None:
        ann = (
            ANN_B.replace("T3\tContent 0 11;22 32", "T3\tContent 0 11").replace(
                "Source:T1\n", "Source:T1 Content2:T9\n", 1
            )
            + 'T9\tContent 22 32\t"is dead."\n'
        )
        (att, _), _ = parse_ann(ann, TEXT_B)
        assert att.content is not None and att.content.segments == ((0, 11), (22, 32))

    def test_first_annotator_is_chosen(self, tmp_path: Path) -> None:
        other = ANN_A.replace("T1\tSource 15 20\tSmith", 'T1\tSource 0 5\t"We w')
        root = write_corpus(tmp_path, {"doc-a": (TEXT_A, {"zz": other, "ab": ANN_A})})
        (doc,) = read_polnear(root, "dev")
        assert doc.annotator == "ab"
        assert doc.annotators == ("ab", "zz")
        assert doc.attributions[0].source is not None
        assert doc.attributions[0].source.text == "Smith"

    def test_metadata_is_optional(self, tmp_path: Path) -> None:
        root = write_corpus(tmp_path, {"doc-a": (TEXT_A, {"zz": ANN_A})})
        (doc,) = read_polnear(root, "dev")
        assert doc.publisher is None

    def test_unannotated_text_is_skipped(self, tmp_path: Path) -> None:
        root = write_corpus(tmp_path, {"doc-a": (TEXT_A, {"zz": ANN_A}), "doc-c": ("Hi.", {})})
        assert [d.name for d in read_polnear(root, "dev")] == ["doc-a"]

    def test_limit(self, corpus: Path) -> None:
        assert len(list(read_polnear(corpus, "dev", limit=1))) == 1

    def test_continuation_lines_and_notes_are_skipped(self) -> None:
        ann = ANN_A.replace(
            "T7\tContent 27 42\tTaxes will rise\n", "T7\tContent 27 42\tTaxes\nwill rise\n"
        )
        ann += "#1\tAnnotatorNotes T3\tA note\n"
        attributions, _ = parse_ann(ann, TEXT_A)
        assert len(attributions) == 3

    def test_missing_folder_fails(self, tmp_path: Path) -> None:
        with pytest.raises(CorpusFormatError, match="no such folder"):
            list(read_polnear(tmp_path / "nope", "dev"))

    def test_folder_without_split_fails(self, tmp_path: Path) -> None:
        with pytest.raises(CorpusFormatError, match="not a PolNeAR folder"):
            list(read_polnear(tmp_path, "dev"))

    def test_unknown_split_fails(self, corpus: Path) -> None:
        with pytest.raises(CorpusFormatError, match="unknown split"):
            list(read_polnear(corpus, "test"))

    def test_malformed_span_line_fails(self) -> None:
        with pytest.raises(CorpusFormatError, match="malformed span line"):
            parse_ann("T1\tSource twelve 15\tSmith\n", TEXT_A)

    def test_span_outside_text_fails(self) -> None:
        with pytest.raises(CorpusFormatError, match="outside the text"):
            parse_ann("T1\tSource 15 9999\tSmith\n", TEXT_A)

    def test_unknown_reference_fails(self) -> None:
        with pytest.raises(CorpusFormatError, match="unknown span"):
            parse_ann("T1\tSource 15 20\tSmith\nE1\tAttribution:T9 Source:T1\n", TEXT_A)

    def test_missing_parts_are_none(self) -> None:
        ann = "T1\tCue 21 25\tsaid\nT2\tContent 0 14\tx\n"
        ann += "E1\tAttribution-no-source:T1 Cue:T1 Content:T2\n"
        (att,), _ = parse_ann(ann, TEXT_A)
        assert att.source is None
        assert att.content is not None


class TestClassifyKind:
    def test_direct_with_marks(self) -> None:
        assert classify_kind(TEXT_A, [(0, 14)]) is QuoteKind.DIRECT

    def test_direct_without_marks_in_span(self) -> None:
        assert classify_kind(TEXT_A, [(1, 12)]) is QuoteKind.DIRECT

    def test_discontinuous_direct(self) -> None:
        assert classify_kind(TEXT_B, [(0, 11), (22, 32)]) is QuoteKind.DIRECT

    def test_mixed(self) -> None:
        assert classify_kind(TEXT_B, [(44, 67)]) is QuoteKind.MIXED

    def test_indirect(self) -> None:
        assert classify_kind(TEXT_A, [(27, 42)]) is QuoteKind.INDIRECT

    def test_leading_that_keeps_direct(self) -> None:
        text = 'He said that "we will win big."'
        assert classify_kind(text, [(8, 31)]) is QuoteKind.DIRECT

    def test_curly_marks(self) -> None:
        text = "She said “we will win” and “lose.” Not this."
        assert classify_kind(text, [(9, 34)]) is QuoteKind.MIXED
        assert classify_kind(text, [(9, 22)]) is QuoteKind.DIRECT

    def test_doubled_apostrophes_are_quote_marks(self) -> None:
        text = "''We won,'' he said of the party's win."
        assert classify_kind(text, [(0, 11)]) is QuoteKind.DIRECT
        assert classify_kind(text, [(2, 8)]) is QuoteKind.DIRECT
        assert classify_kind(text, [(20, 38)]) is QuoteKind.INDIRECT

    def test_unclosed_quote_ends_at_paragraph(self) -> None:
        text = '"First paragraph of a quote.\nNot quoted here.'
        assert quoted_regions(text) == [(0, 28)]
        assert classify_kind(text, [(29, 45)]) is QuoteKind.INDIRECT


class TestClassifyCue:
    @pytest.mark.parametrize("cue", ["said", "told", "wrote", "announced", "said in a statement"])
    def test_speech(self, cue: str) -> None:
        assert classify_cue(cue) is CueType.SPEECH

    @pytest.mark.parametrize(
        "cue", ["believes", "thinks", "want", "hopes", "is expected", "fears", "saw"]
    )
    def test_belief(self, cue: str) -> None:
        assert classify_cue(cue) is CueType.BELIEF

    @pytest.mark.parametrize("cue", ["according to", "shows", "found"])
    def test_claim(self, cue: str) -> None:
        assert classify_cue(cue) is CueType.CLAIM

    def test_speech_word_wins_over_belief(self) -> None:
        assert classify_cue("said he believes") is CueType.SPEECH

    def test_gold_cue_types(self) -> None:
        attributions, _ = parse_ann(ANN_A, TEXT_A)
        assert [a.cue_type for a in attributions] == [
            CueType.SPEECH,
            CueType.SPEECH,
            CueType.BELIEF,
        ]
        assert [a.is_speech for a in attributions] == [True, True, False]


# ---------------------------------------------------------------- scorer


class TestNormalizeSpan:
    @pytest.mark.parametrize("mark", ["“”", '""', "‘’", "''", "«»", "„“"])
    def test_marks_of_every_style_are_stripped(self, mark: str) -> None:
        text = f"{mark[0]}We win,{mark[1]} he said."
        assert normalize_span(text, [(0, 9)]) == normalize_span(text, [(1, 7)]) == ((1, 7),)

    @pytest.mark.parametrize("edge", [",", ".", ";", ":", " ", "\n", " — "])
    def test_punctuation_and_space_are_stripped(self, edge: str) -> None:
        text = f"{edge}word here{edge}"
        assert normalize_span(text, [(0, len(text))]) == ((len(edge), len(edge) + 9),)

    def test_doubled_apostrophes_are_stripped(self) -> None:
        text = "''We win,'' he said."
        assert normalize_span(text, [(0, 11)]) == ((2, 8),)

    def test_only_punctuation_is_empty(self) -> None:
        assert normalize_span('", "', [(0, 4)]) == ()

    def test_pieces_split_by_marks_are_joined(self) -> None:
        text = '"A," "B."'
        assert normalize_span(text, [(0, 4), (5, 9)]) == ((1, 7),)


class TestScoreDocument:
    def test_perfect_predictor_scores_one(self) -> None:
        for text, ann in ((TEXT_A, ANN_A), (TEXT_B, ANN_B)):
            doc = doc_from(text, ann)
            counts = score_document(doc, perfect(doc))
            for name in SUBSETS:
                s = counts[name].scores()
                if s.n_gold:
                    assert s.content_exact.f1 == 1.0, name
                    assert s.content_overlap.f1 == 1.0, name
                    assert s.source_exact.f1 == 1.0, name
                    assert s.cue_exact.f1 == 1.0, name
                    assert s.speaker_right == 1.0, name

    def test_empty_predictor_has_zero_recall(self) -> None:
        s = score_document(doc_from(TEXT_A, ANN_A), [])["all"].scores()
        assert s.n_gold == 3 and s.n_pred == 0
        assert s.content_exact.recall == 0.0
        assert s.content_overlap.recall == 0.0
        assert s.content_exact.precision == 0.0

    def test_exact_match_ignores_quote_marks(self) -> None:
        doc = doc_from(TEXT_A, ANN_A)
        pred = quote(TEXT_A, 1, 12, kind=QuoteKind.DIRECT, cue=(21, 25), speaker=(15, 20))
        s = score_document(doc, [pred])["direct"].scores()
        assert s.content_exact.f1 == 1.0
        assert s.source_exact.f1 == 1.0
        assert s.cue_exact.f1 == 1.0

    def test_discontinuous_gold_matches_parts_sharing_a_cue(self) -> None:
        doc = doc_from(TEXT_B, ANN_B)
        parts = [
            quote(TEXT_B, 1, 9, kind=QuoteKind.DIRECT, cue=(16, 20), speaker=(12, 15)),
            quote(TEXT_B, 23, 31, kind=QuoteKind.DIRECT, cue=(16, 20), speaker=(12, 15)),
        ]
        s = score_document(doc, parts)["direct"].scores()
        assert (s.n_pred, s.n_gold) == (1, 1)
        assert s.content_exact.f1 == 1.0

    def test_one_piece_of_discontinuous_gold_is_partial(self) -> None:
        doc = doc_from(TEXT_B, ANN_B)
        pred = quote(TEXT_B, 1, 9, kind=QuoteKind.DIRECT, cue=(16, 20), speaker=(12, 15))
        s = score_document(doc, [pred])["direct"].scores()
        assert s.content_exact.f1 == 0.0
        # "The plan" (2 tokens) against "The plan is dead" (4): token F1 = 2*2/6.
        assert s.content_overlap.precision == pytest.approx(2 / 3)
        assert s.content_overlap.recall == pytest.approx(2 / 3)
        assert 2 / 3 >= MATCH_THRESHOLD and s.n_matched == 1

    def test_partial_overlap_is_soft(self) -> None:
        doc = doc_from(TEXT_A, ANN_A)
        pred = quote(TEXT_A, 27, 32)  # "Taxes" against "Taxes will rise"
        s = score_document(doc, [pred])["all"].scores()
        assert s.content_exact.f1 == 0.0
        assert s.content_overlap.precision == pytest.approx(0.5)
        assert s.content_overlap.recall == pytest.approx(0.5 / 3)
        assert s.n_matched == 1

    def test_each_gold_is_matched_once(self) -> None:
        doc = doc_from(TEXT_A, ANN_A)
        preds = [quote(TEXT_A, 27, 42), quote(TEXT_A, 27, 42, cue=(54, 58))]
        s = score_document(doc, preds)["all"].scores()
        assert s.content_exact.precision == 0.5
        assert s.content_exact.recall == pytest.approx(1 / 3)

    def test_predictions_in_discard_are_ignored(self) -> None:
        doc = doc_from(TEXT_A, ANN_A)
        preds = [quote(TEXT_A, 27, 42), quote(TEXT_A, 101, 125)]
        s = score_document(doc, preds)["all"].scores()
        assert s.n_pred == 1
        assert s.content_exact.precision == 1.0

    def test_wrong_kind_is_miss_and_false_alarm(self) -> None:
        doc = doc_from(TEXT_A, ANN_A)
        pred = quote(TEXT_A, 1, 12, kind=QuoteKind.INDIRECT)
        counts = score_document(doc, [pred])
        assert counts["direct"].scores().content_exact.recall == 0.0
        assert counts["indirect"].scores().content_exact.precision == 0.0
        assert counts["all"].scores().content_exact.precision == 1.0

    def test_speech_subset_leaves_out_beliefs(self) -> None:
        doc = doc_from(TEXT_A, ANN_A)
        preds = [quote(TEXT_A, 85, 99, cue_type=CueType.BELIEF), quote(TEXT_A, 27, 42)]
        counts = score_document(doc, preds)
        speech = counts["speech"].scores()
        assert (speech.n_gold, speech.n_pred) == (2, 1)
        assert speech.content_exact.precision == 1.0
        assert counts["all"].scores().content_exact.precision == 1.0

    def test_wrong_source_with_right_content(self) -> None:
        doc = doc_from(TEXT_A, ANN_A)
        pred = quote(TEXT_A, 27, 42, cue=(54, 58), speaker=(48, 53))  # "mayor" vs "the mayor"
        s = score_document(doc, [pred])["all"].scores()
        assert s.content_exact.precision == 1.0
        assert s.source_exact.precision == 0.0
        assert s.source_accuracy == 0.0
        assert s.cue_accuracy == 1.0
        assert s.speaker_right == 1.0  # the mention overlaps the gold source

    def test_speaker_right_by_canonical_name(self) -> None:
        doc = doc_from(TEXT_A, ANN_A)
        # Mention elsewhere ("Jones"), but the canonical name ends like the gold source.
        pred = quote(TEXT_A, 1, 12, kind=QuoteKind.DIRECT, speaker=(70, 75), name="Ann Smith")
        assert score_document(doc, [pred])["direct"].scores().speaker_right == 1.0
        wrong = quote(TEXT_A, 1, 12, kind=QuoteKind.DIRECT, speaker=(70, 75))
        assert score_document(doc, [wrong])["direct"].scores().speaker_right == 0.0


class TestEvaluate:
    def test_report(self, corpus: Path) -> None:
        docs = {d.name: d for d in read_polnear(corpus, "dev")}

        def extractor(article: Article) -> list[Quote]:
            assert article.id is not None
            return perfect(docs[article.id])

        report = evaluate(corpus, "dev", extractor=extractor, by_outlet=True)
        assert isinstance(report, EvaluationReport) and report.pipeline == "custom"
        assert report.documents == 2
        assert report.subsets["all"].n_gold == 5
        assert report.subsets["all"].content_exact.f1 == 1.0
        assert report.subsets["mixed"].n_gold == 1
        assert set(report.by_outlet) == {"nyt", "politico"}
        assert EvaluationReport.model_validate_json(report.model_dump_json()) == report
        table = format_report(report)
        assert "direct" in table and "politico" in table

    def test_failures_count_as_missed(self, corpus: Path) -> None:
        def broken(article: Article) -> list[Quote]:
            raise RuntimeError("boom")

        report = evaluate(corpus, "dev", extractor=broken)
        assert len(report.failures) == 2
        assert "boom" in report.failures[0]
        assert report.subsets["all"].content_exact.recall == 0.0

    def test_bad_path_fails_before_extracting(self, tmp_path: Path) -> None:
        with pytest.raises(CorpusFormatError):
            evaluate(tmp_path / "missing", extractor=lambda article: [])


class TestCli:
    def test_bad_path_exits_1(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["evaluate", str(tmp_path / "missing")]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no such folder" in err

    def test_json_output(
        self, corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        docs = {d.name: d for d in read_polnear(corpus, "dev")}
        monkeypatch.setattr(
            quotes.pipeline.Extractor,
            "extract_article",
            lambda self, article: perfect(docs[article.id]),
        )
        assert main(["evaluate", str(corpus), "--format", "json", "--limit", "1"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["documents"] == 1
        assert data["backend"] == "fast" and data["pipeline"] == "rules"
        assert data["subsets"]["all"]["content_exact"]["f1"] == 1.0

    def test_table_output_by_outlet(
        self, corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setattr(quotes.pipeline.Extractor, "extract_article", lambda self, a: [])
        assert main(["evaluate", str(corpus), "--by-outlet"]) == 0
        out = capsys.readouterr().out
        assert "By outlet" in out and "nyt" in out


    def test_compare_prints_rules_and_tagger_side_by_side(
        self, corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # The rules find nothing, the tagger finds every gold content: the rows must differ.
        docs = {d.name: d for d in read_polnear(corpus, "dev")}

        def fake(self: quotes.pipeline.Extractor, article: Article) -> list[Quote]:
            return perfect(docs[article.id]) if self.tagger else []

        monkeypatch.setattr(quotes.pipeline.Extractor, "extract_article", fake)
        assert main(["evaluate", str(corpus), "--tagger", "--compare"]) == 0
        out = capsys.readouterr().out
        side = out[out.index("Side by side") :].splitlines()
        rows = {tuple(line.split()[:4]): line.split() for line in side[3:]}
        assert rows[("all", "rules", "5", "0")][4:7] == ["0.0", "0.0", "0.0"]
        assert rows[("all", "rules", "+", "tagger")][4:9] == ["5", "5", "100.0", "100.0", "100.0"]
        assert main(["evaluate", str(corpus), "--tagger", "--compare", "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert list(data) == ["rules", "rules + tagger"]
        assert data["rules"]["subsets"]["all"]["content_exact"]["recall"] == 0.0
        assert data["rules + tagger"]["subsets"]["all"]["content_exact"]["f1"] == 1.0

    def test_compare_without_a_learned_component_is_a_usage_error(
        self, corpus: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["evaluate", str(corpus), "--compare"]) == 2
        assert "--compare needs --tagger or --accurate" in capsys.readouterr().err


# ---------------------------------------------------------------- real data


def polnear_dir() -> Path:
    env = os.environ.get("QUOTES_POLNEAR_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "polnear"


@pytest.mark.skipif(not (polnear_dir() / "dev").is_dir(), reason="PolNeAR is not available")
def test_real_dev_split_reads() -> None:
    docs = list(read_polnear(polnear_dir(), "dev"))
    assert len(docs) == 84
    assert len({d.publisher for d in docs}) == 7
    kinds = {a.kind for d in docs for a in d.attributions}
    assert {QuoteKind.DIRECT, QuoteKind.INDIRECT, QuoteKind.MIXED} <= kinds
    for doc in docs[:10]:
        for att in doc.attributions:
            if att.content is not None:
                assert all(0 <= a <= b <= len(doc.text) for a, b in att.content.segments)
