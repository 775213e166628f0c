"""Speakers, cues and channels of direct quotes, on both backends."""

from __future__ import annotations

import pytest

import quotes
from quotes import QuoteKind, SpeakerType


def direct(extractor: quotes.Extractor, text: str) -> list[quotes.Quote]:
    return [q for q in extractor.extract(text) if q.kind is QuoteKind.DIRECT]


def only(extractor: quotes.Extractor, text: str) -> quotes.Quote:
    found = direct(extractor, text)
    assert len(found) == 1, found
    return found[0]


class TestSpeakerPosition:
    def test_after_the_quote(self, extractor):
        q = only(extractor, "“The vote is final,” Senator Maria Lopez said on Friday.")
        assert q.speaker.name == "Maria Lopez"
        assert q.speaker.type is SpeakerType.PERSON
        assert q.cue.text == "said"

    def test_noun_cue_word_inside_the_speaker_phrase_is_not_the_cue(self, extractor):
        # "campaign" and "supporters" are rare cue words; here they are nouns before the verb.
        q = only(extractor, "“We expect to win,” Ferreira campaign manager Ana Ruiz said.")
        assert q.speaker.name == "Ana Ruiz"
        assert q.cue.text == "said"
        q = only(extractor, "“Four more years,” Ferreira supporters chanted outside the hall.")
        assert q.speaker.mention == "Ferreira supporters"
        assert q.cue.text == "chanted"

    def test_noun_cue_word_before_a_title_is_not_the_cue(self, extractor):
        # "state Sen.": a noun before a title; a bare party tag "(D)" closes the name.
        text = "“We need a budget,” state Sen. Ana Ruiz (D) said after the vote."
        q = only(extractor, text)
        assert q.speaker.name == "Ana Ruiz"
        assert q.cue.text == "said"
        assert text[q.speaker.start : q.speaker.end] == "state Sen. Ana Ruiz (D)"
        assert q.text == "We need a budget"

    def test_inverted(self, extractor):
        text = "“The vote is final,” said Maria Lopez, a senator from Texas."
        q = only(extractor, text)
        assert q.speaker.name == "Maria Lopez"
        # The mention is the whole noun phrase, apposition included (as PolNeAR's sources).
        assert text[q.speaker.start:q.speaker.end] == "Maria Lopez, a senator from Texas"
        assert q.speaker.mention == "Maria Lopez, a senator from Texas"
        assert q.speaker.role == "senator from Texas"

    def test_before_with_colon(self, extractor):
        q = only(extractor, "The prime minister, Keir Starmer, told parliament: “We will act.”")
        assert q.speaker.name == "Keir Starmer"

    def test_before_with_comma(self, extractor):
        text = "Asked about the ceasefire, Sergei Lavrov replied, “Nothing has changed.”"
        assert only(extractor, text).speaker.name == "Sergei Lavrov"

    def test_on_the_next_line(self, extractor):
        text = "“WE WILL REBUILD EVERY HOUSE,”\nGovernor Ana Silva said in a statement."
        q = only(extractor, text)
        assert q.speaker.name == "Ana Silva"
        assert q.via == "a statement"

    def test_unclosed_paragraph_start_mark(self, extractor):
        text = "Talks resumed on Monday.\nWe are open to a deal,” Chancellor Olaf Scholz said."
        q = only(extractor, text)
        assert q.text == "We are open to a deal"
        assert q.speaker.name == "Olaf Scholz"


