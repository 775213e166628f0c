"""Evaluation on PolNeAR: the corpus reader (:mod:`quotes.evaluation.polnear`) and the scorer (:mod:`quotes.evaluation.evaluate`)."""
