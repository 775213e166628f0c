"""Evaluation on PolNeAR: the corpus reader (`quotes.evaluation.polnear`) and the scorer (`quotes.evaluation.evaluate`)."""
