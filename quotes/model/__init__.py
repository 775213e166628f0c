"""The optional learned span tagger (`quotes.model.tagger`), a pipeline component after the rules."""
