"""The attribution rules, declared in one ordered table.

Every pattern that can attribute a quote is a [`Rule`][quotes.attribution.rules.Rule]: its ``name``
is what a quote's `quotes.models.Provenance.rules` says (``("direct", "after:inverted")``), its
``family`` the component that applies it, its ``confidence`` the base confidence of the quotes it
makes (before the pronoun penalty, see
[`Rule.confidence_for`][quotes.attribution.rules.Rule.confidence_for]), and its ``summary`` what it
reads, with an example. The function that applies a rule registers itself with
[`RuleTable.implements`][quotes.attribution.rules.RuleTable.implements], so the table also says
where each rule lives.

Adding a pattern is one row here and one function decorated with
``@RULES.implements("family", "name")``; ``docs/rules.md`` is generated from this
table (``python scripts/rules_page.py``) and a test checks it is current.

Examples:
    >>> RULES["direct", "after:inverted"].confidence
    0.9
    >>> RULES["direct", "after:inverted"].confidence_for("he")
    0.8
    >>> [r.name for r in RULES.family("direct")][:3]
    ['after', 'after:inverted', 'after:according']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Optional, TypeVar

__all__ = ["DIRECT_PRONOUNS", "FAMILIES", "REPORTED_PRONOUNS", "RULES", "Rule", "RuleTable", "rules_markdown"]

F = TypeVar("F", bound=Callable[..., object])

#: The components that apply rules, in pipeline order.
FAMILIES: tuple[str, ...] = ("direct", "reported")

#: Speaker mentions that cost a direct quote's attribution 0.1 of confidence.
DIRECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
#: The same for reported speech, which has never counted ``we`` (one set for both
#: would change confidences: a measured change for later, not a refactor).
REPORTED_PRONOUNS = frozenset({"he", "she", "they", "it"})


@dataclass(frozen=True)
class Rule:
    """One attribution pattern.

    Attributes:
        family: The component that applies it (``direct`` or ``reported``).
        name: Its name in `quotes.models.Provenance.rules`.
        confidence: Base confidence of what it finds.
        summary: What it reads, with an example.
        functions: Qualified names of the functions that apply it.
    """

    family: str
    name: str
    confidence: float
    summary: str
    functions: tuple[str, ...] = field(default=())

    def confidence_for(self, mention: Optional[str], pronouns: frozenset[str] = DIRECT_PRONOUNS) -> float:
        """The confidence of a quote whose speaker mention is ``mention``.

        No speaker gives 0.3; a pronoun in ``pronouns`` costs 0.1.
        """
        if mention is None:
            return 0.3
        if mention.lower() in pronouns:
            return round(self.confidence - 0.1, 2)
        return self.confidence


class RuleTable:
    """The ordered table of rules, looked up by ``(family, name)``."""

    def __init__(self) -> None:
        self._rules: dict[tuple[str, str], Rule] = {}

    def declare(self, family: str, name: str, confidence: float, summary: str) -> Rule:
        """Add a rule at the end of the table and return it."""
        if family not in FAMILIES:
            raise ValueError(f"unknown rule family {family!r}")
        key = (family, name)
        if key in self._rules:
            raise ValueError(f"rule {family}/{name} is declared twice")
        rule = self._rules[key] = Rule(family, name, confidence, summary)
        return rule

    def implements(self, family: str, *names: str) -> Callable[[F], F]:
        """Decorator: the function applies the rules ``names`` of ``family``."""

        def register(function: F) -> F:
            where = f"{function.__module__}.{function.__qualname__}"
            for name in names:
                rule = self[family, name]
                if where not in rule.functions:
                    self._rules[family, name] = replace(rule, functions=rule.functions + (where,))
            return function

        return register

    def __getitem__(self, key: tuple[str, str]) -> Rule:
        try:
            return self._rules[key]
        except KeyError:
            raise KeyError(f"no rule {key[0]}/{key[1]} in the table") from None

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def family(self, family: str) -> list[Rule]:
        """The rules of one family, in table order."""
        return [r for r in self._rules.values() if r.family == family]


#: Every attribution rule, in the order the pipeline tries them.
RULES = RuleTable()

_D = "direct"
# --- direct quotes: after the closing mark (quotes.attribution.direct_forms.attribute_after)
RULES.declare(_D, "after", 0.9, "The cue and its subject follow the quote: `“…,” Peskov said.`")
RULES.declare(_D, "after:inverted", 0.9, "Inverted cue after the quote: `“…,” said Peskov.`")
RULES.declare(_D, "after:according", 0.8, "`“…,” according to CNN.`")
RULES.declare(_D, "after:unresolved", 0.3, "A cue after the quote whose subject resolves to no speaker; an unresolved `he`/`she` (`“…,” he said.` with no antecedent) is kept by `after` as a speaker with no name.")
RULES.declare(_D, "after:next-line", 0.9, "The quote ends its paragraph with a comma and the cue opens the next line.")
RULES.declare(_D, "after:signature", 0.7, "A quote signed on the next line, `“…” ⏎ - Clinton.`, inside its closing mark, `“… rebuilt. -- Ann Lee”` (the quote ends before the dash), or on its own last line inside the marks, `“… stay open. ⏎ Ann Walsh, Harbour Watch.”` (the line is no quote).")
# --- direct quotes: before the opening mark (attribute_before)
RULES.declare(_D, "before:according", 0.8, "`According to the Daily Caller, “…”`")
RULES.declare(_D, "before:colon", 0.7, "Transcript style, a name and a colon: `Bush: “…”`")
RULES.declare(_D, "before:colon-clause", 0.6, "A clause ending in a colon introduces the quote, on its line or as the line before it; its subject, a named person or organisation, speaks: `The board was blunt in its findings: “…”`; a cue read alone before the colon stays (`Sanders delivered a snappy retort: “…”`); a clause that is only `From <source>` names it (`From the report: “…”`, `More from Jones: “…”`).")
RULES.declare(_D, "before:inverted", 0.85, "Inverted cue before the quote: `Said Comey, “…”`")
RULES.declare(_D, "before:participle", 0.8, "A participle cue takes its clause's subject: `she released a statement saying, “…”`, `Nefzi said, adding, “…”`.")
RULES.declare(_D, "before:relative", 0.8, "The person before a relative clause: `Mike Lee, who declared in the spin room, “…”`")
RULES.declare(_D, "before:coordinated", 0.8, "The subject of a coordinated clause: `The president noted …, and added: “…”`")
RULES.declare(_D, "before", 0.88, "Subject and cue before the quote: `Peskov replied, “…”`")
RULES.declare(
    _D, "before:unresolved", 0.3,
    "A verb of saying right before the opening mark (`Another tweeted, “…”`, `…, saying: “…”`) "
    "whose subject reads as no speaker: the cue alone.",
)
# --- direct quotes: from the quote before (quotes.attribution.direct)
RULES.declare(_D, "interrupted", 0.75, "The second half of an interrupted quote shares the first half's cue: `“A,” he said. “B.”`")
RULES.declare(_D, "continued", 0.6, "A quote that continues in the next paragraph keeps its speaker.")
RULES.declare(_D, "lead-in", 0.88, "The clause before a parenthetical cue opens the statement (a mixed quote): `Evaluating …, Stevens said, “is like …”`; both parts keep the confidence of the rule that found the cue.")
RULES.declare(_D, "continues-report", 0.6, "A quote with no cue of its own goes on with the report before it: `… , Cole said. “That’s exactly what people want.”`")
RULES.declare(_D, "unattributed", 0.3, "A stand-alone quote of three words or more with no cue or speaker found.")

_R = "reported"
# --- reported speech and mixed quotes (quotes.attribution.report_forms, report_according,
#     report_placement)
RULES.declare(_R, "content-first:as-by", 0.7, "Passive attribution after the content: `C, as stated by X`.")
RULES.declare(_R, "headline-colon", 0.6, "A name, a colon and a claim on a line of its own: `Marco Rubio: I'm Not Interested`.")
RULES.declare(_R, "as-x-put-it", 0.7, "`C, as X put it`.")
RULES.declare(_R, "asked-question", 0.6, "`X asked whether C`: the question is the content.")
RULES.declare(_R, "according", 0.75, "Claims: `According to X, C` and `C, according to X`.")
RULES.declare(_R, "impression", 0.6, "`X seems to / appears to / is expected to C`, with no speaker.")
RULES.declare(_R, "content-first:inverted", 0.7, "Inverted attribution after the content: `C, said the minister.`")
RULES.declare(_R, "content-first", 0.75, "The content precedes the attribution: `C, X said.`")
RULES.declare(_R, "content-first:split", 0.75, "The second part of a content split by its attribution: `C1, X said, C2.`")
RULES.declare(_R, "cue-first", 0.75, "The content follows the cue: `X said (that) C`, `X told Reuters C`, `…, saying C`.")
RULES.declare(_R, "object", 0.7, "A verb whose object is the content: `X criticized Y`, `X endorsed Y`.")


def rules_markdown(table: Optional[RuleTable] = None) -> str:
    """The rule table as the Markdown page ``docs/rules.md``.

    Import the modules that implement the rules first (the pipeline does), so
    that the page can say which function applies each one.
    """
    table = RULES if table is None else table
    out = [
        "# Attribution rules",
        "",
        "<!-- generated by `python scripts/rules_page.py` from quotes/attribution/rules.py; do not edit -->",
        "",
        "Every quote's `provenance.rules` is `(family, rule)`: the component that made it and the rule",
        "below. Confidence is the rule's base; a pronoun speaker costs 0.1 (0.2 when it stays unresolved,",
        "`name` null), no speaker gives 0.3, and a quote whose marks are not both found costs 0.1 more.",
        "Rules are listed in the order the pipeline",
        "tries them. To add one, declare a row in `quotes/attribution/rules.py` and decorate the function",
        "that applies it with `@RULES.implements(family, name)` (see [Architecture](architecture.md)).",
    ]
    for family in FAMILIES:
        out += ["", f"## {family}", "", "| rule | confidence | reads | applied by |", "|---|---|---|---|"]
        for rule in table.family(family):
            where = "<br>".join(f"`{f.removeprefix('quotes.')}`" for f in rule.functions) or "—"
            summary = rule.summary.replace("|", "\\|")
            out.append(f"| `{rule.name}` | {rule.confidence:g} | {summary} | {where} |")
    return "\n".join(out) + "\n"
