"""Word lists used by detection and attribution.

Two lists are learned from PolNeAR's train split by ``scripts/build_lexicons.py``
and shipped in ``quotes/data``: cue words (``said``, ``told``, ``according``...)
with their type, and the lower-case words that occur in source spans
(``spokesman``, ``officials``...). The rest are small hand-written closed classes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

__all__ = [
    "AGENCY_ACRONYMS",
    "ANONYMOUS_HEADS",
    "CLAUSE_CONJUNCTIONS",
    "CLAUSE_OPENERS",
    "CUE_AUXILIARIES",
    "GROUP_HEADS",
    "HEADLINE_LABELS",
    "INITIALS",
    "MONTHS",
    "NON_NAME_CAPITALS",
    "ORG_WORDS",
    "PLACES",
    "PRONOUNS",
    "REPORTING_VERBS",
    "SUBORDINATORS",
    "TITLES",
    "US_STATES",
    "WEEKDAYS",
    "cue_rates",
    "cue_stances",
    "cue_words",
    "epithet_nouns",
    "given_name_forms",
    "initials",
    "place_name",
    "relative_word",
    "source_words",
    "word_alternation",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _read_tsv(name: str) -> list[list[str]]:
    data = resources.files("quotes").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in data.splitlines() if line and not line.startswith("#")]


# Learned cue words that are not verbs of attribution on their own.
_CUE_STOP = _words(
    """made make like known seen view clear criticism question questions read put named focused
    looking reportedly talking pointing pointed voted call offered released decided push pushed
    support supported supporting backing backed agreed agree sought seeking opposed favor
    endorsed considered discuss plans wanted want wants hope hopes hoping expected"""
)
# Cue words missing from the learned list or too rare in it, all of type speech.
_CUE_EXTRA = _words(
    """say says said saying tell tells told telling add adds added adding reply replies replied
    replying respond responds responded write writes wrote written state states stated stating
    announce announces announced declare declares declared insist insists insisted warn warns
    warned confirm confirms confirmed deny denies denied claim claims claimed stress stresses
    stressed emphasize emphasized emphasise emphasised remark remarks remarked comment comments
    commented explain explains explained note notes noted tweet tweets tweeted post posts posted
    ask asks asked quote quoted quoting assert asserts asserted allege alleges alleged admit
    admits admitted argue argues argued urge urges urged promise promises promised pledge pledges
    pledged vow vows vowed caution cautions cautioned reiterate reiterates reiterated repeat
    repeated acknowledge acknowledges acknowledged mention mentions mentioned predict predicted
    recall recalls recalled continue continues continued conclude concluded accuse accused
    dismiss dismissed disputed dispute report reports reported announce demand demanded
    demands"""
)
_BELIEF_EXTRA = _words(
    """think thinks thought believe believes believed want wants wanted hope hopes hoped expect
    expects expected fear fears feared feel feels felt worry worries worried know knows knew"""
)


@lru_cache(maxsize=1)
def cue_words() -> dict[str, str]:
    """Return ``{word: type}`` for cue words; type is ``speech``, ``claim`` or ``belief``.

    Examples:
        >>> cue_words()["said"], cue_words()["believes"]
        ('speech', 'belief')
    """
    table: dict[str, str] = {}
    for row in _read_tsv("cues.tsv"):
        word, kind = row[0], row[2]
        if word not in _CUE_STOP and word.isalpha() and word != "according":
            table[word] = kind
    for w in _CUE_EXTRA:
        table.setdefault(w, "speech")
    for w in _BELIEF_EXTRA:
        table[w] = "belief"
    return table


@lru_cache(maxsize=1)
def cue_rates() -> dict[str, tuple[float, int, str]]:
    """Return ``{word: (rate, count, type)}`` learned from PolNeAR train.

    ``count`` is how often the word heads a Cue span, ``rate`` the share of its
    occurrences in the train texts that do: ``said`` is a cue 88 % of the time,
    ``called`` about half the time (``called for`` versus ``called the police``).

    ``type`` is ``speech``, ``claim`` or ``belief`` as in `cue_words`.

    Examples:
        >>> rate, count, kind = cue_rates()["said"]
        >>> rate > 0.8 and count > 1000 and kind
        'speech'
    """
    table: dict[str, tuple[float, int, str]] = {}
    for row in _read_tsv("cues.tsv"):
        if len(row) >= 4 and row[0].isalpha():
            table[row[0]] = (float(row[3]), int(row[1]), row[2])
    return table


@lru_cache(maxsize=1)
def source_words() -> frozenset[str]:
    """Return lower-case words seen in PolNeAR train source spans (roles, groups...)."""
    return frozenset(source_word_counts())


@lru_cache(maxsize=1)
def source_word_counts() -> dict[str, int]:
    """Return how often each lower-case word occurs in PolNeAR train source spans."""
    return {row[0]: int(row[1]) for row in _read_tsv("source_words.tsv") if len(row) == 2 and row[1].isdigit()}


@lru_cache(maxsize=1)
def cue_stances() -> dict[str, tuple[str, str]]:
    """Return ``{word: (stance, when)}`` for cue words that do not assert their content.

    Read from ``quotes/data/stances.tsv``: ``stance`` is a `quotes.models.Stance`
    value (``denies``, ``questions``); ``when`` is ``question`` for words that
    question only a content opening with ``whether``, ``if`` or a wh-word (``asked
    whether C``, not ``asked him to C``), else empty.

    Examples:
        >>> cue_stances()["denied"], cue_stances()["asked"]
        (('denies', ''), ('questions', 'question'))
    """
    table: dict[str, tuple[str, str]] = {}
    for row in _read_tsv("stances.tsv"):
        table[row[0]] = (row[1], row[2] if len(row) > 2 else "")
    return table


@lru_cache(maxsize=1)
def epithet_nouns() -> dict[str, tuple[str, str]]:
    """Return ``{noun: (gender, kind)}`` for heads of descriptions that can name a person.

    Read from ``quotes/data/epithets.tsv``: ``the New York businessman``, ``the
    Vermont senator``. ``gender`` is ``male``, ``female`` or empty; ``kind`` is
    ``office`` (a title the article must give the person), ``occupation`` (a person
    the article gives no office) or ``epithet`` (any person).

    Examples:
        >>> epithet_nouns()["businessman"], epithet_nouns()["senator"]
        (('male', 'occupation'), ('', 'office'))
        >>> "official" in epithet_nouns()
        False
    """
    return {row[0]: (row[1], row[2]) for row in _read_tsv("epithets.tsv")}


@lru_cache(maxsize=1)
def given_name_forms() -> dict[str, frozenset[str]]:
    """Return ``{lower-case given name or nickname: the given names it can stand for}``.

    Read from ``quotes/data/nicknames.tsv``: a nickname stands for its given names, a
    given name for itself. Two first names can name one person when their sets meet.

    Examples:
        >>> sorted(given_name_forms()["chuck"]), sorted(given_name_forms()["charles"])
        (['charles'], ['charles'])
        >>> sorted(given_name_forms()["steve"])
        ['stephen', 'steven']
    """
    table: dict[str, set[str]] = {}
    for nickname, given in _read_tsv("nicknames.tsv"):
        table.setdefault(nickname, set()).add(given)
        table.setdefault(given, set()).add(given)
    return {name: frozenset(forms) for name, forms in table.items()}


#: Pronouns that can be speakers, lower case.
PRONOUNS = _words("he she they it we i him her them you")

#: Coordinating conjunctions that may open a sentence or clause before its subject
#: (``But Smith said``, ``And they``); lower case.
CLAUSE_CONJUNCTIONS = _words("and but so yet")

#: What may stand before a subject that opens its clause: a conjunction
#: (`CLAUSE_CONJUNCTIONS`) or a sentence adverb (``Meanwhile, Smith said``); lower case.
#: The readers that allow a few more or fewer words derive their list from this one,
#: the difference spelled out where they do.
CLAUSE_OPENERS = CLAUSE_CONJUNCTIONS | _words("still meanwhile however instead now")

#: Subordinating conjunctions that open an adverbial clause before the main clause
#: (``When Smith spoke, ...``, ``If elected, ...``); lower case. The lists of words that
#: open a leading adverbial add to these.
SUBORDINATORS = _words("after although as because before if once since though unless until when while")


def word_alternation(words: Iterable[str], *, capitalised: bool = False) -> str:
    """A regular-expression group matching any one of ``words``: ``(?:but|and|...)``.

    The words are escaped and put longest first (then alphabetically), so the pattern
    is the same on every run and a word is never cut short by a shorter one. With
    ``capitalised``, each word is written with a capital first letter (``But``), for a
    pattern compiled without ``re.I`` that reads a sentence start.

    Examples:
        >>> word_alternation({"so", "but"}), word_alternation({"so"}, capitalised=True)
        ('(?:but|so)', '(?:So)')
    """
    forms = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w.capitalize() if capitalised else w) for w in forms) + ")"


#: Verbs that introduce reported content (a clause) in news; stricter than the cue lexicon,
#: which also holds nouns and event verbs that PolNeAR annotates ("criticism", "held").
REPORTING_VERBS = frozenset(
    """say says said saying tell tells told telling add adds added adding claim claims claimed
    claiming state stated stating announce announces announced announcing confirm confirms
    confirmed deny denies denied denying warn warns warned warning insist insists insisted
    argue argues argued arguing assert asserts asserted suggest suggests suggested note notes
    noted noting report reports reported explain explains explained acknowledge acknowledges
    acknowledged admit admits admitted reiterate reiterates reiterated stress stresses stressed
    emphasize emphasized emphasise emphasised predict predicts predicted promise promises
    promised vow vows vowed pledge pledges pledged write writes wrote tweet tweets tweeted
    allege alleges alleged caution cautions cautioned contend contends contended maintain
    maintains maintained recall recalls recalled reply replies replied respond responds
    responded complain complains complained conclude concludes concluded concede concedes
    conceded mention mentions mentioned indicate indicates indicated signal signals signaled
    signalled hint hints hinted believe believes believed think thinks thought hope hopes hoped
    expect expects expected fear fears feared know knows knew feel feels felt worry worries
    worried doubt doubts doubted accuse accuses accused urge urges urged dispute disputes
    disputed dismiss dismissed remarked remark remarks declare declares declared estimate
    estimates estimated""".split()
)

#: Capitalised words that label a headline or section before a colon (``Poll: “…”``,
#: ``Update:``): never a speaker, in the direct and the reported colon rules.
HEADLINE_LABELS = _words(
    """update updated related note photo photos video videos watch exclusive breaking opinion
    analysis live advertisement source sources credit correction clarification disclosure
    transcript read listen q a warning caption file poll polls survey editorial review verdict
    quote quotes headline summary statement context background reaction response recap preview
    explainer fact takeaway lesson lessons bottom highlights results timeline podcast interview
    chart graphic map spoiler bonus trivia reminder alert comment comments reply question answer
    tags topics share subscribe sign editor's editor’s editors"""
)

