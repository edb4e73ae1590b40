#!/usr/bin/env python3
"""Speaker attribution of `telusur quotes` against the labelled quotes in labels.txt.

Reads the labelled articles from the corpus (by id), runs `telusur quotes --input FILE
--json` on them and matches each extracted quote to a labelled one of the same article,
paragraph and kind whose first words it contains. A quote counts as correct when its
speaker is the labelled one: the person key (or name) is one of the alternatives, or,
for a labelled description, the extracted description shares a word with it.

precision = correct / extracted, recall = correct / labelled, for each kind.

    python3 Benchmarks/quotes/evaluate.py [--telusur .build/release/telusur]
        [--corpus /work/shared/corpus] [--verbose]
"""
import argparse, glob, gzip, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GENERIC = {"para", "itu", "tersebut", "ini", "yang", "dan", "seorang"}


def norm(text):
    return " ".join(re.sub(r"[^\w']+", " ", text.lower()).split())


def load_labels(path):
    labels = []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) != 5 or parts[2] not in ("d", "i") or not parts[1].isdigit():
            sys.exit(f"{path}:{number}: expected 'id|paragraph|d or i|speaker|first words', got {line!r}")
        labels.append({"article": parts[0], "paragraph": int(parts[1]),
                       "kind": "direct" if parts[2] == "d" else "indirect",
                       "speaker": parts[3], "start": parts[4], "line": number})
    return labels


def speaker_ok(gold, quote):
    speaker = quote.get("speaker")
    if gold.startswith("desc:"):
        if speaker is not None:
            return False
        words = set(norm(gold[5:]).split()) - GENERIC
        return bool(words & (set(norm(quote.get("speaker_desc") or "").split()) - GENERIC))
    if speaker is None:
        return False
    alternatives = {norm(a) for a in gold.split("/")}
    return norm(speaker["key"]) in alternatives or norm(speaker["name"]) in alternatives


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--telusur", default=None, help="the telusur binary (default: .build/release, else .build/debug)")
    parser.add_argument("--corpus", default="/work/shared/corpus", help="folder of the corpus *.jsonl.gz")
    parser.add_argument("--labels", default=os.path.join(HERE, "labels.txt"))
    parser.add_argument("--verbose", action="store_true", help="list every miss and wrong speaker")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(HERE))
    telusur = args.telusur or next((p for p in (os.path.join(root, ".build/release/telusur"),
                                                os.path.join(root, ".build/debug/telusur")) if os.path.exists(p)), None)
    if telusur is None or not os.path.exists(telusur):
        sys.exit("telusur binary not found; build it (swift build -c release) or pass --telusur PATH")

    labels = load_labels(args.labels)
    wanted = {l["article"] for l in labels}
    files = sorted(glob.glob(os.path.join(args.corpus, "*.jsonl.gz")))
    if not files:
        sys.exit(f"no *.jsonl.gz in {args.corpus}; pass --corpus DIR")
    found = {}
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if any(i in line[:60] for i in wanted):
                    record = json.loads(line)
                    if record["id"] in wanted:
                        found[record["id"]] = line
    missing = wanted - set(found)
    if missing:
        sys.exit(f"labelled articles not in {args.corpus}: {', '.join(sorted(missing))}")

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for id in sorted(found):
            tmp.write(found[id])
    try:
        out = subprocess.run([telusur, "quotes", "--input", tmp.name, "--json", "--limit", "100000"],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(tmp.name)
    quotes = json.loads(out)["quotes"]

    groups = {}
    for q in quotes:
        groups.setdefault((q["article"]["id"], q["paragraph"], q["kind"]), []).append(q)
    gold_groups = {}
    for l in labels:
        gold_groups.setdefault((l["article"], l["paragraph"], l["kind"]), []).append(l)

    stats = {k: {"extracted": 0, "labelled": 0, "matched": 0, "correct": 0} for k in ("direct", "indirect")}
    problems = []
    for q in quotes:
        stats[q["kind"]]["extracted"] += 1
    for key, golds in gold_groups.items():
        predicted = list(groups.get(key, []))
        unmatched = []
        for g in golds:
            stats[g["kind"]]["labelled"] += 1
            start = norm(g["start"])
            hit = next((q for q in predicted if start in norm(q["text"])), None)
            if hit is None:
                unmatched.append(g)
                continue
            predicted.remove(hit)
            pair(g, hit, stats, problems)
        # One labelled and one extracted quote left in the same paragraph: the same quote.
        if len(unmatched) == 1 and len(predicted) == 1:
            pair(unmatched[0], predicted.pop(), stats, problems)
            unmatched = []
        for g in unmatched:
            problems.append(f"missed   {g['article']} ¶{g['paragraph']} {g['kind']} {g['speaker']}: {g['start']}")
        for q in predicted:
            problems.append(f"extra    {describe(q)}")
    for key, qs in groups.items():
        if key not in gold_groups:
            for q in qs:
                problems.append(f"extra    {describe(q)}")

    print(f"{len(labels)} labelled quotes in {len(wanted)} articles; {len(quotes)} extracted")
    for kind, s in stats.items():
        p = s["correct"] / s["extracted"] if s["extracted"] else 0.0
        r = s["correct"] / s["labelled"] if s["labelled"] else 0.0
        print(f"{kind:8}  labelled {s['labelled']:3}  extracted {s['extracted']:3}  found {s['matched']:3}  "
              f"right speaker {s['correct']:3}  precision {p:.3f}  recall {r:.3f}")
    if args.verbose:
        for line in sorted(problems):
            print(line)


def describe(q):
    who = q["speaker"]["key"] if q["speaker"] else "desc:" + str(q["speaker_desc"])
    return f"{q['article']['id']} ¶{q['paragraph']} {q['kind']} {who}: {q['text'][:60]}"


def pair(g, q, stats, problems):
    stats[g["kind"]]["matched"] += 1
    if speaker_ok(g["speaker"], q):
        stats[g["kind"]]["correct"] += 1
    else:
        problems.append(f"speaker  {g['article']} ¶{g['paragraph']} {g['kind']} labelled {g['speaker']}, "
                        f"got {describe(q)}")


if __name__ == "__main__":
    main()
