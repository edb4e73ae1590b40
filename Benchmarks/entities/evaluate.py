#!/usr/bin/env python3
"""Person/agency recognition benchmark: telusur's answers against labelled truth.

    python3 Benchmarks/entities/evaluate.py [--index DIR] [--telusur PATH]
        [--seeds-index DIR] [--case ID ...] [--errors N] [--relabel] [--json FILE]

Runs every case of cases.json through `telusur person|agency --json --limit
100000 --no-group QUERY` (--no-group: every article, near-duplicates too) (corpus cases on --index, seed cases on an index of seeds/ that is
built in a temporary directory unless --seeds-index is given), compares the
returned article ids with truth.json (made by label.py; --relabel or a missing
truth.json remakes it from the corpus) and prints, per case, the truth and
returned counts, true positives, precision and recall, then micro- and
macro-averaged precision and recall over all cases. --errors N also prints up to
N missed and N extra article ids per case with the text around the mention.
Always exits 0 when it could run the cases (the numbers are the result).

Articles listed for a case under "ignore" in truth.json (debatable forms, see
label.py) are removed from both sides before counting; "ret" is what telusur
returned minus those.

Conventions for empty sets: precision of an empty answer is 1.0 (nothing wrong
was returned); recall with an empty truth is 1.0 (nothing to find). Macro
averages are plain means over cases of these values.

Only the Python standard library.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import label  # noqa: E402

DEFAULT_TELUSUR = os.path.join(label.REPO, ".build", "release", "telusur")


class TelusurError(Exception):
    pass


def run_case(telusur: str, index: str, case: dict) -> dict:
    """{"ids": [...], "exit": n, "stderr": text, "paragraphs": {id: [highlighted texts]}}."""
    cmd = [telusur, case["kind"], "--index", index, "--json", "--limit", "100000",
           "--paragraphs", "2", "--color", "never", "--no-group", case["query"]]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode == 2 and "--no-group" in p.stderr:  # a binary from before near-duplicate grouping
        cmd.remove("--no-group")
        p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode == 1:  # no match
        return {"ids": [], "exit": 1, "stderr": p.stderr.strip(), "paragraphs": {}}
    if p.returncode != 0:
        return {"ids": [], "exit": p.returncode, "stderr": p.stderr.strip(), "paragraphs": {}}
    try:
        doc = json.loads(p.stdout)
    except json.JSONDecodeError as e:
        raise TelusurError(f"{' '.join(cmd)}: output is not JSON ({e})")
    ids = [r["id"] for r in doc["results"]]
    if len(ids) != doc["total"]["articles"]:
        raise TelusurError(f"{' '.join(cmd)}: {len(ids)} results but total.articles = {doc['total']['articles']}")
    paras = {r["id"]: [q.get("highlighted", q.get("text", "")) for q in r.get("paragraphs", [])]
             for r in doc["results"]}
    return {"ids": ids, "exit": 0, "stderr": p.stderr.strip(), "paragraphs": paras}


def build_seeds_index(telusur: str, seeds_dir: str) -> str:
    tmp = tempfile.mkdtemp(prefix="telusur-entities-seeds-")
    p = subprocess.run([telusur, "index", "--index", tmp, seeds_dir], capture_output=True, text=True)
    if p.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        raise TelusurError(f"indexing {seeds_dir} failed ({p.returncode}): {p.stderr.strip()}")
    return tmp


def check_index(telusur: str, index: str, expected: int | None) -> int:
    p = subprocess.run([telusur, "stats", "--index", index, "--json"], capture_output=True, text=True)
    if p.returncode != 0:
        raise TelusurError(f"telusur stats --index {index} failed: {p.stderr.strip()}")
    n = json.loads(p.stdout)["articles"]
    if expected is not None and n != expected:
        print(f"warning: index {index} has {n} articles, the labelled corpus {expected}:"
              f" index ../shared/corpus/*.jsonl.gz into it (see README.md)", file=sys.stderr)
    return n


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def snippet(text: str, start: int, end: int, width: int = 110) -> str:
    s = max(0, start - width)
    e = min(len(text), end + width)
    out = text[s:start] + "[[" + text[start:end] + "]]" + text[end:e]
    return ("…" if s > 0 else "") + out.replace("\n", " ¶ ") + ("…" if e < len(text) else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", default=os.environ.get("TELUSUR_INDEX", os.path.join(label.REPO, "Index")),
                    help="index of the full corpus (default: $TELUSUR_INDEX, else %(default)s)")
    ap.add_argument("--telusur", default=DEFAULT_TELUSUR, help="the binary (default: %(default)s)")
    ap.add_argument("--seeds-index", help="an index of seeds/ (default: build one in a temporary directory)")
    ap.add_argument("--seeds", default=label.DEFAULT_SEEDS, help="seed directory (default: %(default)s)")
    ap.add_argument("--corpus", default=label.DEFAULT_CORPUS, help="corpus directory, for --relabel and --errors")
    ap.add_argument("--case", action="append", help="only this case id (repeatable)")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N missed and N extra articles per case, with snippets")
    ap.add_argument("--relabel", action="store_true", help="remake truth.json with label.py first")
    ap.add_argument("--json", metavar="FILE", help="also write the per-case results and averages as JSON")
    args = ap.parse_args()

    cases = label.load_cases()
    if args.relabel or not os.path.exists(label.TRUTH):
        truth_doc = label.build_truth(cases, args.corpus, args.seeds, quiet=True)
        with open(label.TRUTH, "w", encoding="utf-8") as fh:
            label.write_truth(truth_doc, fh)
    with open(label.TRUTH, encoding="utf-8") as fh:
        truth_doc = json.load(fh)
    selected = [c for c in cases["cases"] if not args.case or c["id"] in args.case]
    missing = [c["id"] for c in selected if c["id"] not in truth_doc["cases"]]
    if missing:
        sys.exit(f"evaluate.py: no truth for {', '.join(missing)}: run label.py (or --relabel)")

    if not os.access(args.telusur, os.X_OK):
        sys.exit(f"evaluate.py: {args.telusur} is not an executable (swift build -c release)")
    corpus_n = check_index(args.telusur, args.index, truth_doc["corpus"]["articles"])
    seeds_index, made = args.seeds_index, False
    if any(c["corpus"] == "seeds" for c in selected) and not seeds_index:
        seeds_index, made = build_seeds_index(args.telusur, args.seeds), True

    texts = {}
    if args.errors:
        texts = {"corpus": label.load_corpus(args.corpus), "seeds": label.load_seeds(args.seeds)}

    rows = []
    try:
        for case in selected:
            index = seeds_index if case["corpus"] == "seeds" else args.index
            got = run_case(args.telusur, index, case)
            ignore = set(truth_doc.get("ignore", {}).get(case["id"], []))
            truth = set(truth_doc["cases"][case["id"]]) - ignore
            ret = set(got["ids"]) - ignore
            tp = len(truth & ret)
            row = {"id": case["id"], "kind": case["kind"], "corpus": case["corpus"], "query": case["query"],
                   "truth": len(truth), "returned": len(ret), "tp": tp,
                   "ignored_returned": len(set(got["ids"]) & ignore), "ignored": len(ignore),
                   "precision": ratio(tp, len(ret)), "recall": ratio(tp, len(truth)),
                   "exit": got["exit"], "missed": sorted(truth - ret), "extra": sorted(ret - truth)}
            if got["exit"] == 2:
                row["stderr"] = got["stderr"]
            rows.append(row)
            if args.errors:
                print_errors(case, row, got, texts[case["corpus"]], args.errors)
    finally:
        if made:
            shutil.rmtree(seeds_index, ignore_errors=True)

    print_table(rows)
    summary = summarise(rows)
    print()
    print(f"micro  precision {summary['micro_precision']:.3f}  recall {summary['micro_recall']:.3f}"
          f"   (tp {summary['tp']}, returned {summary['returned']}, truth {summary['truth']})")
    print(f"macro  precision {summary['macro_precision']:.3f}  recall {summary['macro_recall']:.3f}"
          f"   ({summary['cases']} cases)")
    for kind in ("person", "agency"):
        s = summarise([r for r in rows if r["kind"] == kind])
        if s["cases"]:
            print(f"{kind:<6} micro P {s['micro_precision']:.3f} R {s['micro_recall']:.3f}"
                  f" · macro P {s['macro_precision']:.3f} R {s['macro_recall']:.3f} ({s['cases']} cases)")
    print(f"index {args.index} ({corpus_n} articles); telusur {args.telusur}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"summary": summary, "cases": rows}, fh, indent=1, ensure_ascii=False)
            fh.write("\n")


def summarise(rows: list[dict]) -> dict:
    tp = sum(r["tp"] for r in rows)
    ret = sum(r["returned"] for r in rows)
    tru = sum(r["truth"] for r in rows)
    n = len(rows)
    return {"cases": n, "tp": tp, "returned": ret, "truth": tru,
            "micro_precision": ratio(tp, ret), "micro_recall": ratio(tp, tru),
            "macro_precision": sum(r["precision"] for r in rows) / n if n else 1.0,
            "macro_recall": sum(r["recall"] for r in rows) / n if n else 1.0}


def print_table(rows: list[dict]) -> None:
    print(f"{'case':<30} {'kind':<6} {'query':<30} {'truth':>6} {'ret':>6} {'tp':>6} {'prec':>6} {'rec':>6}")
    for r in rows:
        note = "" if r["exit"] in (0, 1) else f"  exit {r['exit']}: {r.get('stderr', '')[:60]}"
        q = r["query"] if len(r["query"]) <= 30 else r["query"][:29] + "…"
        print(f"{r['id']:<30} {r['kind']:<6} {q:<30} {r['truth']:>6} {r['returned']:>6} {r['tp']:>6}"
              f" {r['precision']:>6.3f} {r['recall']:>6.3f}{note}")


def print_errors(case: dict, row: dict, got: dict, texts: dict, n: int) -> None:
    matcher = label.Matcher(case)
    print(f"\n=== {case['id']} ({case['query']}): {len(row['missed'])} missed, {len(row['extra'])} extra")
    for i in row["missed"][:n]:
        ms = matcher.matches(texts[i])
        where = snippet(texts[i], ms[0].start(), ms[0].end()) if ms else "(included by hand: " + \
            case.get("include", {}).get(i, "?") + ")"
        print(f"  missed {i}: {where}")
    for i in row["extra"][:n]:
        paras = got["paragraphs"].get(i) or ["?"]
        reason = case.get("exclude", {}).get(i)
        para = paras[0].replace("<mark>", "[[").replace("</mark>", "]]")
        print(f"  extra  {i}: {para[:300]}" + (f"  (excluded by hand: {reason})" if reason else ""))


if __name__ == "__main__":
    main()
