"""The document layer: normalised text, lines, sentences, tokens and quote marks.

Everything that reads characters and nothing that knows about speakers lives
here: quote-mark normalisation ([`quotes.text.marks`][]), pairing of quote
marks into quoted spans ([`quotes.text.quoted`][]), the body lines of a scraped
article (`quotes.text.boilerplate`) and the sentence-segmentation backends
([`quotes.text.segment`][]) and the tokenizer every stage shares
(`quotes.text.tokens`).
"""
