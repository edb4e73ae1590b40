#!/usr/bin/env python3
"""Known-item ranking experiment: which BM25 parameters find a remembered article?

For N articles drawn (seeded) from the corpus, a query is three content words taken
from one of the article's paragraphs, as a researcher half-remembering a release
would type them. Every query matches its article (all words are in one paragraph);
what the parameters change is where the article ranks. Reports MRR@10 and
recall@10 (article in the top 10) for each (k1, b, title weight) on a grid.

Usage (from the project root, after `swift build -c release` and indexing the
corpus into INDEX):
    python3 Benchmarks/ranking/known_item.py --index INDEX [--n 300] [--seed 7]
Only the standard library; runs `telusur bench` once per grid point.
"""
import argparse, gzip, json, os, random, re, subprocess, sys, tempfile

STOP = set("""yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga karena oleh
sebagai adalah bahwa atau ada saat telah sudah kata para lebih bisa mereka kami kita saya
dia ia tersebut jadi hal lagi hanya masih namun serta setelah sebelum antara sejak hingga
agar kepada tak belum harus dapat secara sangat banyak tahun hari bulan orang""".split())
WORD = re.compile(r"[a-z]{5,}")

def sample(corpus, n, seed):
    articles = []
    for path in corpus:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                articles.append(json.loads(line))
    rng = random.Random(seed)
    rng.shuffle(articles)
    cases = []
    for a in articles:
        paragraphs = [p for p in a["body"].split("\n") if len(p.split()) >= 20]
        if not paragraphs:
            continue
        p = rng.choice(paragraphs)
        words = sorted({w for w in WORD.findall(p.lower()) if w not in STOP})
        if len(words) < 6:
            continue
        q = " ".join(rng.sample(words, 3))
        cases.append((q, a["id"]))
        if len(cases) == n:
            break
    return cases

def run(telusur, index, queries_path, bm25):
    out = subprocess.run([telusur, "bench", "--index", index, "--queries", queries_path, "--repeat", "1",
                          "--warmup", "0", "--limit", "10", "--bm25", bm25],
                         check=True, capture_output=True, text=True).stdout
    tops = {}
    for line in out.splitlines():
        d = json.loads(line)
        if "query" in d:
            tops[d["query"]] = d["top"]
    return tops

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", required=True)
    ap.add_argument("--telusur", default=".build/release/telusur")
    ap.add_argument("--corpus", nargs="+", default=[os.path.join(os.path.dirname(__file__), "../../../shared/corpus/clickid-2019.jsonl.gz"),
                                                      os.path.join(os.path.dirname(__file__), "../../../shared/corpus/kompas-2025.jsonl.gz")])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--grid", default="0.6,0.9,1.2,1.6,2.0/0.3,0.5,0.75,0.9/1.0")
    a = ap.parse_args()
    cases = sample(a.corpus, a.n, a.seed)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        for q, _ in cases:
            f.write(q + "\n")
        queries = f.name
    k1s, bs, titles = [[float(x) for x in part.split(",")] for part in a.grid.split("/")]
    print(f"{len(cases)} known-item queries (3 content words of one paragraph), seed {a.seed}")
    print("| k1 | b | title | MRR@10 | recall@10 |\n|---:|---:|---:|---:|---:|")
    best = None
    for k1 in k1s:
        for b in bs:
            for t in titles:
                tops = run(a.telusur, a.index, queries, f"{k1},{b},{t}")
                rr, hit = 0.0, 0
                for q, target in cases:
                    top = tops.get(q, [])
                    if target in top:
                        rr += 1.0 / (top.index(target) + 1)
                        hit += 1
                mrr = rr / len(cases)
                print(f"| {k1} | {b} | {t} | {mrr:.4f} | {hit / len(cases):.3f} |", flush=True)
                if best is None or mrr > best[0]:
                    best = (mrr, k1, b, t)
    print(f"best: k1={best[1]} b={best[2]} title={best[3]} MRR@10={best[0]:.4f}")
    os.unlink(queries)

if __name__ == "__main__":
    main()
