"""The documentation site: a strict build that really fails, examples that render as code.

``make test`` and ``make docs`` run ``mkdocs build --strict``; these tests run the same
build (into a temporary folder) so that ``pytest`` alone checks the docs too, and prove
that a broken cross-reference fails it (``-q`` used to hide every warning, exit status 0).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

#: Sphinx roles, which mkdocs shows as raw text: docstrings use mkdocstrings references.
SPHINX_ROLE = re.compile(r":(?:class|meth|func|mod|data|attr|exc|obj):`")


def _mkdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` as ``make docs`` does, with ``quotes`` importable."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


class _Doctests(HTMLParser):
    """Counts the ``>>>`` prompts of a page inside and outside code blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.in_code = 0
        self.outside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in {"br", "hr", "img", "input", "link", "meta"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if ">>>" in data:
            if "pre" in self.open or "code" in self.open:
                self.in_code += 1
            else:
                self.outside.append(data.strip()[:80])


def test_site_builds_strict_with_examples_as_code(tmp_path: Path) -> None:
    result = _mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr

    in_code, outside, roles = 0, [], []
    for page in sorted((tmp_path / "site" / "api").rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        parser = _Doctests()
        parser.feed(html)
        in_code += parser.in_code
        outside += [f"{page.parent.name}: {text}" for text in parser.outside]
        roles += [f"{page.parent.name}: {m.group()}" for m in SPHINX_ROLE.finditer(html)]
    assert in_code >= 50, "the API pages lost their examples"
    assert outside == [], "examples rendered outside code blocks (put them under Examples:)"
    assert roles == [], "Sphinx roles rendered as raw text"


def test_strict_build_fails_on_a_broken_cross_reference(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "broken.md").write_text("# Broken\n\nSee [Nope][quotes.no_such_thing].\n")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["docs_dir"] = str(docs)
    config["nav"].append({"Broken": "broken.md"})
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "mkdocstrings" in plugin:
            plugin["mkdocstrings"]["handlers"]["python"]["paths"] = [str(ROOT)]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))

    result = _mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "quotes.no_such_thing" in result.stderr, result.stderr


def _docstrings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = [n for n in ast.walk(tree)
             if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))]
    return [(getattr(n, "lineno", 1), doc) for n in nodes if (doc := ast.get_docstring(n))]


def _bare_examples(doc: str) -> bool:
    """Whether a ``>>>`` line of ``doc`` is outside an ``Examples:`` section."""
    section = None
    for line in doc.splitlines():
        if re.fullmatch(r"[A-Z][A-Za-z ]*:\s*", line):
            section = line.strip()
        elif line and not line.startswith(" "):
            section = None
        if ">>>" in line and section != "Examples:":
            return True
    return False


def test_docstrings_use_the_conventions_the_site_renders() -> None:
    roles, bare = [], []
    for path in sorted((ROOT / "quotes").rglob("*.py")):
        name = path.relative_to(ROOT)
        text = path.read_text(encoding="utf-8")
        roles += [f"{name}: {m.group()}" for m in SPHINX_ROLE.finditer(text)]
        bare += [f"{name}:{line}" for line, doc in _docstrings(path) if _bare_examples(doc)]
    assert roles == [], "use [`Name`][quotes.module.Name] or backticks, not Sphinx roles"
    assert bare == [], "put >>> examples under an indented Examples: section"


@pytest.mark.parametrize("threads", [None, "1"])
def test_throughput_benchmark_writes_its_figures(tmp_path: Path, threads: str | None) -> None:
    out = tmp_path / "figures" / "throughput.md"
    env = {k: v for k, v in os.environ.items() if k != "QUOTES_TORCH_THREADS"}
    if threads is not None:
        env["QUOTES_TORCH_THREADS"] = threads
    result = subprocess.run(
        [sys.executable, "bench/bench_throughput.py", "--backends", "fast", "--repeat", "1",
         "--polnear", str(tmp_path / "no-polnear"), "--markdown", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**env, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    command = (f"python bench/bench_throughput.py --backends fast --repeat 1 "
               f"--polnear {tmp_path / 'no-polnear'} --markdown {out}")
    if threads is not None:  # the torch thread count is part of the command recorded
        command = f"QUOTES_TORCH_THREADS={threads} {command}"
    assert f"with `{command}` on " in text
    assert re.search(r"Measured \d{4}-\d\d-\d\d \d\d:\d\d UTC", text)
    # The unit depends on the machine's speed (a busy one gives k chars/s): any rate passes.
    assert re.search(r"^\| fast \(all kinds\) \| \d+(\.\d+)? [Mk] chars/s \|$", text, re.M)
    assert "| fast, direct quotes only |" in text and "stanza" not in text


def test_docs_and_readme_quote_the_generated_figures() -> None:
    figures = (ROOT / "docs" / "_figures" / "throughput.md").read_text(encoding="utf-8")
    assert re.search(r"with `(?:QUOTES_TORCH_THREADS=\d+ )?python bench/bench_throughput\.py", figures)
    page = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    assert '--8<-- "docs/_figures/throughput.md"' in page
    assert "chars/s" not in page, "speed figures come from docs/_figures, not typed by hand"
    check = subprocess.run([sys.executable, "scripts/sync_figures.py", "--check"],
                           cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert figures in readme


def test_accuracy_figures_are_the_evaluation_reports() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from accuracy_figures import table
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from quotes.evaluation.evaluate import evaluate

    polnear = ROOT.parent / "shared" / "polnear"
    if not polnear.is_dir():
        pytest.skip("PolNeAR is not beside the checkout")
    rules = evaluate(polnear, "dev", backend="fast", limit=3)
    tagged = evaluate(polnear, "dev", backend="fast", limit=3, tagger=True)
    accurate = evaluate(polnear, "dev", backend="fast", limit=3, accurate=True)
    rows = table(rules, tagged, accurate)
    first = rules.subsets["all"]
    assert rows[2].startswith(f"| all attributions, rules | {first.n_gold} | {first.n_pred} |")
    assert f"**{100 * first.content_exact.f1:.1f}**" in rows[2]
    assert sum(r.startswith("| all attributions, rules + tagger |") for r in rows) == (
        tagged.subsets["all"] != first
    )
    assert sum(r.startswith("| all attributions, rules + accurate |") for r in rows) == (
        accurate.subsets["all"] != first
    )


def test_readme_quotes_the_accuracy_figures() -> None:
    figures = (ROOT / "docs" / "_figures" / "accuracy.md").read_text(encoding="utf-8")
    assert figures.startswith("`python bench/accuracy_figures.py --markdown docs/_figures/accuracy.md`")
    assert figures in (ROOT / "README.md").read_text(encoding="utf-8")
