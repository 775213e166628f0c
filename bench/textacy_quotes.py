"""textacy's direct quotations on spaCy's small English pipeline: the benchmark's comparison.

Run by ``bench/bench_throughput.py --textacy-python PYTHON`` in the Python (a separate
virtual environment) that has spaCy, textacy and an ``en_core_web_sm`` package; it does
not import ``quotes``. Prints one JSON object: the model, its load time, and for each
folder the characters, the quotes found, the characters per second and the articles
textacy refused (it raises ``ValueError`` on an odd number of quotation marks; the time
spent on them counts).

Usage: PYTHON bench/textacy_quotes.py MODEL NAME=FOLDER [NAME=FOLDER ...]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    import spacy
    from textacy.extract.triples import direct_quotations

    model, corpora = argv[0], [a.split("=", 1) for a in argv[1:]]
    started = time.perf_counter()
    nlp = spacy.load(model)
    result = {
        "model": f"{nlp.meta.get('lang', '')}_{nlp.meta['name']} {nlp.meta['version']}",
        "spacy": spacy.__version__,
        "load": time.perf_counter() - started,
        "corpora": {},
    }
    for name, folder in corpora:
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
        nlp(texts[0])  # warm up
        started = time.perf_counter()
        found = refused = 0
        for text in texts:
            doc = nlp(text)
            try:
                found += len(list(direct_quotations(doc)))
            except ValueError:  # an odd number of quotation marks: textacy gives up
                refused += 1
        seconds = time.perf_counter() - started
        chars = sum(len(t) for t in texts)
        result["corpora"][name] = {
            "chars": chars, "quotes": found, "rate": chars / seconds, "refused": refused
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
