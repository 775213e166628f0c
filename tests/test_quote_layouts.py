"""Quote-mark layouts that news and transcripts use, one row each, on both backends.

Every row is a made-up text with the direct quotes it must give: their exact text
and the speaker's canonical name (``None``: no speaker). A layout is right when the
direct quotes are exactly these, in this order, and no other statement overlaps
one of them (a quote is never read twice, nor glued to the narration around it).
"""

from __future__ import annotations

from typing import NamedTuple, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotes
from quotes.document import fold_quote_marks
from quotes.models import QuoteKind
from quotes.text.quoted import find_quoted_spans


class Layout(NamedTuple):
    """One row: a text and the direct quotes ``(text, speaker name)`` it must give."""

    id: str
    text: str
    quotes: list[tuple[str, Optional[str]]]
    via: Optional[str] = None  # the channel every quote must carry
    cues: list[str | None] | None = None  # the cue of each direct quote, in order


BRIDGE = "We will rebuild the bridge first."
SCHOOL = "Then we will rebuild the school"

#: The layouts of issue 14 ("Quote marks in every layout news and transcripts use").
LAYOUTS = [
    # A quote over several paragraphs: each paragraph reopens the mark, only the last closes it.
    Layout(
        "multi-paragraph-2",
        f'"{BRIDGE}\n\n"{SCHOOL}," Mayor Anna Berg said.',
        [(f'{BRIDGE}\n\n"{SCHOOL}', "Anna Berg")],
    ),
    Layout(
        "multi-paragraph-3",
        'Mayor Anna Berg spoke for an hour.\n\n"We will rebuild the bridge first.\n\n'
        '"Then the school will follow.\n\n"And after that the library," she said.',
        [('We will rebuild the bridge first.\n\n"Then the school will follow.\n\n"And after that the library',
          "Anna Berg")],
    ),
    Layout(
        "multi-paragraph-curly",
        f"“{BRIDGE}\n\n“{SCHOOL},” Mayor Anna Berg said.",
        [(f"{BRIDGE}\n\n“{SCHOOL}", "Anna Berg")],
    ),
    Layout(
        "multi-paragraph-single-breaks",
        f"Mayor Anna Berg said: “{BRIDGE}\n“{SCHOOL}.”\nThe council voted later.",
        [(f"{BRIDGE}\n“{SCHOOL}.", "Anna Berg")],
    ),
    Layout(
        "open-paragraph-then-another-speaker",
        "“The grid is stable,” Olena Koval said. “We have reserves.\n\n“We do not,” Dan Ortiz said.",
        [("The grid is stable", "Olena Koval"), ("We have reserves.", "Olena Koval"), ("We do not", "Dan Ortiz")],
    ),
    # A quote running across single line breaks (hard-wrapped copy).
    Layout(
        "across-line-break",
        '"We will rebuild the bridge first\nand then we will rebuild the school," Mayor Anna Berg said.',
        [("We will rebuild the bridge first\nand then we will rebuild the school", "Anna Berg")],
    ),
    Layout(
        "across-two-line-breaks",
        "Mayor Anna Berg said: “We will rebuild\nthe bridge first and then\nthe school.” The council agreed.",
        [("We will rebuild\nthe bridge first and then\nthe school.", "Anna Berg")],
    ),
    # A comma or a dash right after the closing mark.
    Layout(
        "comma-after-mark",
        '"We have no suspects yet", said Officer Smith of the city police. "The search goes on."',
        [("We have no suspects yet", "Smith"), ("The search goes on.", "Smith")],
    ),
    Layout(
        "double-hyphen-after-mark",
        '"The vote was rigged"--said Mr. Smith, who lost the race.',
        [("The vote was rigged", "Smith")],
    ),
    Layout(
        "dash-then-narration",
        '"We are staying here."—In what was the largest protest of the year, '
        "ten thousand farmers marched on the capital.",
        [("We are staying here.", None)],
    ),
    Layout(
        "dash-then-narration-with-a-cue",
        '"Down with the tax"—In what was the largest protest of the year, '
        "the mayor said ten thousand people marched.",
        [("Down with the tax", None)],
    ),
    # Marks inside a quote.
    Layout(
        "same-mark-nested-curly",
        "“I asked him “how are you” and he walked away,” Maria Lopez said.",
        [("I asked him “how are you” and he walked away", "Maria Lopez")],
    ),
    Layout(
        "same-mark-nested-before",
        "Maria Lopez said: “I asked him “how are you” and he walked away.”",
        [("I asked him “how are you” and he walked away.", "Maria Lopez")],
    ),
    Layout(
        "same-mark-nested-straight",
        '"If someone says "I want ten boxes," you might ask why," Maria Lopez said.',
        [('If someone says "I want ten boxes," you might ask why', "Maria Lopez")],
    ),
    Layout(
        "same-mark-nested-straight-never-closed",
        'Dan Ortiz said: "We will win this race. They call it "the comeback" here.',
        [('We will win this race. They call it "the comeback" here.', "Dan Ortiz")],
    ),
    Layout(
        "single-inside-double",
        "\"He called it 'a total disaster' and walked out,\" said Tom Reed.",
        [("He called it 'a total disaster' and walked out", "Tom Reed")],
    ),
    Layout(
        "double-inside-single",
        "'He called it \"a total disaster\" and walked out,' said Tom Reed.",
        [('He called it "a total disaster" and walked out', "Tom Reed")],
    ),
    Layout(
        "apostrophe-word-first",
        "\"'Tis the season for giving,\" said Tom Reed.",
        [("'Tis the season for giving", "Tom Reed")],
    ),
    Layout(
        "apostrophe-word-first-curly",
        "Tom Reed said, “’Em boys played well tonight.”",
        [("’Em boys played well tonight.", "Tom Reed")],
    ),
    Layout(
        "latex-nested-closing-together",
        "``He told me `no' '' , Dan Ortiz said.",
        [("He told me `no'", "Dan Ortiz")],
    ),
    Layout(
        "latex-nested-closing-together-comma",
        "``We told them `no,' '' Dan Ortiz said.",
        [("We told them `no,'", "Dan Ortiz")],
    ),
    Layout(
        "latex-triple-close",
        "``I told him `never again,''' Dan Ortiz said.",
        [("I told him `never again,'", "Dan Ortiz")],
    ),
    # The last quote of a text never closed: one quote to the end of its paragraph.
    Layout(
        "unclosed-after-a-closed-one",
        '"We will win," Dan Ortiz said. "We will win it well. And soon.',
        [("We will win", "Dan Ortiz"), ("We will win it well. And soon.", "Dan Ortiz")],
    ),
    Layout(
        "unclosed-with-an-apostrophe",
        "Dan Ortiz said: \"We will win this race. The players' spirit is back.",
        [("We will win this race. The players' spirit is back.", "Dan Ortiz")],
    ),
    Layout(
        "unclosed-then-narration-paragraph",
        'The coach spoke last.\n\n"We will win," Dan Ortiz said. "We will win it well.\n\nThe crowd cheered.',
        [("We will win", "Dan Ortiz"), ("We will win it well.", "Dan Ortiz")],
    ),
    Layout(
        "unclosed-doubled-apostrophes",
        "Dan Ortiz said: ''We will win this race. We will win it well.",
        [("We will win this race. We will win it well.", "Dan Ortiz")],
    ),
    # Cues and apostrophes around the quote.
    Layout(
        "told-everyone-before",
        'Dan Ortiz arrived late. He told everyone, "The plan is dead and buried."',
        [("The plan is dead and buried.", "Dan Ortiz")],
    ),
    Layout(
        "apostrophe-inside",
        "Dan Ortiz arrived late. \"Where are the horses' carrots?\" he asked.",
        [("Where are the horses' carrots?", "Dan Ortiz")],
    ),
    Layout(
        "role-noun-that-is-also-a-verb-after-the-mark",
        '"The early states matter," campaign manager Robby Mook said. "Most delegates are chosen in March."',
        [("The early states matter", "Robby Mook"), ("Most delegates are chosen in March.", "Robby Mook")],
    ),
    # A channel with an article.
    Layout(
        "channel-with-article",
        '"The plan is dead," Dan Ortiz told the Observer.',
        [("The plan is dead", "Dan Ortiz")],
        via="Observer",
    ),
    Layout(
        "channel-with-article-before",
        'Dan Ortiz told the Observer: "The plan is dead."',
        [("The plan is dead.", "Dan Ortiz")],
        via="Observer",
    ),
    Layout(
        "channel-in-an-interview",
        '"The plan is dead," Dan Ortiz said in an interview with the Observer.',
        [("The plan is dead", "Dan Ortiz")],
        via="Observer",
    ),
    # A verb of saying before the opening mark is the cue; a lone "Another" before it is an
    # unnamed source (no speaker reads before the participle of the next layout).
    Layout(
        "cue-before-bare-subject",
        "The crowd was loud. Another tweeted, “Two of a kind who think they are above the rules.”",
        [("Two of a kind who think they are above the rules.", "another")],
        cues=["tweeted"],
    ),
    Layout(
        "cue-before-participle-colon",
        "Hours later the mayor's closest ally rallied supporters, saying: "
        "“We have to be ready to stop him.”",
        [("We have to be ready to stop him.", None)],
        cues=["saying"],
    ),
    Layout(
        "cue-before-participle-after-a-quote",
        "“The plan is dead,” Maria Lopez said on the radio, adding, “We move on.”",
        [("The plan is dead", "Maria Lopez"), ("We move on.", "Maria Lopez")],
        cues=["said", "adding"],
    ),
    Layout(
        "cue-after-inverted-unreadable-speaker",
        'It was late. "The bridge will be rebuilt," said one of two witnesses who saw the crash.',
        [("The bridge will be rebuilt", None)],
        cues=["said"],
    ),
    Layout(
        "title-before-a-verb-is-no-quote",
        'The ad, titled "Unifier?", concludes that the mayor is too reckless.',
        [],
    ),
    # An interrupted quote's second half runs on into the next paragraph, which has its own cue.
    Layout(
        "interrupted-half-continued-with-its-own-cue",
        "“We will win,” Dan Ortiz said. “The bridge comes first.\n\n"
        "“And the school after it,” Ortiz continued. “Then the library.”",
        [
            ("We will win", "Dan Ortiz"),
            ("The bridge comes first.\n\n“And the school after it", "Dan Ortiz"),
            ("Then the library.", "Dan Ortiz"),
        ],
        cues=["said", "continued", "continued"],
    ),
    # The second half of an interrupted quote after the sentence of the first half's attribution.
    Layout(
        "interrupted-after-the-attribution-sentence",
        "''We will win,'' said Dan Ortiz, a council member, referring to the vote in May. "
        "''Nobody doubts it.''",
        [("We will win", "Dan Ortiz"), ("Nobody doubts it.", "Dan Ortiz")],
        cues=["said", "said"],
    ),
    Layout(
        "participle-with-an-object-before-the-second-quote",
        "''We have started,'' Dan Ortiz said, adding of the mayor, ''She cares about the team.''",
        [("We have started", "Dan Ortiz"), ("She cares about the team.", "Dan Ortiz")],
        cues=["said", "adding"],
    ),
    # A role, then the speaker's full name, then what "of" attaches: the person speaks, not the town.
    Layout(
        "role-name-of-a-town-inverted",
        '"We will win," said Republican voter Dana Morrow of Ostby.',
        [("We will win", "Dana Morrow")],
    ),
    Layout(
        "role-name-of-a-town-before-the-cue",
        '"We will win," Republican voter Dana Morrow of Ostby said.',
        [("We will win", "Dana Morrow")],
    ),
    Layout(
        "role-name-of-an-employer",
        "“Turnout decides it,” said university political scientist Dana Morrow of Reedley.",
        [("Turnout decides it", "Dana Morrow")],
    ),
    # An inverted cue, then an employer or ward, a role noun and the speaker's full name.
    Layout(
        "inverted-ward-role-noun-name",
        '"We will win," said Reed constituent Dana Morrow.',
        [("We will win", "Dana Morrow")],
    ),
    Layout(
        "inverted-employer-role-noun-name-then-a-clause",
        "“People feel unwanted,” said Ostby Polls researcher Dana Morrow, who ran the survey.",
        [("People feel unwanted", "Dana Morrow")],
    ),
    # An inverted cue, an adjective in -ed, a role noun and a full name: the name speaks.
    Layout(
        "inverted-participle-adjective-role-name",
        '"We will win," said undecided Republican voter Dana Morrow of Ostby, before the rally.',
        [("We will win", "Dana Morrow")],
    ),
    Layout(
        "inverted-participle-adjective-then-a-clause-names-nobody",
        '"We will win," said registered voters were tired of the race.',
        [("We will win", None)],
    ),
    # A description with a relative clause before the cue: the verb of the clause is no subject.
    Layout(
        "description-with-a-relative-clause-before-the-cue",
        'A council official who spoke anonymously said Friday, "The vote will be close."',
        [("The vote will be close.", "A council official")],
    ),
    Layout(
        "description-with-a-passive-relative-clause-before-the-cue",
        'A council official who asked not to be named said, "The vote will be close."',
        [("The vote will be close.", "A council official")],
    ),
    # A question quoted after a colon, then a new sentence whose verb takes the quote as object.
    Layout(
        "next-sentence-citing-it-is-no-attribution",
        'Dana Morrow, tired, finally answered: "Who would pay for it?" Her rivals cited it for weeks.',
        [("Who would pay for it?", "Dana Morrow")],
    ),
    Layout(
        "question-then-inverted-cue-still-attributes",
        '"Who would pay for it?" Dana Morrow asked.',
        [("Who would pay for it?", "Dana Morrow")],
    ),
    # An absolute phrase: the noun phrase after "with" is the participle's own subject.
    Layout(
        "absolute-with-phrase-names-the-speaker",
        'The crowd cheered, with Dana Morrow asking, "Who would pay for it?"',
        [("Who would pay for it?", "Dana Morrow")],
    ),
    Layout(
        "absolute-with-phrase-and-an-adverb",
        'Rivals were quick to react, with Dana Morrow promptly tweeting: "Who would pay for it?"',
        [("Who would pay for it?", "Dana Morrow")],
    ),
    # A clause that is only "From <source>:" (after a heading and a dash at most) names the source.
    Layout(
        "more-from-a-name-and-a-colon",
        'What the survey means - More from Dana Morrow: "Turnout is the starting point of any forecast."',
        [("Turnout is the starting point of any forecast.", "Dana Morrow")],
    ),
    Layout(
        "from-a-fronted-phrase-is-no-source",
        'From day one of the race, Dana Morrow said: "Turnout is the starting point of any forecast."',
        [("Turnout is the starting point of any forecast.", "Dana Morrow")],
    ),
    # An inverted cue, a determiner and a hyphenated adjective: the description speaks.
    Layout(
        "inverted-determiner-hyphenated-adjective",
        '"The league is finished," said one well-connected Democrat familiar with the talks.',
        [("The league is finished", "one well-connected Democrat")],
    ),
    # "speaking to …" post-modifies an anonymous source before the cue.
    Layout(
        "source-speaking-to-an-outlet-before-the-cue",
        'Another league source speaking to the Ostby Herald said, "The league is finished."',
        [("The league is finished.", "Another league source")],
    ),
    # A day opening the clause, then a name in apposition: the name speaks, not the day.
    Layout(
        "day-phrase-then-a-name-and-party",
        'Tuesday at the college, Gov. Dana Morrow (R-Ostby), said, "We will rent a wagon."',
        [("We will rent a wagon.", "Dana Morrow")],
    ),
    # A long prepositional aside between the subject and its cue.
    Layout(
        "long-prepositional-aside-before-the-cue",
        'Columnist Dana Morrow, in an attempt to draw attention to the lack of press conferences, '
        'wrote, "The candidate answered seven questions."',
        [("The candidate answered seven questions.", "Dana Morrow")],
    ),
    # A verb chain before "to say": auxiliaries, adverbs and participles; the subject speaks.
    Layout(
        "went-so-far-as-to-say",
        'The Ostby columnist Dana Morrow went so far as to say: "The league is finished."',
        [("The league is finished.", "Dana Morrow")],
    ),
    Layout(
        "was-prompted-to-say",
        'Dana Morrow was prompted to say, "The league is finished."',
        [("The league is finished.", "Dana Morrow")],
    ),
    Layout(
        "urged-an-object-to-say-names-nobody",
        'Dana Morrow urged him to say, "The league is finished."',
        [("The league is finished.", None)],
    ),
    # A fronted clause closed by a comma, then a long subject and the cue before the quote.
    Layout(
        "fronted-clause-then-a-description-with-a-relative-clause",
        'Although the talks have stalled, a council official who spoke anonymously to discuss them said '
        'Friday, "The vote will be close."',
        [("The vote will be close.", "a council official")],
    ),
    Layout(
        "fronted-phrases-then-a-name-and-party",
        'On Tuesday in Ostby, after winning the primary, Gov. Dana Morrow (R-Ostby), said, '
        '"We will march on Friday."',
        [("We will march on Friday.", "Dana Morrow")],
    ),
    # An organisation named with "for" or "of", a role noun and a full name: the name speaks.
    Layout(
        "organisation-with-for-role-name-before-the-quote",
        'Fair Wages for Ostby director Dana Morrow said: "We will march on Friday."',
        [("We will march on Friday.", "Dana Morrow")],
    ),
    Layout(
        "organisation-with-of-role-name-after-the-quote",
        '"We will march on Friday," Friends of the River organizer Dana Morrow told reporters.',
        [("We will march on Friday", "Dana Morrow")],
    ),
    Layout(
        "office-of-a-body-then-an-abbreviated-title-and-name",
        'Speaker of the Assembly Rep. Dana Morrow said, "We will march on Friday."',
        [("We will march on Friday.", "Dana Morrow")],
    ),
    Layout(
        "organisation-with-of-capitalised-title-name-after-the-quote",
        '"We will march on Friday," Friends of the River Director Dana Morrow said.',
        [("We will march on Friday", "Dana Morrow")],
    ),
    Layout(
        "office-of-a-body-then-an-abbreviated-title-name-and-party",
        'Speaker of the Assembly Rep. Dana Morrow (R-Ostby) said, "We will march on Friday."',
        [("We will march on Friday.", "Dana Morrow")],
    ),
    Layout(
        "description-with-to-role-name-keeps-its-head",
        'An aide to campaign manager Dana Morrow said: "We will march on Friday."',
        [("We will march on Friday.", "An aide")],
    ),
    Layout(
        "inverted-name-of-an-employer-stays",
        '"We will win," said Dana Morrow of the Ostby Policy Center.',
        [("We will win", "Dana Morrow")],
    ),
    # A quoted title closing its sentence with the stop inside doubled marks, then a quote.
    Layout(
        "doubled-marks-title-then-quote",
        "He called it ''a disaster.'' ''We will fight back,'' Dan Ortiz said.",
        [("We will fight back", "Dan Ortiz")],
    ),
    Layout(
        "doubled-marks-interrupted-after-a-title",
        "Dan Ortiz spoke on Sunday. ''We will win,'' he said on NBC's ''Meet the Press.'' ''Nobody doubts it.''",
        [("We will win", "Dan Ortiz"), ("Nobody doubts it.", "Dan Ortiz")],
    ),
    # Controls: ordinary layouts that already work.
    Layout("control-after", "“The vote is final,” Senator Maria Lopez said.", [("The vote is final", "Maria Lopez")]),
    Layout("control-inverted", "\"The vote is final,\" said Maria Lopez.", [("The vote is final", "Maria Lopez")]),
    Layout("control-before-colon", "Maria Lopez said: “The vote is final.”", [("The vote is final.", "Maria Lopez")]),
    Layout(
        "control-interrupted",
        "“The vote is final,” Maria Lopez said. “We move on.”",
        [("The vote is final", "Maria Lopez"), ("We move on.", "Maria Lopez")],
    ),
    Layout("control-single-marks", "'The vote is final,' Maria Lopez said.", [("The vote is final", "Maria Lopez")]),
    Layout("control-guillemets", "«The vote is final», Maria Lopez said.", [("The vote is final", "Maria Lopez")]),
    Layout("control-low-high", "„The vote is final“, Maria Lopez said.", [("The vote is final", "Maria Lopez")]),
    Layout("control-doubled-apostrophes", "''The vote is final,'' Maria Lopez said.", [("The vote is final", "Maria Lopez")]),
    Layout("control-transcript", "Maria Lopez: “The vote is final.”", [("The vote is final.", "Maria Lopez")]),
    Layout(
        "control-paragraphs-closed",
        "“The vote is final,” Maria Lopez said.\n\n“We move on,” Dan Ortiz said.",
        [("The vote is final", "Maria Lopez"), ("We move on", "Dan Ortiz")],
    ),
    Layout(
        "control-scare-quote-is-no-direct-quote",
        "Dan Ortiz called the plan a “total disaster” on Monday.",
        [],
    ),
    Layout("control-possessives", "Russia's army and Kyiv's drones hit the country's south.", []),
]