class TestFullNounPhrase:
    def test_relative_clause_after_the_quote(self, extractor):
        text = (
            "“You get your house ready for a party - that's what we are doing,” Paris, "
            "who used to work on Capitol Hill, said about all the activity."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Paris"
        assert q.speaker.mention == "Paris, who used to work on Capitol Hill"
        assert q.speaker.role is None

    def test_long_apposition_after_the_quote(self, extractor):
        text = (
            "“Nothing we could do now in Iraq and Syria would make a difference,” Fred Kagan, "
            "director of the Critical Threats Project at the American Enterprise Institute, "
            "said in an interview."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Fred Kagan"
        assert q.speaker.mention.endswith("American Enterprise Institute")
        assert q.speaker.role.startswith("director of the Critical Threats Project")

    def test_apposition_before_the_quote(self, extractor):
        text = (
            "Mitt Romney, the 2012 Republican presidential nominee, tweeted in response: "
            "“Important distinction: our presidents kill terrorists.”"
        )
        q = only(extractor, text)
        assert q.speaker.name == "Mitt Romney"
        assert q.speaker.mention == "Mitt Romney, the 2012 Republican presidential nominee"

    def test_abbreviations_inside_an_apposition(self, extractor):
        text = (
            "“We will win,” said Yaakov Amidror, another former national security adviser "
            "to Mr. Netanyahu."
        )
        q = only(extractor, text)
        assert q.speaker.mention.endswith("adviser to Mr. Netanyahu")
        assert q.speaker.role == "former national security adviser to Mr. Netanyahu"

    def test_age_and_town_with_state(self, extractor):
        text = (
            "“I just don't think she's been truthful,” Cecelia Purner, 67, a retired customer "
            "service representative in Allentown, Pa., said in a follow-up interview."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Cecelia Purner"
        assert q.speaker.mention.endswith("in Allentown, Pa.")

    def test_an_age_alone_is_part_of_the_phrase(self, extractor):
        # PolNeAR train keeps an age that closes the source phrase (16 of 19).
        q = only(extractor, "“It was a good night for us,” said Renee Gold, 83.")
        assert q.speaker.name == "Renee Gold"
        assert q.speaker.mention == "Renee Gold, 83"
        assert q.speaker.role is None

    def test_prepositional_attachment_after_an_inverted_cue(self, extractor):
        q = only(extractor, "“He will not back down,” said a longtime adviser to Trump.")
        assert q.speaker.mention == "a longtime adviser to Trump"

    def test_adverbial_after_an_inverted_speaker_is_not_an_apposition(self, extractor):
        text = "“The vote is final,” said Maria Lopez, adding that she would not run again."
        q = only(extractor, text)
        assert q.speaker.mention == "Maria Lopez"


class TestCueWords:
    def test_question_ends_the_sentence_before_the_speaker(self, extractor):
        text = "“Is that all there is?” Trump said. “We need a new president.”"
        first, second = direct(extractor, text)
        assert first.speaker.name == second.speaker.name == "Trump"
        assert first.cue.start == second.cue.start

    @pytest.mark.parametrize(
        ("text", "cue", "content"),
        [
            ("Smith told reporters on Monday that the plant would close.", "told",
             "the plant would close"),
            ("Smith has also told lawmakers that the plant would close.", "has also told",
             "the plant would close"),
            ("“The plant will close,” Smith told The Associated Press.", "told",
             "The plant will close"),
            ("Smith said the plant would close, telling workers it was over.", "telling",
             "it was over"),
        ],
    )
    def test_cue_of_telling_leaves_out_the_addressee(self, extractor, text, cue, content):
        q = next(q for q in extractor.extract(text) if q.text.removeprefix("that ") == content)
        assert q.cue.text == cue
        assert text[q.cue.start:q.cue.end] == cue
        assert q.speaker.name == "Smith"

    def test_capitalised_cue_word_is_a_name(self, extractor):
        text = (
            "Trump told the Washington Post in a written statement, “I really don't want "
            "Jeb's endorsement.”"
        )
        q = only(extractor, text)
        assert q.speaker.name == "Trump"
        assert q.cue.text == "told"
        assert q.via == "Washington Post"


class TestStandalone:
    def test_lowercase_quote_inside_a_sentence_is_a_fragment(self, extractor):
        text = (
            "It is unrealistic to think that if the U.S. pulls back, “our oceans are "
            "going to save us,” the senator argued."
        )
        assert not direct(extractor, text)

    def test_lowercase_quote_after_a_verb_of_saying_is_direct(self, extractor):
        text = "At one point Clinton said, “as long as we're not violating any election laws.”"
        q = only(extractor, text)
        assert q.speaker.name == "Clinton"

    def test_noun_cue_word_before_a_quote_makes_a_fragment(self, extractor):
        text = "Brooks said the tone of the debate “was because the other candidates decided.”"
        assert not direct(extractor, text)

    def test_new_york_times_double_apostrophes(self, extractor):
        text = (
            "''In terms of political significance, this means a tougher attitude,'' "
            "Elaine C. Kamarck, a senior fellow at the Brookings Institution, wrote."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Elaine C. Kamarck"
        assert q.speaker.role == "senior fellow at the Brookings Institution"

    def test_penn_treebank_backtick_quotes(self, extractor):
        text = "``We will not raise taxes,'' Mary Smith said. ``Not this year.''"
        found = direct(extractor, text)
        assert [q.text for q in found] == ["We will not raise taxes", "Not this year."]
        assert [q.speaker.name for q in found] == ["Mary Smith", "Mary Smith"]
        assert all(text[q.start:q.end] == q.text for q in found)


class TestReportsGoOn:
    def test_quote_after_a_report_in_the_same_paragraph_shares_its_cue(self, extractor):
        text = (
            "The senator said the bill would pass by the end of the month. "
            "“We have the votes, and we will use them.”"
        )
        found = extractor.extract(text)
        report = next(q for q in found if q.kind is QuoteKind.INDIRECT)
        quote = next(q for q in found if q.kind is QuoteKind.DIRECT)
        assert quote.speaker.mention == "The senator"
        assert (quote.cue.start, quote.cue.end) == (report.cue.start, report.cue.end)

    def test_quote_with_its_own_cue_does_not_join_the_report(self, extractor):
        text = (
            "The president noted that he taught constitutional law, and added: "
            "“I know a little about this.”"
        )
        quote = only(extractor, text)
        assert quote.cue.text == "added"
        assert quote.speaker.mention == "The president"

    def test_participle_after_an_inverted_apposition_keeps_the_speaker(self, extractor):
        text = "“It was a mess,” said Tom Vale, a former aide to the mayor, recalling the 2010 audit."
        every = quotes.Extractor(backend=extractor.segmenter, stances=quotes.Stance)
        report = next(q for q in every.extract(text) if q.kind is not QuoteKind.DIRECT)
        assert report.stance is quotes.Stance.REFERS  # a noun phrase: not in the default output
        assert report.cue.text == "recalling"
        assert report.speaker.name == "Tom Vale"

    def test_participle_cue_takes_the_main_clause_subject(self, extractor):
        text = (
            "Mateen left as soon as prayers were finished, Nefzi said, adding, "
            "“He was not very religious.”"
        )
        q = only(extractor, text)
        assert q.speaker.name == "Nefzi"
        assert q.cue.text == "adding"


class TestObjectsAreNotSpeakers:
    def test_participle_after_an_object_takes_the_clause_subject(self, extractor):
        text = (
            "Mr. Trump issued a statement Tuesday saying, “I do not feel that one's heritage "
            "makes them incapable of being impartial.”"
        )
        q = only(extractor, text)
        assert q.speaker.name == "Trump"
        assert q.speaker.role is None
        assert q.cue.text == "saying"

    def test_object_of_a_preposition_is_not_the_subject(self, extractor):
        text = (
            "Another intelligence source speaking to Fox News said, “The agents are "
            "investigating the possible intersection of donations and contracts.”"
        )
        q = only(extractor, text)
        assert q.speaker is None or q.speaker.name != "Fox News"

    def test_participle_after_a_quote_is_not_an_inverted_cue(self, extractor):
        text = (
            "Rubio fired back: “If they sue us in a court in Miami, they're going to lose,” "
            "referencing the large number of Cuban immigrants in the region."
        )
        q = only(extractor, text)
        assert q.speaker is None or q.speaker.name == "Rubio"

    def test_said_followed_by_a_clause_is_not_inverted(self, extractor):
        text = (
            "Mr. Manafort, citing “the unique magic of Trump,” said the candidate could be "
            "competitive in Pennsylvania."
        )
        assert all(q.speaker is None or "candidate" not in q.speaker.mention for q in extractor.extract(text))

    def test_next_sentence_after_a_full_stop_is_not_an_attribution(self, extractor):
        text = (
            "A White House official said Wednesday, “There are discussions with the campaign.” "
            "The aide declined to specify the nature of those discussions."
        )
        q = only(extractor, text)
        assert q.speaker is None or "aide" not in q.speaker.mention

    def test_object_of_a_verb_is_not_the_subject(self, extractor):
        text = (
            "On Monday night, Clinton campaign manager Robby Mook released a memo titled "
            "“The Facts on Where the Race Stands.”"
        )
        assert all(q.speaker is None or q.speaker.mention != "a memo" for q in extractor.extract(text))

    def test_noun_cue_is_not_read_after_a_participle(self, extractor):
        text = (
            "Mr. Cruz seemed to mock his vague tough talk, saying at one point, “The answer is "
            "not simply to yell.”"
        )
        q = only(extractor, text)
        assert q.speaker is None or q.speaker.name.endswith("Cruz")

    def test_person_of_a_place(self, extractor):
        text = "“I don't know much about the others,” said Scott Hawkins of Cheyenne."
        q = only(extractor, text)
        assert q.speaker.name == "Scott Hawkins"
        assert q.speaker.mention == "Scott Hawkins of Cheyenne"

    def test_name_used_as_a_modifier_is_not_an_antecedent(self, extractor):
        text = (
            "Cruz spokeswoman Catherine Frazier said the pledge was not constraining.\n"
            "“I completely disagree with the assertion,” she said."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Catherine Frazier"

    def test_whispered_is_a_verb_of_saying(self, extractor):
        text = "Jane Sanders whispered to him: “They're still with you.”"
        q = only(extractor, text)
        assert q.speaker.name == "Jane Sanders"
        assert q.cue.text == "whispered"


class TestBeforeTheQuote:
    def test_coordinated_verb_takes_the_clause_subject(self, extractor):
        text = "When asked whom she supported, Ms. Sherry smiled and said, “I'm waiting for Bloomberg.”"
        q = only(extractor, text)
        assert q.speaker.name == "Sherry"
        assert q.cue.text == "said"

    def test_according_to_before_a_quote(self, extractor):
        text = "According to the Daily Caller, “Labott also coordinated with Reines on the tweets.”"
        q = only(extractor, text)
        assert q.speaker.mention == "the Daily Caller"
        assert q.cue.text == "According to"

    def test_party_tag_after_the_name(self, extractor):
        text = (
            "“If they did not take part, they have nothing to worry about,” Sen. Chuck Schumer "
            "(D-N.Y.) said Tuesday. “If they did, they should be held accountable.”"
        )
        first, second = direct(extractor, text)
        assert first.speaker.name == "Chuck Schumer"
        assert first.speaker.mention == "Sen. Chuck Schumer (D-N.Y.)"
        assert second.cue.start == first.cue.start


class TestDescriptions:
    def test_description_after_the_quote_is_the_speaker(self, extractor):
        text = (
            "“It was very nice,” the gambling tycoon told Reuters in a rare interview in Macau. "
            "“He was very charming.”"
        )
        first, second = direct(extractor, text)
        assert first.speaker.mention == "the gambling tycoon"
        # an occupation noun (data/epithets.tsv) with no named person: an unnamed individual
        assert first.speaker.type is SpeakerType.ANONYMOUS
        assert (first.cue.start, first.cue.end) == (second.cue.start, second.cue.end)

    def test_inverted_description(self, extractor):
        text = (
            "“Donald is, and always has been, an amazing leader,” said the 46-year-old. "
            "“Now, he will go to work for you.”"
        )
        first, second = direct(extractor, text)
        assert first.speaker.mention == "the 46-year-old"
        assert second.cue.start == first.cue.start

    def test_unresolved_pronoun_keeps_the_cue_for_both_parts(self, extractor):
        first, second = direct(extractor, "“We will not stop,” he said. “Never, not for a day.”")
        assert first.speaker.name is None and first.speaker.mention == "he"
        assert second.speaker == first.speaker
        assert first.cue.text == "said"
        assert (first.cue.start, first.cue.end) == (second.cue.start, second.cue.end)


class TestResolution:
    def test_surname_resolves_to_full_name_and_role(self, extractor):
        text = (
            "Finance Minister Christian Lindner met bankers on Tuesday.\n"
            "“Rates are too high,” Lindner said."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Christian Lindner"
        assert q.speaker.mention == "Lindner"
        assert q.speaker.role == "Finance Minister"

    def test_pronoun_resolves_to_subject_of_previous_sentence(self, extractor):
        text = (
            "President Emmanuel Macron criticised Viktor Orban's veto on Thursday.\n"
            "“Europe cannot wait,” he said."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Emmanuel Macron"
        assert q.speaker.mention == "he"

    def test_unresolvable_pronoun_keeps_its_mention(self, extractor):
        q = only(extractor, "“We will not stop,” he said.")
        assert (q.speaker.name, q.speaker.mention, q.speaker.start, q.speaker.end) == (None, "he", 20, 22)

    def test_appositive_role(self, extractor):
        text = "Jake Sullivan, the national security adviser, said: “We have been clear.”"
        q = only(extractor, text)
        assert q.speaker.name == "Jake Sullivan"
        assert "national security adviser" in q.speaker.role

    def test_organization(self, extractor):
        q = only(extractor, "“The strike hit military targets only,” the Defense Ministry said.")
        assert q.speaker.type is SpeakerType.ORGANIZATION

    def test_anonymous(self, extractor):
        q = only(extractor, "“Nobody expected this,” a senior official told Reuters.")
        assert q.speaker.type is SpeakerType.ANONYMOUS
        assert q.via == "Reuters"


class TestStatements:
    def test_interrupted_quote_shares_the_cue_instance(self, extractor):
        text = "“We are ready,” Minister Anna Berg said. “But not at any price.”"
        first, second = direct(extractor, text)
        assert first.speaker.name == second.speaker.name == "Anna Berg"
        assert (first.cue.start, first.cue.end) == (second.cue.start, second.cue.end)

    def test_continuation_paragraph_keeps_speaker_with_lower_confidence(self, extractor):
        text = (
            "“The grid is stable,” Energy Minister Olena Koval said.\n"
            "“We have reserves for the winter.”"
        )
        first, second = direct(extractor, text)
        assert second.speaker.name == "Olena Koval"
        assert second.confidence < first.confidence


class TestChannels:
    def test_telegram(self, extractor):
        q = only(extractor, "“The attack was repelled,” Governor Vitaliy Kim wrote on Telegram.")
        assert q.via == "Telegram"

    def test_told_agency(self, extractor):
        q = only(extractor, "“There is no deal,” Dmitry Peskov told the Interfax news agency.")
        assert q.via == "Interfax"

    def test_quoted_as_saying(self, extractor):
        q = only(extractor, "“We will respond,” KCNA quoted Kim Yo Jong as saying.")
        assert q.speaker.name == "Kim Yo Jong"
        assert q.via == "KCNA"


class TestNotSpeech:
    def test_scare_quotes_have_no_speaker(self, extractor):
        text = "Officials in Moscow call the government the “Kyiv regime” in briefings."
        assert all(q.speaker is None for q in extractor.extract(text) if q.kind is QuoteKind.DIRECT)
        assert not direct(extractor, text)

    def test_quoted_word_in_headline_is_ignored(self, extractor):
        text = "Minister slams 'sabotage' at port\nThe port reopened on Monday after repairs."
        assert extractor.extract(text) == []

    def test_related_articles_list_is_ignored(self, extractor):
        body = "The port reopened on Monday after repairs to the main crane were completed. " * 3
        text = body + "\nRelated Articles\n“We are back,” the port director said.\n"
        assert extractor.extract(text) == []


class TestSubjectPhrases:
    """Speakers before the quote whose noun phrase has an apposition or initial."""

    def test_possessive_role_apposition(self, extractor):
        text = "Mara Quist, Lindgren's chief strategist, said, “The delegates will decide this race.”"
        q = only(extractor, text)
        assert q.speaker.name == "Mara Quist"
        assert q.speaker.mention == "Mara Quist, Lindgren's chief strategist"
        assert (q.speaker.start, q.speaker.end) == (0, len("Mara Quist, Lindgren's chief strategist"))
        assert q.cue.text == "said"
        assert text[q.start:q.end] == "The delegates will decide this race."

    def test_middle_initial_is_not_an_article(self, extractor):
        text = (
            "Owen T. Barlow, a former cybersecurity official who now studies state hackers, "
            "said, “They almost certainly picked it up.”"
        )
        q = only(extractor, text)
        assert q.speaker.name == "Owen T. Barlow"
        assert q.speaker.start == 0
        assert text[q.speaker.end - len("state hackers"):q.speaker.end] == "state hackers"

    def test_initials_before_a_surname(self, extractor):
        text = "The session ended late. G.H. Mwangi told reporters: “We will be back on Monday.”"
        q = only(extractor, text)
        assert q.speaker.name == "G.H. Mwangi"
        assert text[q.speaker.start:q.speaker.end] == "G.H. Mwangi"

    def test_role_then_name_after_an_opening_phrase(self, extractor):
        text = (
            "In a statement to the Gazette, her senior policy adviser, Tom Vasquez, said: "
            "“Cooperation across the border is essential.”"
        )
        q = only(extractor, text)
        assert q.speaker.name == "Tom Vasquez"
        assert q.speaker.mention == "her senior policy adviser, Tom Vasquez"
        assert text[q.speaker.start:q.speaker.end] == q.speaker.mention

    def test_question_in_double_apostrophes(self, extractor):
        text = "He spoke about the map.\n\n''Can we win Ohio?'' Mr. Delgado asked."
        q = only(extractor, text)
        assert q.speaker.name == "Delgado"
        assert q.cue.text == "asked"
        assert q.text == "Can we win Ohio?"

    def test_age_apposition_after_the_quote(self, extractor):
        text = "“It was wrong not to confront him,” Ramos, 58, told AFP on Monday."
        q = only(extractor, text)
        assert q.speaker.name == "Ramos"
        assert q.speaker.mention == "Ramos, 58"
        assert q.cue.text == "told"
        assert q.via == "AFP"

    def test_bill_is_a_first_name_before_a_name(self, extractor):
        text = (
            "Hillary Clinton spoke first. Later, former President Bill Clinton took the stage.\n\n"
            "“We need to do better,” Bill Clinton said."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Bill Clinton"
        assert text[q.speaker.start:q.speaker.end] == "Bill Clinton"

    def test_bill_first_name_with_a_role_apposition(self, extractor):
        text = "“It will take a long time,” Bill Okafor, refugee program director at a rights group, said."
        q = only(extractor, text)
        assert q.speaker.name == "Bill Okafor"
        assert q.speaker.mention == "Bill Okafor, refugee program director at a rights group"

    def test_new_starts_a_place_name(self, extractor):
        text = "“It will be close,” said one New Hampshire Democrat."
        q = only(extractor, text)
        assert q.speaker.mention == "one New Hampshire Democrat"
        text = "Later, New Jersey Mayor Anna Ruiz said, “We are ready.”"
        q = only(extractor, text)
        assert q.speaker.name == "Anna Ruiz"
        assert q.speaker.mention == "New Jersey Mayor Anna Ruiz"
        assert text[q.speaker.start:q.speaker.end] == q.speaker.mention


class TestMannerVerbs:
    def test_barked(self, extractor):
        q = only(extractor, "Intro.\n\n“Go back to your seat,” Mayor Tom Reyes barked at the heckler.")
        assert q.speaker.name == "Tom Reyes"
        assert q.cue.text == "barked"

    def test_inverted_beamed(self, extractor):
        text = "“This is fantastic!” beamed Donna Hale, a delegate from Ohio."
        q = only(extractor, text)
        assert q.speaker.name == "Donna Hale"
        assert q.speaker.mention == "Donna Hale, a delegate from Ohio"
        assert q.cue.text == "beamed"


class TestLooseSubjects:
    """Subjects between the closing mark and the cue that are not a plain name."""

    def test_possessive_relation_before_a_name(self, extractor):
        text = "Intro.\n\n“He had so many plans,” his cousin Amadou Diallo told reporters."
        q = only(extractor, text)
        assert q.speaker.name == "Amadou Diallo"
        assert q.speaker.mention == "his cousin Amadou Diallo"
        assert text[q.speaker.start:q.speaker.end] == "his cousin Amadou Diallo"

    def test_lowercase_role_before_a_name(self, extractor):
        text = "Intro.\n\n“I am impressed,” screenwriter Lena Moss tweeted."
        q = only(extractor, text)
        assert q.speaker.name == "Lena Moss"
        assert q.speaker.mention == "screenwriter Lena Moss"

    def test_description_with_an_attachment(self, extractor):
        text = "Intro.\n\n“The facts have not changed,” a spokesman for committee Democrats said."
        q = only(extractor, text)
        assert q.speaker.mention == "a spokesman for committee Democrats"
        assert q.cue.text == "said"

    def test_speaker_after_a_full_stop_inside_the_marks(self, extractor):
        text = "Intro.\n\n“I hope you find the missing files.” Senator Ruiz said."
        q = only(extractor, text)
        assert q.speaker.name == "Ruiz"
        assert q.cue.text == "said"

    def test_a_new_statement_after_a_full_stop_is_not_the_attribution(self, extractor):
        text = "“We will win.” Governor Ruiz said the polls were wrong."
        q = only(extractor, text)
        assert q.speaker is None

    def test_long_apposition_after_an_exclamation(self, extractor):
        text = "“Can’t argue with it!” Murphy, the head of a rival super PAC, tweeted."
        q = only(extractor, text)
        assert q.speaker.name == "Murphy"
        assert q.speaker.mention == "Murphy, the head of a rival super PAC"


class TestBeforeForms:
    """Cues and subjects before the opening mark."""

    def test_as_x_put_it(self, extractor):
        text = "Or, as Dana Whitfield, a former trade envoy, put it: “The walls are already down.”"
        q = only(extractor, text)
        assert q.speaker.name == "Dana Whitfield"
        assert q.speaker.mention == "Dana Whitfield, a former trade envoy"
        assert q.cue.text == "put it"

    def test_as_x_noted(self, extractor):
        text = "As Peter K. Lund, an analyst at a research institute, noted, “Everyone is waiting.”"
        q = only(extractor, text)
        assert q.speaker.name == "Peter K. Lund"
        assert q.cue.text == "noted"

    def test_sentence_opening_inverted_cue(self, extractor):
        text = "The hearing ended late.\n\nSaid Brennan, “The error was painful to watch.”"
        q = only(extractor, text)
        assert q.speaker.name == "Brennan"
        assert q.speaker.mention == "Brennan"
        assert q.cue.text == "Said"

    def test_participle_aside_between_subject_and_cue(self, extractor):
        text = "Marlow, speaking to farmers, said, “Last time I looked, you had not voted.”"
        q = only(extractor, text)
        assert q.speaker.mention == "Marlow"
        assert q.cue.text == "said"

    def test_party_tag_then_aside(self, extractor):
        text = "But Sen. Ana Ortiz (D-Ill.), noting the size of the crowd, said, “He has a hold on them.”"
        q = only(extractor, text)
        assert q.speaker.name == "Ana Ortiz"
        assert q.speaker.mention == "Sen. Ana Ortiz (D-Ill.)"

    def test_but_added_after_a_report_with_an_age(self, extractor):
        text = "Ms. Tan, 70, said it was too early to celebrate but added, “You all know the result.”"
        q = only(extractor, text)
        assert q.speaker.name == "Tan"
        assert q.cue.text == "added"

    def test_and_added_after_said(self, extractor):
        text = "Lazar said he welcomed the hearing and added, “I will plead guilty.”"
        q = only(extractor, text)
        assert q.speaker.name == "Lazar"
        assert q.cue.text == "added"


class TestSourceSpans:
    """Mentions cover PolNeAR's whole source phrase."""

    def test_compound_role_before_a_name_after_an_inverted_cue(self, extractor):
        text = "“We raised the money,” said Lindgren campaign manager Joel Weber."
        q = only(extractor, text)
        # Not Lindgren: the speaker is the campaign manager.
        assert q.speaker.name == "Joel Weber"
        assert q.speaker.mention == "Lindgren campaign manager Joel Weber"

    def test_compound_role_before_a_name_and_cue(self, extractor):
        text = "Famed fight doctor Ed Pacheco said, “He was the greatest.”"
        q = only(extractor, text)
        assert q.speaker.name == "Ed Pacheco"
        assert q.speaker.mention == "Famed fight doctor Ed Pacheco"

    def test_capitalised_role_words_after_the_quote(self, extractor):
        text = "“It is over,” Republican party boss Rey Pribble said."
        q = only(extractor, text)
        assert q.speaker.name == "Rey Pribble"
        assert q.speaker.mention == "Republican party boss Rey Pribble"

    def test_familiar_with_after_an_inverted_cue(self, extractor):
        text = "“We have no plan,” said one Democrat familiar with the discussion."
        q = only(extractor, text)
        assert q.speaker.mention == "one Democrat familiar with the discussion"
        assert text[q.speaker.start:q.speaker.end] == q.speaker.mention
        assert q.speaker.type is SpeakerType.ANONYMOUS

    def test_possessive_phrase_after_an_inverted_cue(self, extractor):
        text = (
            "Sanders spoke first.\n\n"
            "“We will chip away at the lead,” added his campaign manager Joel Weber, speaking to CNN."
        )
        q = only(extractor, text)
        # "his" opens the phrase: the speaker is the manager, not Sanders.
        assert q.speaker.name == "Joel Weber"
        assert q.speaker.mention == "his campaign manager Joel Weber"


class TestOwnAttributionAfterTheQuote:
    def test_quote_with_its_own_unread_cue_does_not_take_the_report_speaker(self, extractor):
        text = (
            "Officials praised the effort on Friday.\n\n"
            "“Not us but we can’t argue with it!” Marlow, the head of a rival group, Tweeted on Friday."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Marlow"
        assert q.cue.text == "Tweeted"

    def test_plural_possessive_in_an_apposition(self, extractor):
        text = "Intro.\n\n“The numbers put us on pace,” Joel Weber, Lindgrens’ campaign manager, said in a statement."
        q = only(extractor, text)
        assert q.speaker.name == "Joel Weber"
        assert q.speaker.mention == "Joel Weber, Lindgrens’ campaign manager"

    def test_name_of_an_institution_after_the_quote(self, extractor):
        text = "Intro.\n\n''Big tax cuts do not work,'' Jim Petrakis of the American Policy Institute wrote recently."
        q = only(extractor, text)
        assert q.speaker.name == "Jim Petrakis"
        assert q.speaker.mention == "Jim Petrakis of the American Policy Institute"

    def test_prepositional_aside(self, extractor):
        text = "Intro.\n\n“He had a lot of supporters,” Blunt, after a long pause, said of Cruz."
        q = only(extractor, text)
        assert q.speaker.mention == "Blunt"

    def test_nested_quote_closing_with_three_apostrophes(self, extractor):
        text = (
            "Intro.\n\n''Voters will not be satisfied with 'We'll bomb them,''' "
            "said Senator Joan Miles of Arizona."
        )
        q = only(extractor, text)
        assert q.text == "Voters will not be satisfied with 'We'll bomb them,'"
        assert q.speaker.name == "Joan Miles"
        assert q.speaker.mention == "Senator Joan Miles of Arizona"


class TestNotQuotes:
    def test_book_title_in_double_apostrophes(self, extractor):
        text = "In his autobiography, ''A Time for Truth,'' published in 2015, Mr. Cole described his youth."
        assert not direct(extractor, text)

    def test_show_title(self, extractor):
        text = "He hosted a new program, “The Overthrow Show,” where his voice took on a deeper tone."
        assert not direct(extractor, text)

    def test_single_quoted_subheading_line(self, extractor):
        text = (
            "She was fired in 2005.\n\n'A change warrior.'\n\n"
            "“I was proud of the work,” Fiorella said on Monday."
        )
        found = direct(extractor, text)
        assert [q.text for q in found] == ["I was proud of the work"]
        assert found[0].speaker.name == "Fiorella"

    def test_a_line_of_single_quoted_speech_with_its_speaker_is_not_a_subheading(self, extractor):
        text = (
            "The talks stalled.\n'There is no date for the next round,' the mayor's spokeswoman "
            "Ana Ruiz told reporters. 'We are still waiting.'\n"
        )
        found = direct(extractor, text)
        assert [q.text for q in found] == ["There is no date for the next round", "We are still waiting."]
        assert {q.speaker.name for q in found} == {"Ana Ruiz"}

    def test_title_case_slogan_after_a_cue_is_still_a_quote(self, extractor):
        text = "The crowd chanted, “Build The Wall,” as he spoke."
        assert [q.text for q in direct(extractor, text)] == ["Build The Wall"]


class TestColonSpeaker:
    def test_transcript_style_names(self, extractor):
        text = (
            "Jed Barton and Hanna Clune reject the term.\n\n"
            'Clune: "Our goal is to defeat them." Barton: "The mission is to destroy them."'
        )
        found = direct(extractor, text)
        assert [q.speaker.name for q in found] == ["Hanna Clune", "Jed Barton"]
        assert [q.speaker.mention for q in found] == ["Clune", "Barton"]
        assert all(q.cue is None for q in found)

    def test_name_with_party_tag_and_colon(self, extractor):
        text = 'Intro.\n\nRep. Tom Gaddy (R-S.C.): "I have not heard anyone say that."'
        q = only(extractor, text)
        assert q.speaker.name == "Tom Gaddy"
        assert q.speaker.mention == "Rep. Tom Gaddy (R-S.C.)"

    def test_name_after_a_dash(self, extractor):
        q = only(extractor, "Pollsters agree - Carl Bialek: “Keep on contacting voters.”")
        assert q.speaker.name == "Carl Bialek"

    def test_unknown_single_word_before_a_colon_is_no_speaker(self, extractor):
        q = only(extractor, 'Update: "We are here now."')
        assert q.speaker is None


class TestLeadIn:
    def test_statement_starting_before_a_parenthetical_cue_is_mixed(self, extractor):
        text = (
            "Intro.\n\nJudging the candidates by national polls, Stevens said, "
            "“is like judging a golfer by his bowling average.”"
        )
        found = [q for q in extractor.extract(text) if q.provenance.rules[-1] == "lead-in"]
        assert [q.kind for q in found] == [QuoteKind.MIXED, QuoteKind.MIXED]
        assert found[0].text == "Judging the candidates by national polls"
        assert text[found[0].start:found[0].end] == found[0].text
        assert found[1].text == "is like judging a golfer by his bowling average."
        assert {q.speaker.name for q in found} == {"Stevens"}
        assert found[0].cue == found[1].cue and found[0].cue.text == "said"

    def test_capitalised_quote_after_a_parenthetical_cue_stays_direct(self, extractor):
        text = "Intro.\n\nJudging the candidates by polls, Stevens said, “It is a mistake.”"
        q = only(extractor, text)
        assert q.text == "It is a mistake."

    def test_went_on_to_say(self, extractor):
        text = "Intro.\n\nBryant went on to say, “From the bottom of my heart, I know this to be true.”"
        q = only(extractor, text)
        assert q.speaker.name == "Bryant"
        assert q.cue.text == "went on to say"

    def test_interjected_to_say_after_a_relative_clause(self, extractor):
        text = "Intro.\n\nO'Malley, who signed gun laws as governor, interjected to say: “They have both been inconsistent.”"
        q = only(extractor, text)
        assert q.speaker.name == "O'Malley"
        assert q.cue.text == "interjected to say"

    def test_according_to_after_the_quote(self, extractor):
        text = "Intro.\n\n“Officials expect to close the case without charges,” according to CNN."
        q = only(extractor, text)
        assert q.speaker.name == "CNN"
        assert q.cue.text == "according to"

    def test_quote_signed_on_the_next_line(self, extractor):
        text = (
            "Hanna Clune spoke on Monday.\n\n"
            "“I went to the bank before the crash. I warned them.”\n\n- Clune.\n\nOthers disagreed."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Hanna Clune"
        assert text[q.speaker.start:q.speaker.end] == "Clune"
        assert q.cue is None

    def test_cue_in_a_relative_clause_after_the_name(self, extractor):
        text = (
            "On Thursday, Cruz won an endorsement from a colleague, Mike Leland, who declared "
            "in the spin room, “It is time to unite.”"
        )
        q = only(extractor, text)
        assert q.speaker.name == "Mike Leland"
        assert q.cue.text == "declared"

    def test_apposition_ending_with_town_and_state(self, extractor):
        text = "“It is hard,” said Wil Dorne, a professor of education at a university in Nashville, Tennessee."
        q = only(extractor, text)
        assert q.speaker.name == "Wil Dorne"
        assert q.speaker.mention.endswith("in Nashville, Tennessee")

    def test_managing_director_and_capitalised_company_role(self, extractor):
        q = only(extractor, "“It is hard,” said Ken Senna, managing director at Evercroft.")
        assert q.speaker.mention == "Ken Senna, managing director at Evercroft"
        q = only(extractor, "“It is hard,” said Bran Silvers, CrowdTangle chief executive.")
        assert q.speaker.mention == "Bran Silvers, CrowdTangle chief executive"

    def test_pointed_out(self, extractor):
        q = only(extractor, "Intro.\n\n''The stock hasn't done well,'' Mr. Rubin pointed out.")
        assert q.speaker.name == "Rubin"
        assert q.cue.text == "pointed out"
        text = "As Dana Byers pointed out in December, “The delegates met in secret.”"
        q = only(extractor, text)
        assert q.speaker.name == "Dana Byers"
        assert q.cue.text == "pointed out"

    def test_title_word_as_a_surname_after_an_honorific(self, extractor):
        q = only(extractor, "Intro.\n\n“We will act,” Mr. King said.")
        assert q.speaker.name == "King"
        assert q.speaker.mention == "Mr. King"
        assert q.cue.text == "said"

    def test_coordinated_cue_takes_the_nearest_clause_subject(self, extractor):
        text = "Asked whether Ms. Ruiz would run, Tom Weller laughed and said, “We will see about that.”"
        q = only(extractor, text)
        assert q.speaker.name == "Tom Weller"
        text = "Smiling, she thanked the crowd and then boomed, “There is no place like home.”"
        q = only(extractor, text)
        assert q.speaker is None or q.speaker.mention != "Smiling"


class TestCanonicalNames:
    """A short mention resolves to the person, never to a venue or a headline run."""

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            pytest.param(
                "Mayor Dana Kowal opened the Kowal Tower Grill on Monday. "
                "“It is a good day for the city,” Kowal said.",
                "Dana Kowal",
                id="surname-beats-a-place-named-after-the-person",
            ),
            pytest.param(
                "Rival Priya Natarajan spoke first. Priya Natarajan is a lawyer. "
                "“We will win this seat,” Natarajan said.",
                "Priya Natarajan",
                id="sentence-opening-word-is-not-part-of-the-name",
            ),
            pytest.param(
                "Comedian Lena Abbot joined the rally. The comedian had flown in that morning. "
                "“Nobody should stay home,” Abbot said.",
                "Lena Abbot",
                id="common-word-before-a-full-name-is-dropped",
            ),
            pytest.param(
                "Actress Mira Solberg joined the rally on Monday. “This plan is fair,” Solberg said.",
                "Mira Solberg",
                id="role-word-opening-a-headline-is-not-part-of-the-name",
            ),
            pytest.param(
                "Is Tomas Brandt Ready?\n\nTomas Brandt toured the plant on Friday. "
                "“We are ready,” Brandt said.",
                "Tomas Brandt",
                id="question-headline-verb-is-not-a-first-name",
            ),
        ],
    )
    def test_short_mention_resolves_to_the_person(self, extractor, text, name):
        q = only(extractor, text)
        assert q.speaker.name == name
        assert q.speaker.type is SpeakerType.PERSON


class TestCommonWordsAreNotPeople:
    """A capitalised common word opening a sentence is never typed as a person."""

    def test_adverb_opening_a_sentence_names_nobody(self, extractor):
        text = "Shortly before noon the council met. “We will reopen the bridge,” Shortly said."
        for q in extractor.extract(text):
            assert q.speaker is None or q.speaker.type is not SpeakerType.PERSON

    def test_plural_common_noun_is_a_group(self, extractor):
        text = (
            "The plan drew fire from critics on Monday. "
            "Critics said the new tax would hurt small farms across the region."
        )
        found = [q for q in extractor.extract(text) if q.speaker is not None]
        assert found, found
        for q in found:
            assert q.speaker.type is not SpeakerType.PERSON


class TestDescriptionTypes:
    """Descriptions keep the mention; only person nouns are typed as people."""

    def test_the_city_is_not_a_person(self, extractor):
        text = "The city said the new bus lanes would open in the spring."
        for q in extractor.extract(text):
            if q.speaker is not None and q.speaker.name == "city":
                assert q.speaker.type is not SpeakerType.PERSON

    def test_a_prosecutor_description_is_an_unnamed_person(self, extractor):
        text = "The county's chief prosecutor said the charges would be dropped."
        found = [q for q in extractor.extract(text) if q.speaker is not None]
        assert found and found[0].speaker.type is SpeakerType.ANONYMOUS

    def test_verb_read_into_the_subject_is_not_part_of_the_name(self, extractor):
        text = "The Kessler campaign sent out a statement saying the audit was a partisan stunt."
        for q in extractor.extract(text):
            if q.speaker is not None:
                assert q.speaker.name == "Kessler campaign"
                assert q.speaker.type is SpeakerType.ORGANIZATION


class TestPluralGroups:
    """Party members and nationalities in the plural are groups, not people."""

    def test_party_plural_is_a_group(self, extractor):
        found = [q for q in extractor.extract("Senate Republicans said the bill would fail on Tuesday.") if q.speaker]
        assert found
        assert found[0].speaker.type is SpeakerType.GROUP
        assert found[0].speaker.name == "Senate Republicans"

    def test_nationality_plural_is_a_group(self, extractor):
        found = [q for q in extractor.extract("Ukrainians say the war must end on their terms.") if q.speaker]
        assert found
        assert found[0].speaker.type is SpeakerType.GROUP

    def test_surname_ending_in_s_stays_a_person(self, extractor):
        found = [q for q in extractor.extract("Senator Ann Roberts said the bill would fail.") if q.speaker]
        assert found[0].speaker.type is SpeakerType.PERSON
        assert found[0].speaker.name == "Ann Roberts"


class TestPronounAntecedents:
    def test_tail_of_an_organisation_name_is_no_antecedent(self, extractor):
        text = (
            "Mayor Tom Brekke spoke on Monday. "
            "Figures from the Center for Civic Ledgers show the gap widening. "
            "“We will close it by spring,” he said."
        )
        q = only(extractor, text)
        assert q.speaker.name == "Tom Brekke"


class TestPluralHeads:
    def test_officials_of_an_organisation_are_a_group(self, extractor):
        found = [q for q in extractor.extract("Defense ministry officials said the drills would end on Friday.") if q.speaker]
        assert found
        assert found[0].speaker.type is SpeakerType.GROUP

    def test_compass_place_is_not_a_person(self, extractor):
        q = only(extractor, "“The primary will be close,” South Carolina said in a filing.")
        assert q.speaker.name == "South Carolina"
        assert q.speaker.type is SpeakerType.ORGANIZATION


# "“Q,” X <adverb> said": the adverb between the speaker and the cue (PolNeAR train:
# "repeatedly said", "soon noted", "jokingly said") is neither speaker nor a break; like
# PolNeAR's cue spans, the cue starts at it.
P, U, A = SpeakerType.PERSON, SpeakerType.UNKNOWN, SpeakerType.ANONYMOUS
ADVERB_CASES = [
    ("“We have the votes,” Okafor famously said in 2019.", "Okafor", "Okafor", P, "famously said"),
    (
        "“The plan is dead,” the minister quickly added.",
        "minister", "the minister", A, "quickly added",  # no minister named: an unnamed person
    ),
    (
        "“Nobody called us,” Lena Marsh angrily told reporters.",
        "Lena Marsh", "Lena Marsh", P, "angrily told",
    ),
    (
        "“It was a mistake,” Aiyana Brooks soon noted.",
        "Aiyana Brooks", "Aiyana Brooks", P, "soon noted",
    ),
    (
        "“We will appeal,” the Harlow family quickly said.",
        "Harlow family", "the Harlow family", U, "quickly said",
    ),
]


@pytest.mark.parametrize(("text", "name", "mention", "kind", "cue"), ADVERB_CASES)
def test_adverb_between_speaker_and_cue(extractor, text, name, mention, kind, cue):
    found = extractor.extract(text)
    assert [q.kind for q in found] == [QuoteKind.DIRECT]  # no reported item repeats the quote
    (q,) = found
    assert text[q.start : q.end] == q.text
    assert (q.speaker.name, q.speaker.mention, q.speaker.type) == (name, mention, kind)
    assert text[q.speaker.start : q.speaker.end] == mention
    assert q.cue.text == cue


# "“Q,” X, who …, said": the speaker is X, the mention the whole source phrase, and a
# cue word inside the relative clause ("declined", "asked") is no cue of its own.
RELATIVE_CLAUSE_CASES = [
    (
        "“It is a disgrace,” one commuter, who declined to give his name, said.",
        "one commuter", "one commuter, who declined to give his name", "said",
    ),
    (
        "“Nobody warned us,” a farmer, who asked not to be identified, told reporters.",
        "a farmer", "a farmer, who asked not to be identified", "told",
    ),
    (
        "“The rent doubled,” Pilar Ortiz, who has lived on the street since 1990, said.",
        "Pilar Ortiz", "Pilar Ortiz, who has lived on the street since 1990", "said",
    ),
]


@pytest.mark.parametrize(("text", "name", "mention", "cue"), RELATIVE_CLAUSE_CASES)
def test_relative_clause_between_speaker_and_cue(extractor, text, name, mention, cue):
    found = extractor.extract(text)
    assert [q.kind for q in found] == [QuoteKind.DIRECT]  # the clause makes no report
    (q,) = found
    assert text[q.start : q.end] == q.text
    assert (q.speaker.name, q.speaker.mention) == (name, mention)
    assert text[q.speaker.start : q.speaker.end] == mention
    assert q.cue.text == cue


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ('"', '"')])
def test_that_quote_keeps_both_marks(extractor, opening, closing):
    # The content starts at "that", so the opening mark is in it; so is the closing one.
    text = (
        f"Okafor said the vote would be close, adding that {opening}every ballot counts.{closing}"
    )
    q = next(q for q in extractor.extract(text) if q.kind is QuoteKind.DIRECT)
    assert q.text == f"that {opening}every ballot counts.{closing}"
    assert text[q.start : q.end] == q.text
    assert q.speaker.name == "Okafor"
    assert q.cue.text == "adding"


# A name and a colon opening a line: the speaker of the quote (no cue); a verb of saying
# before the name is the cue. Headline labels and unknown words name nobody.
COLON_NAME_CASES = [
    ('Okafor: "We will appeal the ruling."', "Okafor", "Okafor", None),
    ("The hearing ended late.\n\nOkafor: “We will appeal the ruling.”", "Okafor", "Okafor", None),
    ('Declared Okafor: "We will appeal the ruling."', "Okafor", "Okafor", "Declared"),
    ('Stated Lena Marsh: "We will appeal the ruling."', "Lena Marsh", "Lena Marsh", "Stated"),
    (
        'Dana Okafor spoke last.\n\nContinued Okafor: "We will appeal the ruling."',
        "Dana Okafor", "Okafor", "Continued",
    ),
    ('Said Okafor: "We will appeal the ruling."', "Okafor", "Okafor", "Said"),
    ('Added Okafor: "We will appeal the ruling."', "Okafor", "Okafor", "Added"),
]


@pytest.mark.parametrize(("text", "name", "mention", "cue"), COLON_NAME_CASES)
def test_name_and_colon_before_a_quote(extractor, text, name, mention, cue):
    found = extractor.extract(text)
    assert [q.kind for q in found] == [QuoteKind.DIRECT]  # no reported item with cue ":"
    (q,) = found
    assert q.text == text[q.start : q.end] == "We will appeal the ruling."
    assert (q.speaker.name, q.speaker.mention) == (name, mention)
    assert q.speaker.type is SpeakerType.PERSON
    assert text[q.speaker.start : q.speaker.end] == mention
    assert (q.cue.text if q.cue else None) == cue


@pytest.mark.parametrize(
    "text",
    [
        'Poll: "Most voters want a change of course."',
        'Analysis: "A turning point for the party."',
        'Watch: "The moment the crowd turned on the mayor."',
        "Correction: 'An earlier version misstated the date of the vote.'",
        'The candidates met.\n\nCritics: "It is a sham and a waste of time."',
        "The rally ended.\n\n'A change warrior.'\n\nThe mayor spoke next.",
    ],
)
def test_headline_label_before_a_colon_names_nobody(extractor, text):
    # A subheading or a title-like label line may give no direct quote at all.
    found = direct(extractor, text)
    assert all(q.speaker is None and text[q.start : q.end] == q.text for q in found)


# The cue starts at its verb group, as PolNeAR's cue spans do ("has said", "also said",
# "would later say"): auxiliaries, negation and adverbs directly before the verb, never
# the subject; in "X, who has …, said" the "has" belongs to the relative clause.
VERB_GROUP_CASES = [
    ("“We will not back down,” the mayor has repeatedly said.", "the mayor", "has repeatedly said"),
    ("The senator would later say: “I was wrong about the war.”", "The senator", "would later say"),
    (
        "“The contract is fair,” Dana Reyes, who has led the union since 2019, said.",
        "Dana Reyes, who has led the union since 2019", "said",
    ),
    ("“It is over,” said Governor Ann Lee.", "Governor Ann Lee", "said"),
]


@pytest.mark.parametrize(("text", "mention", "cue"), VERB_GROUP_CASES)
def test_cue_starts_at_its_verb_group(extractor, text, mention, cue):
    q = only(extractor, text)
    assert q.cue.text == cue
    assert text[q.cue.start : q.cue.end] == q.cue.text
    assert q.speaker.mention == mention
