#!/usr/bin/env python3
"""Ground truth for the person/agency benchmark, made without telusur.

Reads cases.json (next to this file), scans the text (title + "\\n" + body) of
every article of the corpus (../shared/corpus/*.jsonl.gz, JSON Lines) or of the
seed files (seeds/*.txt, id = file name) with each case's hand-written regular
expressions (after dropping zero-width and direction marks and soft hyphens, and
turning no-break spaces into spaces), applies the case's reviewed overrides and writes truth.json:

    python3 Benchmarks/entities/label.py [--corpus DIR] [--seeds DIR] [--out FILE]

Rules, per case (see README.md for the conventions behind them):

- "patterns": an article is in the truth set when one of them matches at a
  place that no "not" pattern covers. A pattern is a Python regular expression,
  case-sensitive unless it starts with "(?i)". It is either a string or an object
  {"re": REGEX, "with": REGEX, "unless": REGEX, "why": TEXT}: the match counts
  only when "with" also matches somewhere in the same article and "unless" does
  not (for weak forms such as a bare first name or surname, which count only in
  an article that places them, or not in an article about a namesake).
- "not": regular expressions for look-alike contexts (a street, an airport, a
  namesake). A pattern match that lies inside a "not" match does not count.
- "include" / "exclude": {article id: reason}, applied last, after reading.
- "optional": patterns (same syntax, no masks) for debatable forms that a
  recognizer may or may not count (a sub-unit with a name of its own such as
  "Stasiun Meteorologi" for BMKG, a predecessor such as ABRI for TNI, the
  office "Kapolri" for Polri); "ignore": {article id: reason}. Articles matched
  only by these are written to truth.json under "ignore": the evaluation counts
  them neither as missed nor as wrongly returned.
- "truth" (seed cases only): the hand labels. The patterns must agree with them;
  label.py stops with an error when they do not.

Only the Python standard library. Deterministic: same inputs, same truth.json.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "corpus"))
DEFAULT_SEEDS = os.path.join(REPO, "seeds")
CASES = os.path.join(HERE, "cases.json")
TRUTH = os.path.join(HERE, "truth.json")


def load_cases(path: str = CASES) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def corpus_files(corpus_dir: str) -> list[str]:
    files = sorted(glob.glob(os.path.join(corpus_dir, "*.jsonl.gz")))
    if not files:
        sys.exit(f"label.py: no *.jsonl.gz in {corpus_dir} (use --corpus DIR)")
    return files


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"), None)
_INVISIBLE.update({0xA0: " ", 0x202F: " ", 0x2007: " "})


def normalise(text: str) -> str:
    """Drop soft hyphens, zero-width and direction marks; no-break spaces become spaces."""
    return text.translate(_INVISIBLE)


def load_corpus(corpus_dir: str) -> dict[str, str]:
    """{id: title + "\\n" + body} for every article of the corpus."""
    texts: dict[str, str] = {}
    for path in corpus_files(corpus_dir):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    a = json.loads(line)
                    texts[a["id"]] = normalise((a.get("title") or "") + "\n" + (a.get("body") or ""))
    return texts


def load_seeds(seeds_dir: str) -> dict[str, str]:
    """{file name: text} for the seed files (telusur's id is the file name)."""
    texts: dict[str, str] = {}
    for path in sorted(glob.glob(os.path.join(seeds_dir, "*.txt"))):
        with open(path, encoding="utf-8") as fh:
            texts[os.path.basename(path)] = normalise(fh.read())
    return texts


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Matcher:
    """A case's patterns and masks, compiled."""

    def __init__(self, case: dict):
        self.case = case
        self.patterns = []
        for p in case.get("patterns", []):
            if isinstance(p, str):
                self.patterns.append((re.compile(p), None, None))
            else:
                self.patterns.append((re.compile(p["re"]),
                                      re.compile(p["with"]) if p.get("with") else None,
                                      re.compile(p["unless"]) if p.get("unless") else None))
        self.masks = [re.compile(p) for p in case.get("not", [])]

    def matches(self, text: str) -> list[re.Match]:
        """The pattern matches that count (not inside a mask, "with" satisfied)."""
        found = []
        for pat, with_, unless in self.patterns:
            ms = list(pat.finditer(text))
            if ms and (with_ is None or with_.search(text)) and (unless is None or not unless.search(text)):
                found.extend(ms)
        if found and self.masks:
            spans = [m.span() for mask in self.masks for m in mask.finditer(text)]
            found = [m for m in found if not any(s <= m.start() and m.end() <= e for s, e in spans)]
        found.sort(key=lambda m: m.start())
        return found

    def masked(self, text: str) -> list[re.Match]:
        """Pattern matches that a mask removed (for review)."""
        spans = [m.span() for mask in self.masks for m in mask.finditer(text)]
        out = []
        for pat, _, _ in self.patterns:
            for m in pat.finditer(text):
                s, e = m.span()
                if any(ms <= s and e <= me for ms, me in spans):
                    out.append(m)
        return out


def ignored_ids(case: dict, texts: dict[str, str], truth: list[str]) -> list[str]:
    """Articles that count neither way: matched by "optional" or listed in "ignore", not in the truth."""
    out = set(case.get("ignore", {}))
    if case.get("optional"):
        opt = Matcher({"patterns": case["optional"]})
        out |= {i for i, t in texts.items() if opt.matches(t)}
    for i in case.get("ignore", {}):
        if i not in texts:
            sys.exit(f"label.py: case {case['id']}: ignore id {i} is not in the {case['corpus']}")
    return sorted(out - set(truth))


def label_case(case: dict, texts: dict[str, str]) -> tuple[list[str], list[str]]:
    """(truth ids, pattern-only ids before overrides)."""
    matcher = Matcher(case)
    by_pattern = {i for i, t in texts.items() if matcher.matches(t)}
    truth = set(by_pattern)
    for i in case.get("include", {}):
        if i not in texts:
            sys.exit(f"label.py: case {case['id']}: include id {i} is not in the {case['corpus']}")
        truth.add(i)
    for i in case.get("exclude", {}):
        if i not in texts:
            sys.exit(f"label.py: case {case['id']}: exclude id {i} is not in the {case['corpus']}")
        truth.discard(i)
    return sorted(truth), sorted(by_pattern)


def build_truth(cases: dict, corpus_dir: str, seeds_dir: str, quiet: bool = False) -> dict:
    corpus = load_corpus(corpus_dir)
    seeds = load_seeds(seeds_dir)
    out = {
        "generated_by": "Benchmarks/entities/label.py",
        "corpus": {
            "articles": len(corpus),
            "files": {os.path.basename(f): sha256(f) for f in corpus_files(corpus_dir)},
        },
        "seeds": {"articles": len(seeds), "files": sorted(seeds)},
        "cases": {},
        "ignore": {},
    }
    problems = []
    for case in cases["cases"]:
        texts = seeds if case["corpus"] == "seeds" else corpus
        truth, by_pattern = label_case(case, texts)
        if "truth" in case and sorted(case["truth"]) != truth:
            problems.append(f"{case['id']}: hand labels {sorted(case['truth'])} but patterns give {truth}")
        out["cases"][case["id"]] = truth
        ignore = ignored_ids(case, texts, truth)
        if ignore:
            out["ignore"][case["id"]] = ignore
        if not quiet:
            print(f"{case['id']:<34} {len(truth):>5} articles"
                  f" ({len(by_pattern)} by pattern, +{len(set(truth) - set(by_pattern))}"
                  f" -{len(set(by_pattern) - set(truth))} by override), {len(ignore)} ignored", file=sys.stderr)
    if problems:
        sys.exit("label.py: seed labels disagree:\n  " + "\n  ".join(problems))
    return out


def write_truth(truth: dict, fh) -> None:
    """truth.json with one line per case, so that diffs show which case changed."""
    head = {k: v for k, v in truth.items() if k not in ("cases", "ignore")}
    fh.write("{\n")
    for k, v in head.items():
        fh.write(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)},\n")
    for section in ("cases", "ignore"):
        fh.write(f' "{section}": {{\n')
        items = list(truth.get(section, {}).items())
        for n, (k, ids) in enumerate(items):
            fh.write(f"  {json.dumps(k)}: {json.dumps(ids)}" + ("," if n + 1 < len(items) else "") + "\n")
        fh.write(" },\n" if section == "cases" else " }\n")
    fh.write("}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="directory of *.jsonl.gz (default: %(default)s)")
    ap.add_argument("--seeds", default=DEFAULT_SEEDS, help="directory of the seed .txt files (default: %(default)s)")
    ap.add_argument("--cases", default=CASES, help="cases file (default: %(default)s)")
    ap.add_argument("--out", default=TRUTH, help="truth file to write (default: %(default)s)")
    args = ap.parse_args()
    truth = build_truth(load_cases(args.cases), args.corpus, args.seeds)
    with open(args.out, "w", encoding="utf-8") as fh:
        write_truth(truth, fh)
    print(f"wrote {args.out}: {len(truth['cases'])} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