#: Auxiliaries and adverbs allowed between a speaker and its cue verb.
CUE_AUXILIARIES = _words(
    """has have had also later earlier then previously once again repeatedly recently reportedly
    publicly privately separately subsequently further additionally initially ultimately
    would will could may might did does do had has already still just first last"""
)

#: Words of roles and titles: never part of a person's canonical name.
TITLES = _words(
    """president vice spokesman spokeswoman spokesperson minister secretary chief staff envoy gov
    governor sen senator rep representative mr mrs ms miss dr prof professor general gen
    commander ambassador chairman chairwoman chair director head leader mayor king queen prince
    princess pope prime foreign defense defence deputy acting regional former first lady judge
    justice attorney adviser advisor official officer lt col sgt capt admiral marshal premier
    chancellor speaker emir sheikh sir lord dame chief-of-staff candidate nominee presidential
    republican democratic democrat senior top assistant press aide sultan crown interior
    economy finance state national security council presidents ceo founder executive manager
    strategist analyst pollster host anchor correspondent reporter editor columnist coach
    spokesmen official's army navy air lieutenant colonel major sergeant captain brig
    rev reverend hon congressman congresswoman assemblyman assemblywoman whip rabbi pastor
    advocate comptroller treasurer auditor sheriff commissioner superintendent councilman
    councilwoman councilmember alderman prosecutor imam chaplain inspector detective
    constable economist"""
)

