#!/usr/bin/env python3
"""Graded evaluation of telusur's ranking on the judged set (stdlib only).

    python3 Benchmarks/ranking/evaluate.py --index /tmp/full [--binary .build/release/telusur]
        [--extra "--bm25 1.2,0.9,1.0"] [--pool out.tsv] [--per-query] [--json]

Reads queries.tsv (topical queries), known_items.tsv (known-item queries) and
judgements.tsv, runs `telusur search --json --limit 10` for each query, and prints:

- strict P@5: share of the top 5 graded 2 ("about it");
- nDCG@10: gains 2^grade - 1, ideal ordering from every article judged for the query;
- known-item MRR@10: 1/rank of the target article (0 when not in the top 10).

An article in the top 10 that has no judgement counts as grade 0 and is listed as
unjudged; --pool writes those (query id, article id, title) so they can be judged.
"""
import argparse
import json
import math
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            rows.append((number, fields))
    return rows


def load_queries(path):
    queries = []
    for number, fields in read_tsv(path):
        if len(fields) < 3:
            sys.exit(f"{path}:{number}: expected id<TAB>kind<TAB>query")
        queries.append((fields[0], fields[1], fields[2]))
    return queries


def load_judgements(path):
    grades = {}
    for number, fields in read_tsv(path):
        if len(fields) < 3 or fields[2] not in ("0", "1", "2"):
            sys.exit(f"{path}:{number}: expected query<TAB>article<TAB>grade (0, 1 or 2)")
        grades.setdefault(fields[0], {})[fields[1]] = int(fields[2])
    return grades


def search(binary, index, query, extra, limit=10):
    # Split as a shell would: `karhutla riau` is two words, `"dana desa"` one phrase.
    command = [binary, "search", "--index", index, "--json", "--limit", str(limit), "--color", "never"] + extra
    command += shlex.split(query)
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"telusur failed on {query!r}: {run.stderr.strip()}")
    if not run.stdout.strip():
        return []
    document = json.loads(run.stdout)
    return [(r["id"], r.get("title", "")) for r in document.get("results", [])]


def dcg(grades):
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--binary", default=".build/release/telusur")
    parser.add_argument("--extra", default="", help="more options for telusur search, one string")
    parser.add_argument("--queries", default=os.path.join(HERE, "queries.tsv"))
    parser.add_argument("--known", default=os.path.join(HERE, "known_items.tsv"))
    parser.add_argument("--judgements", default=os.path.join(HERE, "judgements.tsv"))
    parser.add_argument("--pool", help="append unjudged top-10 articles to this file")
    parser.add_argument("--per-query", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    extra = args.extra.split() if args.extra else []

    queries = load_queries(args.queries)
    grades = load_judgements(args.judgements)
    precisions, ndcgs, unjudged = [], [], []
    for qid, kind, text in queries:
        results = search(args.binary, args.index, text, extra)
        judged = grades.get(qid, {})
        top = [judged.get(aid, 0) for aid, _ in results]
        for aid, title in results:
            if aid not in judged:
                unjudged.append((qid, aid, title))
        p5 = sum(1 for g in top[:5] if g == 2) / 5
        ideal = dcg(sorted(judged.values(), reverse=True)[:10])
        n = dcg(top[:10]) / ideal if ideal > 0 else 0.0
        precisions.append(p5)
        ndcgs.append(n)
        if args.per_query:
            print(f"{qid}\t{kind}\tP@5 {p5:.2f}\tnDCG@10 {n:.3f}\t{' '.join(map(str, top))}\t{text}")

    reciprocal = []
    for qid, target, text in load_queries(args.known):
        ids = [aid for aid, _ in search(args.binary, args.index, text, extra)]
        rank = ids.index(target) + 1 if target in ids else 0
        reciprocal.append(1 / rank if rank else 0.0)
        if args.per_query:
            print(f"{qid}\tknown\trank {rank or '-'}\t{text}")

    summary = {
        "queries": len(queries),
        "p5_strict": round(sum(precisions) / len(precisions), 4),
        "ndcg10": round(sum(ndcgs) / len(ndcgs), 4),
        "known_items": len(reciprocal),
        "mrr10": round(sum(reciprocal) / len(reciprocal), 4) if reciprocal else None,
        "unjudged": len(unjudged),
    }
    if args.pool and unjudged:
        with open(args.pool, "a", encoding="utf-8") as f:
            for row in unjudged:
                f.write("\t".join(row) + "\n")
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"strict P@5 {summary['p5_strict']:.4f} · nDCG@10 {summary['ndcg10']:.4f} · "
              f"known-item MRR@10 {summary['mrr10']:.4f} ({summary['queries']} queries, "
              f"{summary['known_items']} known items, {summary['unjudged']} unjudged in the top 10)")


if __name__ == "__main__":
    main()
