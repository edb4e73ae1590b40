#!/usr/bin/env python3
"""HTML extraction benchmark: telusur's title, date and body against the expected
extraction of each page in ingest-real/fixtures-with-expected/.

  python3 Benchmarks/ingest/evaluate.py [--telusur PATH] [--fixtures DIR] [--json]

Each page is indexed alone into a temporary index with `telusur index`, read back
with `telusur show ID --json`, and compared with:
  - anpandu/*.expected.json: `title`, the date of `date_wib`, `content`
    (what the site's own scraper extracted);
  - readability/*/: expected-metadata.json `title` and `publishedTime` (null means
    the page states none, so telusur must find none), and the text of
    expected.html (Mozilla Readability's cleaned article).
Body token F1: both texts lowercased and split into runs of letters and digits
(Python's \\w), compared as multisets. Python 3 standard library only.
"""
import argparse
import collections
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


class TextOf(html.parser.HTMLParser):
    """The text of an HTML fragment (Readability's expected.html)."""

    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.parts.append(" ")


def tokens(text):
    return re.findall(r"\w+", (text or "").lower())


def f1(got, want):
    got, want = collections.Counter(tokens(got)), collections.Counter(tokens(want))
    common = sum((got & want).values())
    if common == 0:
        return 0.0, 0.0, 0.0
    precision = common / sum(got.values())
    recall = common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def cases(fixtures):
    anpandu = os.path.join(fixtures, "anpandu")
    for name in sorted(os.listdir(anpandu)):
        if name.endswith(".html"):
            expected = json.load(open(os.path.join(anpandu, name[:-5] + ".expected.json"), encoding="utf-8"))
            yield {
                "page": "anpandu/" + name,
                "path": os.path.join(anpandu, name),
                "title": expected["title"],
                "date": expected["date_wib"][:10],
                "body": expected["content"],
            }
    readability = os.path.join(fixtures, "readability")
    for name in sorted(os.listdir(readability)):
        folder = os.path.join(readability, name)
        metadata = json.load(open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8"))
        parser = TextOf()
        parser.feed(open(os.path.join(folder, "expected.html"), encoding="utf-8").read())
        published = metadata.get("publishedTime")
        yield {
            "page": "readability/" + name,
            "path": os.path.join(folder, "source.html"),
            "title": metadata["title"],
            "date": published[:10] if published else None,
            "body": "".join(parser.parts),
        }


def extract(telusur, path):
    with tempfile.TemporaryDirectory() as index:
        run = subprocess.run([telusur, "index", "--quiet", "--no-entities", "--index", index, path],
                             capture_output=True, text=True)
        if run.returncode != 0:
            return None, run.stderr.strip()
        shown = subprocess.run([telusur, "show", "--index", index, "--json", os.path.basename(path)],
                               capture_output=True, text=True)
        if shown.returncode != 0:
            return None, shown.stderr.strip()
        return json.loads(shown.stdout), None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--telusur", default=os.path.join(ROOT, ".build", "release", "telusur"))
    # ../shared beside the checkout (a worktree under wt/ looks one level further up).
    default = next((c for c in (os.path.join(ROOT, "..", "shared"), os.path.join(ROOT, "..", "..", "shared"))
                    if os.path.isdir(c)), os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--fixtures", default=os.path.join(default, "ingest-real", "fixtures-with-expected"))
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    rows = []
    for case in cases(args.fixtures):
        article, error = extract(args.telusur, case["path"])
        if article is None:
            rows.append({"page": case["page"], "error": error, "title_ok": False, "date_ok": False, "f1": 0.0,
                         "precision": 0.0, "recall": 0.0})
            continue
        body = "\n".join(p["text"] for p in article["paragraphs"])
        precision, recall, score = f1(body, case["body"])
        rows.append({
            "page": case["page"],
            "title_ok": article["title"] == case["title"],
            "title": article["title"],
            "expected_title": case["title"],
            # Readability's metadata gives no date for some pages: nothing to compare with.
            "date_ok": article["date"] == case["date"] if case["date"] is not None else None,
            "date": article["date"],
            "expected_date": case["date"],
            "paragraphs": len(article["paragraphs"]),
            "precision": precision,
            "recall": recall,
            "f1": score,
        })
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(f"{'page':58} {'title':5} {'date':5} {'P':>5} {'R':>5} {'F1':>5}")
        for row in rows:
            print(f"{row['page'][:58]:58} {'ok' if row['title_ok'] else 'NO':5} {({True: 'ok', False: 'NO', None: 'n/a'})[row['date_ok']]:5} "
                  f"{row['precision']:5.3f} {row['recall']:5.3f} {row['f1']:5.3f}")
            if row.get("error"):
                print("   error:", row["error"])
            if not row["title_ok"] and "title" in row:
                print(f"   title {row['title']!r}, expected {row['expected_title']!r}")
            if row["date_ok"] is None:
                print(f"   date {row['date']!r}; the reference gives none")
            elif not row["date_ok"] and "date" in row:
                print(f"   date {row['date']!r}, expected {row['expected_date']!r}")
        mean = sum(r["f1"] for r in rows) / len(rows)
        print(f"\n{len(rows)} pages: titles {sum(r['title_ok'] for r in rows)}/{len(rows)}, "
              f"dates {sum(r['date_ok'] is True for r in rows)}/{sum(r['date_ok'] is not None for r in rows)}, body F1 mean {mean:.3f}, "
              f"min {min(r['f1'] for r in rows):.3f}")
    ok = all(r["title_ok"] and r["date_ok"] is not False and r["f1"] >= 0.90 for r in rows)
    ok = ok and sum(r["f1"] for r in rows) / len(rows) >= 0.95
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
