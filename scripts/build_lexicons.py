"""Learn the cue and source lexicons from PolNeAR's train split.

Writes ``quotes/data/cues.tsv`` (word, count, type, rate) and
``quotes/data/source_words.tsv`` (word, count). Only the *train* split is read.

Usage: python scripts/build_lexicons.py [POLNEAR_DIR]   (default: ../shared/polnear)
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "quotes" / "data"
MIN_COUNT = 3

# Cue words that express a thought, belief, intention or perception rather than speech.
BELIEF = set(
    """think thinks thought thinking believe believes believed believing feel feels felt feeling
    want wants wanted wanting hope hopes hoped hoping expect expects expected expecting fear fears
    feared worry worries worried know knows knew knowing wish wishes wished doubt doubts doubted
    assume assumes assumed consider considers considered see sees saw seen view views viewed
    seem seems seemed appear appears appeared plan plans planned intend intends intended
    realize realizes realized understand understands understood suspect suspects suspected
    prefer prefers preferred like likes liked love loves loved hate hates hated agree agrees
    agreed disagree disagrees disagreed recognize recognizes recognized remember remembers
    remembered imagine imagines imagined trust trusts trusted favor favors favored oppose
    opposes opposed support supports supported sought seek seeks seeking aim aims aimed
    try tries tried learn learns learned convinced concerned""".split()
)
# Cue words that present evidence or an account rather than a speech act.
CLAIM = set(
    """according show shows showed shown found find finds reveal reveals revealed suggest
    suggests suggested indicate indicates indicated estimate estimates estimated cite cites
    cited citing""".split()
)
# Tokens of multi-word cues that are not the cue word itself.
NOISE = set(
    """a an the to of in on at for by with from as that this it its his her their him them
    he she they we i you has have had is was were be been being are will would could should
    may might can do does did not also just even still then now again already repeatedly
    publicly privately recently later earlier previously once statement interview also
    about out up over back more no first against and or but so if when what who how than
    there here all some any only very much""".split()
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z\-]*(?![\w'’])")


def _spans(ann: Path, label: str) -> list[str]:
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[1].split(" ")[0] == label:
            out.append(parts[2])
    return out


def _first_annotator(folder: Path) -> list[Path]:
    chosen: dict[str, Path] = {}
    for ann in sorted(folder.glob("*.ann")):
        doc = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(doc, ann)
    return list(chosen.values())


def main(polnear: Path) -> None:
    anns = _first_annotator(polnear / "train" / "attributions")
    cues: collections.Counter[str] = collections.Counter()
    seen: collections.Counter[str] = collections.Counter()  # every occurrence of a word
    sources: collections.Counter[str] = collections.Counter()
    for ann in anns:
        text = ann.parent.parent.joinpath("text", ann.stem.rsplit("_", 1)[0] + ".txt")
        if text.exists():
            seen.update(_WORD.findall(text.read_text(encoding="utf-8").lower()))
        for cue in _spans(ann, "Cue"):
            words = [w for w in _WORD.findall(cue.lower()) if w not in NOISE]
            if len(words) == 1:  # one content word: the cue verb (or "according")
                cues[words[0]] += 1
        for src in _spans(ann, "Source"):
            for w in _LOWER_WORD.findall(src):  # lower-case words only: common nouns, roles
                sources[w] += 1
    DATA.mkdir(parents=True, exist_ok=True)
    with (DATA / "cues.tsv").open("w", encoding="utf-8") as fh:
        fh.write(
            "# word\tcount\ttype\trate  (learned from PolNeAR train Cue spans; rate = share of the"
            " word's occurrences in the train texts that are the head of a Cue)\n"
        )
        for w, n in sorted(cues.items(), key=lambda x: (-x[1], x[0])):
            if n >= MIN_COUNT and len(w) > 1:
                kind = "belief" if w in BELIEF else "claim" if w in CLAIM else "speech"
                rate = min(1.0, n / seen[w]) if seen[w] else 0.0
                fh.write(f"{w}\t{n}\t{kind}\t{rate:.2f}\n")
    with (DATA / "source_words.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# word\tcount  (lower-case words of PolNeAR train Source spans)\n")
        for w, n in sorted(sources.items(), key=lambda x: (-x[1], x[0])):
            if n >= MIN_COUNT and len(w) > 1:
                fh.write(f"{w}\t{n}\n")
    print(f"{len(anns)} train documents -> {DATA}/cues.tsv, {DATA}/source_words.tsv")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "polnear")
