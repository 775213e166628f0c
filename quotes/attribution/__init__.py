"""Attribution: from quoted spans and cue verbs to quotes with a speaker.

Direct quotes are attributed in :mod:`quotes.attribution.direct` (forms after
and before the quote, :mod:`quotes.attribution.direct_forms`), reported speech
and mixed quotes in :mod:`quotes.attribution.reported`. Cue words live in
:mod:`quotes.attribution.cues` and :mod:`quotes.attribution.report_cues`, the
subject readers in :mod:`quotes.attribution.source`,
:mod:`quotes.attribution.subject` and :mod:`quotes.attribution.report_subject`.
"""
