"""Attribution: from quoted spans and cue verbs to quotes with a speaker.

Every pattern is a rule of the table in [`quotes.attribution.rules`][].

* Direct quotes: [`quotes.attribution.direct`][] (the order of the steps) and
  `quotes.attribution.direct_forms` (the forms after and before a quote).
* Reported speech and mixed quotes: [`quotes.attribution.reported`][] (the
  entry point and the order of the forms), `quotes.attribution.report_scan`
  (one sentence, cue by cue; the cue itself: `quotes.attribution.report_cue`),
  `quotes.attribution.report_placement` (where a cue's content lies: ``C, X
  said``, ``X said C``, ``X criticized Y``), `quotes.attribution.report_forms`
  (forms with a shape of their own: headlines, ``as X put it``, ``asked
  whether``, ``X seems to``), `quotes.attribution.report_according` (claims:
  ``according to X``), `quotes.attribution.report_build` (the quote made of a
  content, a speaker and a cue), `quotes.attribution.report_content` (where a
  content starts and ends) and `quotes.attribution.report_content_text` (what
  its text holds, its ends trimmed).
* Shared: cue words (`quotes.attribution.cues`,
  `quotes.attribution.report_cues`; in their sentence:
  `quotes.attribution.report_cue_use`) and the subject readers
  (`quotes.attribution.source`, `quotes.attribution.subject`; for reports
  `quotes.attribution.report_subject`, with `quotes.attribution.report_described`
  for descriptions and `quotes.attribution.report_comma_subject` across a comma).
"""

# Importing the package loads every module that registers a rule, so that the
# rule table (quotes.attribution.rules.RULES) always says which function applies
# each rule.
from quotes.attribution import direct, reported  # noqa: E402, F401