#: Government agencies named by their acronym (lower case), among `ORG_WORDS`: ``the agency``
#: can refer to one (``The FBI confirmed ... The agency declined``).
AGENCY_ACRONYMS = frozenset("fbi cia nsa dhs doj".split())

#: Head words of organisations (lower case).
ORG_WORDS = _words(
    """kremlin ministry government committee office house department agency council party army
    forces force military police court commission parliament senate congress administration
    campaign company corporation corp inc ltd bank fund union organization organisation service
    services media news press times post journal tribune guardian telegraph herald gazette
    reuters interfax tass kcna ria cnn bbc ap afp dpa nbc cbs abc fox msnbc npr pentagon
    staff headquarters command navy guard institute university college foundation center centre
    association group network channel agency board bureau authority authorities cabinet duma rada
    presidency secretariat embassy mission assembly federation alliance coalition nato un eu
    kremlin's who imf fbi cia nsa dhs doj gop unit division brigade battalion regiment corps
    prosecutor's ministry's railways airlines committee's twitter facebook google youtube
    instagram tiktok xinhua yonhap kyodo axios politico"""
)

#: Head nouns of plural, non-institutional sources.
GROUP_HEADS = _words(
    """officials sources analysts experts people residents observers critics diplomats leaders
    lawmakers legislators politicians voters supporters opponents authorities investigators
    officers soldiers troops witnesses activists protesters scientists researchers economists
    doctors lawyers prosecutors aides advisers advisors members representatives spokesmen
    sources, commentators journalists reporters insiders negotiators delegates democrats
    republicans conservatives liberals americans russians ukrainians europeans
    propagandists bloggers users organizers families parents students workers"""
)

