#!/usr/bin/env python3
"""Review a case's labels by reading them: the tool used to check cases.json.

    python3 Benchmarks/entities/review.py CASE_ID... [--samples 10] [--disagreements 30]
        [--index DIR] [--telusur PATH] [--seed N] [--forms]

For each case prints: the surface forms the patterns matched (with counts),
--samples random articles of the pattern-made truth with the text around their
first counted match, the matches that a "not" pattern removed, and up to
--disagreements articles on which telusur and the labels disagree (missed: in
the truth, not returned; extra: returned, not in the truth), each with its text.
Random samples are reproducible (--seed, default 0, mixed with the case id).
Only the Python standard library.
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import label  # noqa: E402
import evaluate  # noqa: E402


def first_hit(text: str, needle_html: str) -> str:
    """Text around telusur's first <mark>…</mark> in a highlighted paragraph."""
    m = re.search(r"<mark>(.*?)</mark>", needle_html)
    return re.sub(r"</?mark>", lambda x: "[[" if x.group(0) == "<mark>" else "]]", needle_html) if m else needle_html


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("case", nargs="+")
    ap.add_argument("--samples", type=int, default=10)
    ap.add_argument("--disagreements", type=int, default=30)
    ap.add_argument("--index", default=os.environ.get("TELUSUR_INDEX", os.path.join(label.REPO, "Index")))
    ap.add_argument("--telusur", default=evaluate.DEFAULT_TELUSUR)
    ap.add_argument("--corpus", default=label.DEFAULT_CORPUS)
    ap.add_argument("--seeds", default=label.DEFAULT_SEEDS)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-telusur", action="store_true", help="only the labels, do not run telusur")
    args = ap.parse_args()

    cases = {c["id"]: c for c in label.load_cases()["cases"]}
    unknown = [c for c in args.case if c not in cases]
    if unknown:
        sys.exit(f"review.py: unknown case(s) {', '.join(unknown)}; known: {', '.join(cases)}")
    need = {cases[c]["corpus"] for c in args.case}
    texts = {}
    if "corpus" in need:
        texts["corpus"] = label.load_corpus(args.corpus)
    if "seeds" in need:
        texts["seeds"] = label.load_seeds(args.seeds)
    seeds_index = None
    try:
        for cid in args.case:
            case = cases[cid]
            t = texts[case["corpus"]]
            matcher = label.Matcher(case)
            truth, by_pattern = label.label_case(case, t)
            forms = collections.Counter()
            masked = collections.Counter()
            hits = {}
            for i in by_pattern:
                ms = matcher.matches(t[i])
                hits[i] = ms
                for m in ms:
                    forms[m.group(0)] += 1
            for i, text in t.items():
                for m in matcher.masked(text):
                    masked[text[max(0, m.start() - 25):m.end() + 25].replace("\n", " ¶ ")] += 1
            print(f"\n##### {cid} [{case['kind']}] query {case['query']!r}: truth {len(truth)}"
                  f" ({len(by_pattern)} by pattern)")
            print("forms:", ", ".join(f"{f!r}×{n}" for f, n in forms.most_common(30)))
            if masked:
                print(f"removed by 'not' ({sum(masked.values())}):")
                for s, n in masked.most_common(15):
                    print(f"    ×{n} {s}")
            rnd = random.Random(f"{args.seed}:{cid}")
            sample = rnd.sample(by_pattern, min(args.samples, len(by_pattern)))
            print(f"-- {len(sample)} random labelled articles:")
            for i in sample:
                m = rnd.choice(hits[i])
                print(f"  {i}: {evaluate.snippet(t[i], m.start(), m.end())}")
            if args.no_telusur:
                continue
            index = args.index
            if case["corpus"] == "seeds":
                if seeds_index is None:
                    seeds_index = evaluate.build_seeds_index(args.telusur, args.seeds)
                index = seeds_index
            got = evaluate.run_case(args.telusur, index, case)
            ignore = set(label.ignored_ids(case, t, truth))
            ret = set(got["ids"]) - ignore
            tr = set(truth)
            missed, extra = sorted(tr - ret), sorted(ret - tr)
            print(f"-- telusur (exit {got['exit']}) returned {len(ret)} (+{len(set(got['ids']) & ignore)} of"
                  f" {len(ignore)} ignored), tp {len(tr & ret)},"
                  f" missed {len(missed)}, extra {len(extra)}" + (f"; stderr: {got['stderr'][:300]}" if got['stderr'] else ""))
            for i in sorted(ignore)[:args.samples]:
                print(f"  ignored {i}" + (" (returned)" if i in got["ids"] else ""))
            for i in missed[:args.disagreements]:
                ms = hits.get(i) or []
                s = evaluate.snippet(t[i], ms[0].start(), ms[0].end()) if ms else "(include: " + case.get("include", {}).get(i, "?") + ")"
                print(f"  MISSED {i}: {s}")
            for i in extra[:args.disagreements]:
                paras = got["paragraphs"].get(i) or ["?"]
                why = case.get("exclude", {}).get(i)
                print(f"  EXTRA  {i}: {first_hit(t[i], paras[0])[:400]}" + (f"   <exclude: {why}>" if why else ""))
    finally:
        if seeds_index:
            import shutil
            shutil.rmtree(seeds_index, ignore_errors=True)


if __name__ == "__main__":
    main()
