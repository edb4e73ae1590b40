#!/usr/bin/env python3
"""Person recognition against published gold annotations (idner-news-2k).

Each sentence (or each window of --window consecutive sentences) of the CoNLL file
becomes one article; the distinct persons telusur's recognizer attaches to it
(`telusur recognize`, the same code that indexing runs) are compared with the distinct
gold PER spans. Strict: a name counts only when its whole normalised key matches.
Both sides are normalised by the same code (`telusur recognize --names`, the key a
`person:` query looks up): titles, degrees, ranks and offices removed, case and
accents folded, a nickname equal to its full name (Jokowi = Joko Widodo). A joint
ticket tagged as one PER span ("Jokowi-Kalla", "SBY-Boediono") counts as its two
persons.

    python3 Benchmarks/entities/idner.py                       # dev split, the figure
    python3 Benchmarks/entities/idner.py --split train --errors 40   # for building rules

Python 3 standard library only.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# shared/ beside the checkout (the main checkout and CI), else the machine's /work/shared.
DEFAULT_DATA = next((p for p in (os.path.normpath(os.path.join(ROOT, "..", "shared", "ner", "idner-news-2k")),
                                 "/work/shared/ner/idner-news-2k") if os.path.isdir(p)), "idner-news-2k")
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s"}
NO_SPACE_AFTER = {"(", "["}


def read_conll(path):
    """Sentences as lists of (token, tag)."""
    sentences, current = [], []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                current = []
                continue
            parts = line.split(" ")
            if len(parts) < 3:
                sys.exit(f"{path}:{number}: expected 'token POS TAG', got {line!r}")
            current.append((" ".join(parts[:-2]), parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def detokenize(tokens):
    """The sentence as a newspaper writes it: no space before a comma or a period."""
    text = ""
    for token in tokens:
        if text and token not in NO_SPACE_BEFORE and text[-1] not in "([":
            text += " "
        text += token
    return text


def gold_spans(sentence):
    spans, current = [], None
    for token, tag in sentence:
        if tag == "B-PER" or (tag == "I-PER" and current is None):
            if current:
                spans.append(current)
            current = [token]
        elif tag == "I-PER":
            current.append(token)
        else:
            if current:
                spans.append(current)
            current = None
    if current:
        spans.append(current)
    names = []
    for span in spans:
        text = detokenize(span)
        parts = [p.strip() for p in text.split("-")]
        # A joint ticket: both sides capitalised ("Jokowi-Kalla"); "Al-Amin" stays one.
        if len(parts) == 2 and all(p[:1].isupper() and len(p) > 2 for p in parts):
            names.extend(parts)
        else:
            names.append(text)
    return names


def run(telusur, arguments, lines):
    result = subprocess.run([telusur, "recognize"] + arguments, input="\n".join(lines) + "\n",
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"telusur recognize failed ({result.returncode}): {result.stderr.strip()}")
    out = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    if len(out) != len(lines):
        sys.exit(f"telusur recognize gave {len(out)} lines for {len(lines)}")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--data", default=DEFAULT_DATA, help="folder with dev.txt and train.txt")
    parser.add_argument("--telusur", default=next((p for p in (os.path.join(ROOT, ".build", c, "telusur") for c in ("release", "debug")) if os.access(p, os.X_OK)), "telusur"))
    parser.add_argument("--window", type=int, default=1, help="sentences per article (default 1)")
    parser.add_argument("--errors", type=int, default=0, help="print N missed and N extra names with their sentence")
    parser.add_argument("--json", help="write the per-article results to this file")
    options = parser.parse_args()
    if not os.access(options.telusur, os.X_OK):
        sys.exit(f"{options.telusur} is not an executable telusur; build it (swift build -c release) or give --telusur")

    sentences = read_conll(os.path.join(options.data, options.split + ".txt"))
    articles = [sentences[i:i + options.window] for i in range(0, len(sentences), options.window)]
    texts = [[detokenize([t for t, _ in s]) for s in article] for article in articles]
    golds = [[name for s in article for name in gold_spans(s)] for article in articles]

    found = run(options.telusur, [], [json.dumps(t, ensure_ascii=False) for t in texts])
    unique = sorted({name for names in golds for name in names})
    keys = run(options.telusur, ["--names"], [json.dumps(n, ensure_ascii=False) for n in unique])
    key_of = {name: entry["key"] for name, entry in zip(unique, keys)}

    tp = fp = fn = 0
    missed, extra, rows = [], [], []
    for text, gold, result in zip(texts, golds, found):
        want = {key_of[name] for name in gold if key_of[name]}
        got = set(result["persons"])
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        sentence = " ".join(text)
        missed += [(name, sentence) for name in sorted(want - got)]
        extra += [(name, sentence) for name in sorted(got - want)]
        rows.append({"text": text, "gold": sorted(want), "found": sorted(got)})

    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    single = sum(1 for name, _ in missed if " " not in name)
    print(f"idner-news-2k {options.split}: {len(sentences)} sentences, {len(articles)} articles (window {options.window})")
    print(f"persons  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}   (tp {tp}, fp {fp}, fn {fn}; "
          f"{single} of the {fn} misses are single words)")
    if options.errors:
        print(f"\nmissed (first {options.errors} of {len(missed)}):")
        for name, sentence in missed[:options.errors]:
            print(f"  {name!r:30} {sentence[:160]}")
        print(f"\nextra (first {options.errors} of {len(extra)}):")
        for name, sentence in extra[:options.errors]:
            print(f"  {name!r:30} {sentence[:160]}")
    if options.json:
        with open(options.json, "w", encoding="utf-8") as handle:
            json.dump({"precision": precision, "recall": recall, "f1": f1, "articles": rows}, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