#: Head nouns that make an indefinite source anonymous.
ANONYMOUS_HEADS = _words(
    """source sources official insider person aide adviser advisor diplomat officer spokesman
    spokesperson spokeswoman member employee staffer someone analyst expert witness resident
    lawmaker"""
)

#: Capitalised words that start sentences or headings but are not names.
NON_NAME_CAPITALS = _words(
    """the a an in on at of for by with from to as and but or so yet if when while after before
    since until during meanwhile however moreover also still then later earlier asked speaking
    according this that these those there here his her their its our my your we i he she they it
    it's you what why how who which where both all some many most several each every no not
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    mr mrs ms dr earlier later more less other another one two three first last new
    thus instead indeed besides nonetheless nevertheless nor despite though although because
    once even just only over under between among against into onto about above below
    war wars sea ocean hall square street avenue river lake mountain mountains island islands
    bridge palace cathedral basilica church mosque airport station region oblast province
    district city county states kingdom republic union world day night year week month
    offensive operation summit forum conference treaty agreement memorandum act bill law"""
)

#: Countries, capitals and regions that act as organisations when they "say" things.
PLACES = _words(
    """afghanistan albania algeria america andorra angola argentina armenia australia austria
    azerbaijan bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burma
    cambodia cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark
    ecuador egypt england estonia ethiopia europe finland france georgia germany ghana greece
    guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    japan jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon libya
    lithuania luxembourg macedonia malaysia mali malta mexico moldova mongolia montenegro
    morocco mozambique myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan
    palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
    scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland
    syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uae
    uk us usa uzbekistan venezuela vietnam wales yemen zambia zimbabwe kyiv kiev moscow
    washington beijing london paris berlin brussels tehran ankara warsaw minsk tokyo seoul
    pyongyang jerusalem gaza damascus baghdad kabul delhi islamabad rome madrid vienna geneva
    istanbul crimea donbas donetsk luhansk kursk kharkiv sumy belgorod bryansk zaporizhzhia
    kherson odesa odessa dnipro lviv mariupol bakhmut vatican nato eu un west east"""
)

