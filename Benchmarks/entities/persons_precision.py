#!/usr/bin/env python3
"""Precision of `telusur persons --top N` against a judged list kept in the repo.

`persons-judged.tsv` holds one judged entry a line: `name<TAB>verdict<TAB>why`, verdict
`person` or `not` (a place, body, team, phrase or a name glued to an office). Entries
of the list that are not judged yet are printed so that they can be judged and added;
they count in neither direction until then.

    python3 Benchmarks/entities/persons_precision.py --index /tmp/telusur-full [--top 200]

Python 3 standard library only.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JUDGED = os.path.join(HERE, "persons-judged.tsv")


def load_judged(path):
    judged = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[1] not in ("person", "not"):
                sys.exit(f"{path}:{number}: expected 'name<TAB>person|not<TAB>why', got {line!r}")
            judged[parts[0]] = (parts[1], parts[2])
    return judged


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", required=True)
    parser.add_argument("--top", type=int, default=200)
    parser.add_argument("--telusur", default=next((p for p in (os.path.join(ROOT, ".build", c, "telusur") for c in ("release", "debug"))
                                                   if os.access(p, os.X_OK)), "telusur"))
    parser.add_argument("--judged", default=JUDGED)
    options = parser.parse_args()
    result = subprocess.run([options.telusur, "persons", "--index", options.index, "--top", str(options.top), "--json"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"telusur persons failed ({result.returncode}): {result.stderr.strip()}")
    entries = json.loads(result.stdout)
    judged = load_judged(options.judged) if os.path.exists(options.judged) else {}
    persons = nots = 0
    unjudged = []
    wrong = []
    for entry in entries:
        verdict = judged.get(entry["name"])
        if verdict is None:
            unjudged.append(entry)
        elif verdict[0] == "person":
            persons += 1
        else:
            nots += 1
            wrong.append((entry, verdict[1]))
    total = persons + nots
    print(f"telusur persons --top {options.top}: {len(entries)} entries, {total} judged, {persons} persons, {nots} not "
          f"-> precision {persons / total if total else 1.0:.3f}" + (f"; {len(unjudged)} not judged yet" if unjudged else ""))
    for entry, why in wrong:
        print(f"  not a person: {entry['articles']:6}  {entry['name']}  ({why})")
    for entry in unjudged:
        print(f"  judge: {entry['articles']:6}  {entry['name']}")


if __name__ == "__main__":
    main()
