#!/usr/bin/env python3
"""Prints the articles of a pool (query id, article id per line) compactly for judging:
title, source, how many paragraphs hold the query words, the lead and the first
paragraph that holds them (stdlib only).

    python3 Benchmarks/ranking/show_pool.py --index /tmp/full pool.tsv
"""
import argparse
import json
import os
import re
import shlex
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def words_of(query):
    return [w.lower() for part in shlex.split(query) for w in re.findall(r"\w+", part)
            if w.upper() not in ("AND", "OR", "NOT", "NEAR")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", required=True)
    parser.add_argument("--binary", default=".build/release/telusur")
    parser.add_argument("--queries", default=os.path.join(HERE, "queries.tsv"))
    parser.add_argument("--width", type=int, default=260)
    parser.add_argument("pool")
    args = parser.parse_args()
    queries = {}
    for line in open(args.queries, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            qid, _, text = line.rstrip("\n").split("\t")[:3]
            queries[qid] = text
    seen = set()
    for line in open(args.pool, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 2 or (fields[0], fields[1]) in seen:
            continue
        qid, aid = fields[0], fields[1]
        seen.add((qid, aid))
        run = subprocess.run([args.binary, "show", "--index", args.index, "--json", aid], capture_output=True, text=True)
        article = json.loads(run.stdout)
        words = words_of(queries[qid])
        paragraphs = [(0, article.get("title", ""))] + [(p["no"], p["text"]) for p in article["paragraphs"]]
        def holds(text):
            tokens = set(re.findall(r"\w+", text.lower()))
            return all(w in tokens for w in words)
        matching = [n for n, t in paragraphs if holds(t)]
        some = [n for n, t in paragraphs if any(w in set(re.findall(r"\w+", t.lower())) for w in words)]
        print(f"== {qid} [{queries[qid]}] {aid} · {article.get('source')} · {len(paragraphs) - 1} ¶ · "
              f"all words in ¶{matching} · some in {len(some)}")
        print(f"   T: {article.get('title', '')}")
        lead = paragraphs[1][1] if len(paragraphs) > 1 else ""
        print(f"   1: {lead[:args.width]}")
        other = [n for n in matching if n > 1]
        if other:
            print(f"   {other[0]}: {paragraphs[other[0]][1][:args.width]}")


if __name__ == "__main__":
    main()
