"""Attribution: from quoted spans and cue verbs to quotes with a speaker.

Every pattern is a rule of the table in [`quotes.attribution.rules`][].

* Direct quotes: [`quotes.attribution.direct`][] (the order of the steps) and
  `quotes.attribution.direct_forms` (the forms after and before a quote).
* Reported speech and mixed quotes: [`quotes.attribution.reported`][] (the
  entry point and the order of the forms), `quotes.attribution.report_scan`
  (one sentence, cue by cue), `quotes.attribution.report_forms` (forms with a
  shape of their own: ``according to``, headlines, ``as X put it``) and
  `quotes.attribution.report_content` (where a content starts and ends).
* Shared: cue words (`quotes.attribution.cues`,
  `quotes.attribution.report_cues`) and the subject readers
  (`quotes.attribution.source`, `quotes.attribution.subject`,
  `quotes.attribution.report_subject`).
"""

# Importing the package loads every module that registers a rule, so that the
# rule table (quotes.attribution.rules.RULES) always says which function applies
# each rule.
from quotes.attribution import direct, reported  # noqa: E402, F401
