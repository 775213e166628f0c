"""The document layer: normalised text, lines, sentences, tokens and quote marks.

Everything that reads characters and nothing that knows about speakers lives
here: quote-mark normalisation (:mod:`quotes.text.marks`), pairing of quote
marks into quoted spans (:mod:`quotes.text.quoted`), the body lines of a scraped
article (:mod:`quotes.text.boilerplate`) and the sentence-segmentation backends
(:mod:`quotes.text.segment`) and the tokenizer every stage shares
(:mod:`quotes.text.tokens`).
"""
