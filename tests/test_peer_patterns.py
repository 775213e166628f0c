"""Attribution patterns other quote tools document, one made-up row each, on both backends.

The rows cover what quote extractors and attribution tools describe handling: the
``X said, "…"`` and ``"…," said X`` orders, split quotes, colon introductions,
``according to X``, reported speech with ``that``, present-tense (headline-style)
``says``, quotes over several sentences and paragraphs, dialogue turns in fiction,
British single quotes, titles and honorifics, pronoun and organisation speakers,
and quoted words that are no statement (scare quotes, titles). Every row lists
*all* the quotes the default extractor must give, in order, each as ``(content
text, kind, speaker name, cue text)``; a row whose expectation follows one of the
library's own conventions says which in a comment.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

import quotes

D, IND, M = "direct", "indirect", "mixed"

#: One quote: content text, kind, speaker's canonical name (``None``: no speaker), cue text.
Expected = tuple[str, str, str | None, str | None]


class Pattern(NamedTuple):
    """One row: a made-up text and every quote it must give, in order."""

    id: str
    text: str
    quotes: list[Expected]


PATTERNS = [
    # The basic orders of a direct quote and its tag.
    Pattern(
        "said-comma-quote",
        'Mayor Lena Ortiz said, "The bridge will open in May."',
        [("The bridge will open in May.", D, "Lena Ortiz", "said")],
    ),
    Pattern(
        "quote-comma-name-said",
        '"The bridge will open in May," Lena Ortiz said.',
        [("The bridge will open in May", D, "Lena Ortiz", "said")],
    ),
    Pattern(
        "quote-said-name",
        '"The bridge will open in May," said Lena Ortiz.',
        [("The bridge will open in May", D, "Lena Ortiz", "said")],
    ),
    # Split quotes: both pieces share the tag between them.
    Pattern(
        "split-name-said",
        '"The bridge will open in May," Lena Ortiz said, "and the tunnel a year later."',
        [
            ("The bridge will open in May", D, "Lena Ortiz", "said"),
            ("and the tunnel a year later.", D, "Lena Ortiz", "said"),
        ],
    ),
    Pattern(
        "split-said-title-name",
        '"We are ready," said Coach Pete Alvarez, "but the weather is not."',
        [
            ("We are ready", D, "Pete Alvarez", "said"),
            ("but the weather is not.", D, "Pete Alvarez", "said"),
        ],
    ),
    Pattern(
        "split-pronoun-explained",
        'Nina Park runs the clinic. "It takes time," she explained, "and money."',
        [
            ("It takes time", D, "Nina Park", "explained"),
            ("and money.", D, "Nina Park", "explained"),
        ],
    ),
    Pattern(
        "quote-then-next-sentence",
        '"We will win," said Ana Ruiz. "We always do."',
        [("We will win", D, "Ana Ruiz", "said"), ("We always do.", D, "Ana Ruiz", "said")],
    ),
    Pattern(
        "quote-adding-colon-quote",
        '"The bridge is safe," Ortiz said, adding: "It passed every test."',
        [
            ("The bridge is safe", D, "Ortiz", "said"),
            ("It passed every test.", D, "Ortiz", "adding"),
        ],
    ),
    # A report, then a quote with a pronoun and "added".
    Pattern(
        "report-then-quote-added",
        "Governor Rita Banks said the budget was balanced. "
        '"We cut nothing that matters," she added.',
        [
            ("the budget was balanced", IND, "Rita Banks", "said"),
            ("We cut nothing that matters", D, "Rita Banks", "added"),
        ],
    ),
    # Colon introductions.
    Pattern(
        "colon-named",
        'Mayor Lena Ortiz said: "We will not give up."',
        [("We will not give up.", D, "Lena Ortiz", "said")],
    ),
    Pattern(
        "colon-told-channel",
        'Ortiz told CNN: "The bridge will open in May."',
        [("The bridge will open in May.", D, "Ortiz", "told")],
    ),
    Pattern(
        "colon-in-a-tweet",
        'Ortiz wrote in a tweet: "The bridge is safe."',
        [("The bridge is safe.", D, "Ortiz", "wrote")],
    ),
    # The speaker on the next line of hard-wrapped copy.
    Pattern(
        "speaker-on-next-line", '"We will win,"\nsaid Ortiz.', [("We will win", D, "Ortiz", "said")]
    ),
    # A mark never closed inside a sentence is a stray mark: nothing is read from it.
    Pattern("unpaired-mark", 'He said "we will win and left the room.', []),
    # A colon after a clause whose subject is a full name hands it the quote (no cue).
    Pattern(
        "colon-clause-no-cue",
        'Mayor Lena Ortiz was blunt: "We are broke and we know it."',
        [("We are broke and we know it.", D, "Lena Ortiz", None)],
    ),
    # A quote with a tag of its own that the rules cannot read keeps no speaker, not the last one.
    Pattern(
        "own-tag-without-cue",
        '"We are broke," Ortiz said. "We are all broke," Lee nodded.',
        [("We are broke", D, "Ortiz", "said"), ("We are all broke", D, None, None)],
    ),
    # A pronoun nobody in the text can be: the quote stays, with no speaker.
    Pattern(
        "colon-unresolved-pronoun",
        'He said: "We will not give up."',
        [("We will not give up.", D, None, "said")],
    ),
    # According to.
    Pattern(
        "according-to-first",
        "According to Sheriff Tom Reed, the suspect fled on foot.",
        [("the suspect fled on foot", IND, "Tom Reed", "According to")],
    ),
    Pattern(
        "according-to-last",
        "The suspect fled on foot, according to Sheriff Tom Reed.",
        [("The suspect fled on foot", IND, "Tom Reed", "according to")],
    ),
    Pattern(
        "according-to-report-by-org",
        "According to a report by the World Bank, growth will slow next year.",
        [("growth will slow next year", IND, "World Bank", "According to")],
    ),
    # Reported speech: PolNeAR's convention, kept here, puts the complementiser "that" in the
    # content.
    Pattern(
        "told-reporters-that",
        "Senator Mark Hale told reporters that the vote would be delayed.",
        [("that the vote would be delayed", IND, "Mark Hale", "told")],
    ),
    Pattern(
        "age-apposition",
        "Lena Ortiz, 52, said the bridge would open in May.",
        [("the bridge would open in May", IND, "Lena Ortiz", "said")],
    ),
    Pattern(
        "warned-that-occupation",
        "Economist Paul Vance warned that prices would keep rising.",
        [("that prices would keep rising", IND, "Paul Vance", "warned")],
    ),
    Pattern(
        "said-then-noting",
        "Ortiz said the bridge was safe, noting that it passed inspection.",
        [
            ("the bridge was safe", IND, "Ortiz", "said"),
            ("that it passed inspection", IND, "Ortiz", "noting"),
        ],
    ),
    Pattern(
        "direct-then-adding-that",
        '"The bridge is safe," Ortiz told The Daily Star, adding that repairs would take a year.',
        [
            ("The bridge is safe", D, "Ortiz", "told"),
            ("that repairs would take a year", IND, "Ortiz", "adding"),
        ],
    ),
    Pattern(
        "quoted-as-saying",
        "Ortiz was quoted as saying that the bridge was safe.",
        [("that the bridge was safe", IND, "Ortiz", "was quoted as saying")],
    ),
    Pattern(
        "went-on-to-say",
        "Ortiz went on to say that the bridge was safe.",
        [("that the bridge was safe", IND, "Ortiz", "went on to say")],
    ),
    # A participle aside between the subject and its verb is no part of the content.
    Pattern(
        "citing-aside",
        "Reuters, citing two sources, reported that the deal was close.",
        [("that the deal was close", IND, "Reuters", "reported")],
    ),
    Pattern(
        "asked-whether",
        "Ortiz asked whether the money had been spent.",
        [("whether the money had been spent", IND, "Ortiz", "asked")],
    ),
    # Present tense, as headlines and broadcast copy write it.
    # A report split by its tag: PolNeAR's convention, two pieces sharing the cue.
    Pattern(
        "report-split-by-tag",
        "The camps, Lee said, are full.",
        [("The camps", IND, "Lee", "said"), ("are full", IND, "Lee", "said")],
    ),
    Pattern(
        "says-present",
        "Mark Hale says the vote will be delayed.",
        [("the vote will be delayed", IND, "Mark Hale", "says")],
    ),
    Pattern(
        "says-headline-style",
        "Hale says vote will be delayed.",
        [("vote will be delayed", IND, "Hale", "says")],
    ),
    # A line with no sentence end is a headline, not body text: the library reads
    # quotes in body lines only (quotes.text.boilerplate.body_lines).
    Pattern("headline-without-full-stop", "Hale says vote will be delayed", []),
    Pattern(
        "says-of-inverted",
        '"It is a disaster," says Ortiz of the plan.',
        [("It is a disaster", D, "Ortiz", "says")],
    ),
    # Quotes over several sentences and paragraphs: the library keeps a reopened
    # paragraph's mark inside one quote (tests/test_quote_layouts.py).
    Pattern(
        "multi-sentence",
        '"We lost the game. We lost our focus. We will be back," coach Dana Pike said.',
        [("We lost the game. We lost our focus. We will be back", D, "Dana Pike", "said")],
    ),
    Pattern(
        "multi-paragraph",
        'Dana Pike spoke after the game.\n\n"We lost our focus in the second half.\n\n'
        '"Next week we will be better," she said.',
        [
            (
                'We lost our focus in the second half.\n\n"Next week we will be better',
                D,
                "Dana Pike",
                "said",
            )
        ],
    ),
    Pattern(
        "next-paragraph-continues",
        '"We will win," said Ana Ruiz.\n\n"We always do."',
        [("We will win", D, "Ana Ruiz", "said"), ("We always do.", D, "Ana Ruiz", "said")],
    ),
    # Fiction dialogue. A description with no name stays the speaker's name.
    Pattern(
        "fiction-said-his-wife-to-him",
        '"My dear," said his wife to him one day, "have you heard that the house is let at last?"',
        [
            ("My dear", D, "his wife", "said"),
            ("have you heard that the house is let at last?", D, "his wife", "said"),
        ],
    ),
    Pattern(
        "fiction-tags-first",
        'Tom asked, "Is it far?"\n\nMary said, "Not very."',
        [("Is it far?", D, "Tom", "asked"), ("Not very.", D, "Mary", "said")],
    ),
    Pattern(
        "fiction-two-pronouns",
        '"Will you come?" she asked.\n\n"I will," he said.',
        [("Will you come?", D, None, "asked"), ("I will", D, None, "said")],
    ),
    # Untagged turns after an exchange between two speakers: the library does not
    # claim turn-taking, so they get no speaker (the last speaker would be wrong).
    Pattern(
        "fiction-untagged-turns",
        '"Is it far?" asked Tom.\n\n"Not very," said Mary.\n\n"Then we walk."\n\n"If you like."',
        [
            ("Is it far?", D, "Tom", "asked"),
            ("Not very", D, "Mary", "said"),
            ("Then we walk.", D, None, None),
            ("If you like.", D, None, None),
        ],
    ),
    # A paragraph of several sentences after an exchange goes on with the last speaker, as in
    # news copy.
    Pattern(
        "exchange-then-long-paragraph",
        '"Is it far?" asked Tom.\n\n"Not very," said Mary.\n\n'
        '"It is two miles. We can walk it in an hour."',
        [
            ("Is it far?", D, "Tom", "asked"),
            ("Not very", D, "Mary", "said"),
            ("It is two miles. We can walk it in an hour.", D, "Mary", "said"),
        ],
    ),
    Pattern(
        "fiction-description-inverted",
        "'Nonsense,' said the old man.",
        [("Nonsense", D, "old man", "said")],
    ),
    Pattern(
        "fiction-cried-inverted",
        '"Run!" cried Tom.',
        [("Run!", D, "Tom", "cried")],
    ),
    Pattern(
        "fiction-adjective-description",
        '"We are lost," said the old sailor.',
        [("We are lost", D, "old sailor", "said")],
    ),
    # A given name standing alone is a person, and so the antecedent of he or she.
    Pattern(
        "fiction-given-names-pronoun",
        'Tom met Mary at noon. "We are lost," he told her.',
        [("We are lost", D, "Tom", "told")],
    ),
    # A name inside the quote is the one spoken to, not the speaker.
    Pattern(
        "fiction-vocative-split",
        'Mary looked up. "Tom," she said, "come here."',
        [("Tom", D, "Mary", "said"), ("come here.", D, "Mary", "said")],
    ),
    Pattern(
        "fiction-vocative-inverted",
        '"Tom, come here," said Mary.',
        [("Tom, come here", D, "Mary", "said")],
    ),
    # British single quotes, apostrophes inside.
    Pattern(
        "british-single-named",
        "'We have done our best,' said Jane Croft, the minister.",
        [("We have done our best", D, "Jane Croft", "said")],
    ),
    Pattern(
        "british-apostrophes",
        "'We don't know yet,' said Jim O'Neill. 'It's the players' call.'",
        [
            ("We don't know yet", D, "Jim O'Neill", "said"),
            ("It's the players' call.", D, "Jim O'Neill", "said"),
        ],
    ),
    Pattern(
        "british-nested-double",
        "'He said \"no\" twice,' Mrs Croft said.",
        [('He said "no" twice', D, "Croft", "said")],
    ),
    # Titles and honorifics: the canonical name leaves them out (they go to the role).
    Pattern(
        "honorific-mrs",
        '"The garden is my life," Mrs. Smith said.',
        [("The garden is my life", D, "Smith", "said")],
    ),
    Pattern(
        "honorific-mr-pronoun",
        'Mr. Bennet said nothing for a while. "Is that his design?" he asked at last.',
        [("Is that his design?", D, "Bennet", "asked")],
    ),
    Pattern(
        "dr-apposition-reported",
        "Dr. Ann Lee, a physician at Mercy Hospital, said the outbreak was slowing.",
        [("the outbreak was slowing", IND, "Ann Lee", "said")],
    ),
    Pattern(
        "prof-of-university",
        "Prof. Ann Lee of Hill University said the data were clear.",
        [("the data were clear", IND, "Ann Lee", "said")],
    ),
    Pattern(
        "title-sheriff",
        "Sheriff Tom Reed said the road was closed.",
        [("the road was closed", IND, "Tom Reed", "said")],
    ),
    Pattern(
        "title-inspector-question",
        '"Where were you last night?" asked Inspector Ruth Gale.',
        [("Where were you last night?", D, "Ruth Gale", "asked")],
    ),
    Pattern(
        "name-then-role-after",
        '"We found the car," said Tom Reed, the county sheriff.',
        [("We found the car", D, "Tom Reed", "said")],
    ),
    Pattern(
        "role-of-org-then-name",
        '"We are close to a deal," the head of the nurses union, Ann Lee, said on Tuesday.',
        [("We are close to a deal", D, "Ann Lee", "said")],
    ),
    # Pronouns: the last named person of the pronoun's gender.
    Pattern(
        "pronoun-reported",
        "Paul Grant founded the firm in 1990. He said the firm would stay in the city.",
        [("the firm would stay in the city", IND, "Paul Grant", "said")],
    ),
    Pattern(
        "pronoun-gender",
        "Ann Lee met Tom Reed on Monday. He said the talks went well.",
        [("the talks went well", IND, "Tom Reed", "said")],
    ),
    Pattern(
        "pronoun-added-that",
        "Lena Ortiz praised the crews. She added that the bridge would open early.",
        [("that the bridge would open early", IND, "Lena Ortiz", "added")],
    ),
    # A report needs a resolved he or she (quotes.attribution.reported): none here.
    Pattern(
        "pronoun-no-antecedent-reported", "Tom Reed spoke first. She said the plan would fail.", []
    ),
    Pattern(
        "pronoun-no-antecedent-single",
        "'We have done our best,' she said. The minister, Jane Croft, left soon after.",
        [("We have done our best", D, None, "said")],
    ),
    # Organisations and groups.
    Pattern(
        "org-statement-that",
        "The company said in a statement that it would cut 200 jobs.",
        [("that it would cut 200 jobs", IND, "company", "said")],
    ),
    Pattern(
        "org-in-a-statement-fronted",
        "In a statement, the company said it would appeal the ruling.",
        [("it would appeal the ruling", IND, "company", "said")],
    ),
    Pattern(
        "org-direct-statement",
        '"We regret the error," the company said in a statement.',
        [("We regret the error", D, "company", "said")],
    ),
    Pattern(
        "org-which-clause",
        "The union, which represents 4,000 nurses, said the offer was an insult.",
        [("the offer was an insult", IND, "union", "said")],
    ),
    Pattern(
        "anonymous-official",
        "A senior official, speaking on condition of anonymity, said the talks had stalled.",
        [("the talks had stalled", IND, "A senior official", "said")],
    ),
    Pattern(
        "spokeswoman-unnamed",
        '"We are reviewing the report," a spokeswoman for the ministry said.',
        [("We are reviewing the report", D, "a spokeswoman", "said")],
    ),
    # An acronym that reads as a function word in lower case is a name.
    Pattern(
        "org-acronym-who",
        "The WHO said in a statement that the outbreak was over.",
        [("that the outbreak was over", IND, "WHO", "said")],
    ),
    Pattern(
        "org-acronym-who-opens-sentence",
        "WHO said the outbreak in the port city was over.",
        [("the outbreak in the port city was over", IND, "WHO", "said")],
    ),
    Pattern(
        "org-acronym-who-after-preposition",
        "Officials at the WHO said the outbreak in the port city was over.",
        [("the outbreak in the port city was over", IND, "Officials", "said")],
    ),
    Pattern(
        "relative-who-still-relative",
        "Officials who tracked the outbreak said the port city was safe.",
        [("the port city was safe", IND, "Officials", "said")],
    ),
    # Quoted words that are no statement: scare quotes, titles, a single word.
    Pattern("scare-quote-so-called", 'Critics mocked the so-called "deal" for weeks.', []),
    Pattern("film-title", 'The film "Night Harbor" opened in 300 theaters on Friday.', []),
    Pattern(
        "report-titled", 'The report, titled "Cities in Crisis," found that rents rose sharply.', []
    ),
    Pattern("single-quoted-word", 'He called the plan "reckless" and left the room.', []),
    Pattern(
        "nickname",
        'Robert "Bobby" Lane said the team would win.',
        [("the team would win", IND, "Lane", "said")],
    ),
    # Mixed quotes: a reported clause holding quoted words.
    Pattern(
        "mixed-fragment",
        'Vera Stone said the strike was "over for good" and thanked the members.',
        [('the strike was "over for good"', M, "Vera Stone", "said")],
    ),
    # PolNeAR's convention, kept here: "X called Y 'Z'" is a report whose content is the object.
    Pattern(
        "mixed-called-object",
        'Ortiz called the report "a work of fiction."',
        [('the report "a work of fiction."', M, "Ortiz", "called")],
    ),
    # A content whose only words outside the marks are "that" is direct
    # (quotes.attribution.quote_kind).
    Pattern(
        "said-that-quote",
        'Ortiz said that "the bridge is safe."',
        [('that "the bridge is safe."', D, "Ortiz", "said")],
    ),
    Pattern(
        "mixed-scare-quote-in-claim",
        'The "experts" were wrong again, the paper said.',
        [('The "experts" were wrong again', M, "paper", "said")],
    ),
    # Beliefs are left out by default (Extractor(include_beliefs=True) adds them).
    Pattern("belief-left-out", "Ortiz believes that the plan will fail.", []),
    # Questions.
    Pattern(
        "question-pronoun-unresolved",
        '"Where were you last night?" she asked.',
        [("Where were you last night?", D, None, "asked")],
    ),
    Pattern(
        "question-unnamed-reporter",
        '"Why now?" asked one reporter.',
        [("Why now?", D, "one reporter", "asked")],
    ),
    # Social media.
    Pattern(
        "wrote-on-twitter-that",
        "Senator Mark Hale wrote on Twitter that the bill was dead.",
        [("that the bill was dead", IND, "Mark Hale", "wrote")],
    ),
    Pattern(
        "tweeted",
        '"This is a great day," Hale tweeted.',
        [("This is a great day", D, "Hale", "tweeted")],
    ),
    # Relative clauses inside the subject.
    Pattern(
        "who-clause-reported",
        "Ms. Vera Stone, who led the union for a decade, said the strike would end on Monday.",
        [("the strike would end on Monday", IND, "Vera Stone", "said")],
    ),
    Pattern(
        "two-speakers-one-sentence",
        '"We will win," said Ortiz, while Hale said the vote was lost.',
        [("We will win", D, "Ortiz", "said"), ("the vote was lost", IND, "Hale", "said")],
    ),
]


def found(extractor: quotes.Extractor, text: str) -> list[Expected]:
    """Every quote of ``text`` as ``(content, kind, speaker name, cue)``; offsets checked."""
    out = []
    for q in extractor.extract(text):
        assert text[q.start : q.end] == q.text
        out.append(
            (
                q.text,
                q.kind.value,
                q.speaker.name if q.speaker else None,
                q.cue.text if q.cue else None,
            )
        )
    return out


@pytest.mark.parametrize("row", PATTERNS, ids=[row.id for row in PATTERNS])
def test_pattern(extractor: quotes.Extractor, row: Pattern) -> None:
    assert found(extractor, row.text) == row.quotes


def test_pattern_ids_are_unique() -> None:
    assert len({row.id for row in PATTERNS}) == len(PATTERNS)