def direct_quotes(found: list[quotes.Quote]) -> list[tuple[str, Optional[str]]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in found if q.kind is QuoteKind.DIRECT]


@pytest.mark.parametrize("row", LAYOUTS, ids=[row.id for row in LAYOUTS])
def test_layout(extractor: quotes.Extractor, row: Layout) -> None:
    found = extractor.extract(row.text)
    assert direct_quotes(found) == row.quotes
    if row.cues is not None:
        cues = [q.cue.text if q.cue else None for q in found if q.kind is QuoteKind.DIRECT]
        assert cues == row.cues
    for q in found:
        assert row.text[q.start:q.end] == q.text
        if row.via is not None and q.kind is QuoteKind.DIRECT:
            assert q.via == row.via
    direct = [q for q in found if q.kind is QuoteKind.DIRECT]
    for q in found:
        if q.kind is not QuoteKind.DIRECT:
            # nothing else is read from a direct quote's text
            assert not any(q.start < d.end and d.start < q.end for d in direct), q


def test_layout_ids_are_unique() -> None:
    assert len({row.id for row in LAYOUTS}) == len(LAYOUTS)


FAST = quotes.Extractor(backend="fast")

# Pairing marks on any text: spans never cross, direct quotes never overlap, offsets slice the text.
_PIECES = st.sampled_from(
    ["we", "win", "Tom", "said", "it's", "horses'", "'Tis", " ", " ", " ", ",", ".", "—", "--", "\n", "\n\n",
     '"', '"', "“", "”", "‘", "’", "'", "''", "``", "`", "«", "»", "„"]
)


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def spans(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted_spans(fold_quote_marks(text), _lines(text))]