#: US state names, as a regular-expression alternation (``Ohio|New York|...``).
US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|"
    "Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
_PLACE_NAME = re.compile(
    r"(?:" + US_STATES + r"|[A-Z]\.[A-Z]\."
    r"|(?!(?:Jr|Sr|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Inc|Co|Corp|Ltd)\.)[A-Z][a-z]{1,4}\.)"
)


def relative_word(
    token: str, words: Iterable[str] = ("who", "which", "that"), low: str | None = None
) -> bool:
    """Whether ``token`` is one of the relative pronouns ``words``, never an acronym in capitals.

    ``who`` in ``officials who said`` opens a relative clause; ``WHO`` in ``the WHO said``
    names the organisation. ``low`` is the caller's lower-cased form of ``token`` when it
    has one (``token.lower()`` otherwise).

    Examples:
        >>> relative_word("who"), relative_word("Who"), relative_word("WHO")
        (True, True, False)
        >>> relative_word("whose", {"who", "whose"})
        True
    """
    return (token.lower() if low is None else low) in words and not token.isupper()


def place_name(text: str) -> bool:
    """A state or country as written after a town: ``Ohio``, ``Fla.``, ``D.C.``, ``France``.

    Examples:
        >>> place_name("Ohio"), place_name("Ill."), place_name("France"), place_name("Jones")
        (True, True, True, False)
    """
    text = text.strip()
    return _PLACE_NAME.fullmatch(text) is not None or text.lower() in PLACES


#: Days of the week, lower case.
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

#: Months, lower case.
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)

#: Two or three capitals joined by periods (``J.M``, ``J.R.R``, ``L.A``), as one token.
INITIALS = re.compile(r"[A-Z](?:\.[A-Z]){1,2}")
#: Dotted abbreviations of places and bodies, never a person's initials.
_PLACE_INITIALS = frozenset("u.s u.k u.n e.u d.c u.s.a l.a n.y".split())


def initials(token: str) -> bool:
    """Two or three initials written as one token before their last period (``J.M`` of
    ``J.M. Berger``, ``J.R.R``); ``U.S``, ``U.N``, ``D.C`` and the like are places.

    Examples:
        >>> initials("J.M"), initials("J.R.R"), initials("U.S"), initials("JM")
        (True, True, False, False)
    """
    return INITIALS.fullmatch(token) is not None and token.lower() not in _PLACE_INITIALS


#: Nationality and regional adjectives: part of roles, never of names.
DEMONYMS = _words(
    """russian ukrainian american british french german chinese korean north south east west
    iranian israeli european western eastern turkish polish japanese indian syrian belarusian
    italian spanish canadian australian mexican brazilian saudi emirati qatari egyptian afghan
    pakistani georgian armenian moldovan hungarian czech slovak romanian bulgarian serbian
    croatian lithuanian latvian estonian finnish swedish norwegian danish dutch belgian swiss
    austrian greek irish scottish palestinian lebanese iraqi jordanian kurdish us u.s uk u.k
    soviet nato eu un"""
)

#: Nouns for a person by relation or occupation that may head a possessive source
#: (``Smith's lawyer``, ``the senator's wife``); roles in `TITLES` count too.
PERSON_NOUNS = _words(
    """lawyer attorney counsel wife husband son daughter father mother brother sister friend
    partner spouse widow nephew niece cousin uncle aunt grandson granddaughter boss employer
    deputy successor predecessor rival opponent challenger ally confidant biographer doctor
    physician publicist representative surrogate lieutenant consultant pollster strategist
    adviser advisor aide spokesperson spokeswoman spokesman secretary assistant"""
)
