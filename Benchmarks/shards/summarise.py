#!/usr/bin/env python3
"""Summarise `telusur bench` output: p50, p90, p99 and mean of elapsed_ms.

Usage: summarise.py LABEL FILE [LABEL FILE ...]   (FILE: the JSON lines bench printed)
Prints one Markdown table row per file. Percentiles are nearest-rank over every
timed query execution (queries x repeats), as the bench harness reports them.
"""
import json
import math
import sys


def percentile(sorted_values, p):
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def summarise(path):
    times = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if not line:
                continue
            record = json.loads(line)
            if "elapsed_ms" in record:
                times.append(record["elapsed_ms"])
    times.sort()
    return {
        "n": len(times),
        "p50": percentile(times, 50),
        "p90": percentile(times, 90),
        "p99": percentile(times, 99),
        "mean": sum(times) / len(times),
    }


def main(arguments):
    if len(arguments) < 2 or len(arguments) % 2:
        sys.exit(__doc__)
    print("| index | timed queries | p50 ms | p90 ms | p99 ms | mean ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, path in zip(arguments[0::2], arguments[1::2]):
        s = summarise(path)
        print(f"| {label} | {s['n']} | {s['p50']:.2f} | {s['p90']:.2f} | {s['p99']:.2f} | {s['mean']:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
