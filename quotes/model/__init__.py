"""The optional learned span tagger (:mod:`quotes.model.tagger`), a pipeline component after the rules."""
