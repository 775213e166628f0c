"""Attribution: from quoted spans and cue verbs to quotes with a speaker.

Every pattern is a rule of the table in :mod:`quotes.attribution.rules`.

* Direct quotes: :mod:`quotes.attribution.direct` (the order of the steps) and
  :mod:`quotes.attribution.direct_forms` (the forms after and before a quote).
* Reported speech and mixed quotes: :mod:`quotes.attribution.reported` (the
  entry point and the order of the forms), :mod:`quotes.attribution.report_scan`
  (one sentence, cue by cue), :mod:`quotes.attribution.report_forms` (forms with a
  shape of their own: ``according to``, headlines, ``as X put it``) and
  :mod:`quotes.attribution.report_content` (where a content starts and ends).
* Shared: cue words (:mod:`quotes.attribution.cues`,
  :mod:`quotes.attribution.report_cues`) and the subject readers
  (:mod:`quotes.attribution.source`, :mod:`quotes.attribution.subject`,
  :mod:`quotes.attribution.report_subject`).
"""

# Importing the package loads every module that registers a rule, so that the
# rule table (quotes.attribution.rules.RULES) always says which function applies
# each rule.
from quotes.attribution import direct, reported  # noqa: E402, F401