def test_nested_curly_marks_pair_outside_in() -> None:
    assert spans("“I asked “how are you” and “why” twice,” she said.") == [
        "I asked “how are you” and “why” twice"
    ]


def test_a_typed_opening_mark_for_a_closing_one_does_not_nest() -> None:
    # Only one closing mark follows the second opening one: it closes, it does not nest.
    text = "He wants an “expedited review“ of the pipes and a “health check” of the town."
    found = spans(text)
    assert "health check" in found
    assert not any("of the pipes" in span for span in found)


@settings(max_examples=400)
@given(st.lists(_PIECES, min_size=1, max_size=60).map("".join))
def test_paired_marks_never_cross(text: str) -> None:
    spans = find_quoted_spans(fold_quote_marks(text), _lines(text))
    for q in spans:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end].strip()
    for a in spans:
        for b in spans:
            # disjoint, or one inside the other (``'He called it "a disaster"'``)
            crossing = a.start < b.start < a.end < b.end
            assert not crossing, (a, b)


@settings(max_examples=200)
@given(st.lists(_PIECES, min_size=1, max_size=60).map("".join))
def test_direct_quotes_never_overlap_and_slice_the_text(text: str) -> None:
    try:
        found = FAST.extract(text)
    except quotes.InputError:
        return
    direct = sorted((q for q in found if q.kind is QuoteKind.DIRECT), key=lambda q: q.start)
    for q in found:
        assert text[q.start:q.end] == q.text
    for a, b in zip(direct, direct[1:]):
        assert a.end <= b.start, (a, b)
