import subprocess
import sys
from pathlib import Path

import pytest

import quotes
from quotes.attribution.rules import RULES, Rule, RuleTable, rules_markdown

ROOT = Path(__file__).resolve().parents[1]


class TestRuleTable:
    def test_every_rule_is_applied_by_some_function(self):
        import quotes.attribution  # noqa: F401

        assert [r.name for r in RULES if not r.functions] == []

    def test_a_rule_cannot_be_declared_twice(self):
        table = RuleTable()
        table.declare("direct", "x", 0.5, "x")
        with pytest.raises(ValueError, match="twice"):
            table.declare("direct", "x", 0.6, "y")

    def test_an_unknown_rule_is_a_key_error_naming_it(self):
        with pytest.raises(KeyError, match="direct/no-such-rule"):
            RULES["direct", "no-such-rule"]

    def test_pronoun_speaker_costs_confidence(self):
        rule = Rule("direct", "x", 0.9, "")
        assert rule.confidence_for("Peskov") == 0.9
        assert rule.confidence_for("She") == 0.8
        assert rule.confidence_for(None) == 0.3


class TestProvenanceNamesTheRule:
    @pytest.mark.parametrize(
        ("text", "rule", "speaker"),
        [
            ("“We are ready to talk,” said Dmitry Peskov.", "after:inverted", "Dmitry Peskov"),
            ("“We are ready to talk,” Dmitry Peskov said.", "after", "Dmitry Peskov"),
            ("Dmitry Peskov replied, “We are ready to talk.”", "before", "Dmitry Peskov"),
            ("According to Dmitry Peskov, “We are ready to talk.”", "before:according", "Dmitry Peskov"),
        ],
    )
    def test_direct_rules(self, text, rule, speaker):
        (q,) = quotes.extract(text, backend="fast")
        assert q.provenance.rules == ("direct", rule)
        assert q.speaker.name == speaker
        assert q.confidence == RULES["direct", rule].confidence

    def test_reported_rule(self):
        (q,) = quotes.extract("Dmitry Peskov said that the talks would resume in June.", backend="fast")
        assert q.provenance.rules == ("reported", "cue-first")
        assert q.text == "that the talks would resume in June"
        assert q.confidence == RULES["reported", "cue-first"].confidence

    def test_every_rule_in_the_output_is_in_the_table(self):
        names = {(r.family, r.name) for r in RULES}
        for path in sorted((ROOT / "seeds").glob("*.txt")):
            for q in quotes.extract(path.read_text(encoding="utf-8"), backend="fast"):
                assert tuple(q.provenance.rules) in names


def test_rules_page_is_current():
    result = subprocess.run(
        [sys.executable, "scripts/rules_page.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_rules_page_lists_every_rule():
    page = rules_markdown()
    for rule in RULES:
        assert f"| `{rule.name}` |" in page
