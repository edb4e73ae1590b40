#!/bin/sh
# Shard latency: 1, 4 and 8 local shards of the full corpus, and 4 shards over
# loopback TCP (telusur shard-server, one per shard). Writes bench output to WORKDIR/out
# and prints the summary tables. Usage: Benchmarks/shards/run.sh [WORKDIR]
# Needs: swift build -c release; the corpus in ../shared/corpus; xapian-tools.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="$root/.build/release/telusur"
work=${1:-/tmp/telusur-shard-bench}
corpus="$root/../shared/corpus"
queries="$root/../shared/bench/queries/smoke.txt"
out="$work/out"
mkdir -p "$work" "$out"

for n in 1 4 8; do
  if [ ! -e "$work/s$n" ]; then
    if [ "$n" = 1 ]; then "$bin" index -q --index "$work/s$n" "$corpus"/*.jsonl.gz
    else "$bin" index -q --index "$work/s$n" --shards "$n" "$corpus"/*.jsonl.gz; fi
  fi
done

# Four shard servers on loopback, and a stub that lists them.
pids=""
stub="$work/remote4.stub"
: > "$stub"
for i in 0 1 2 3; do
  p=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$bin" shard-server "$work/s4/shard-0$i" --port "$p" 2>/dev/null >/dev/null &
  pids="$pids $!"
  echo "remote 127.0.0.1:$p" >> "$stub"
done
trap 'kill $pids 2>/dev/null || true' EXIT INT TERM
sleep 2

for index in s1 s4 s8 remote4.stub; do
  "$bin" bench --index "$work/$index" --queries "$queries" --repeat 5 > "$out/$index.jsonl"
  "$bin" bench --index "$work/$index" --queries "$queries" --repeat 5 --full > "$out/$index.full.jsonl"
done

echo "ids and exact counts (telusur bench):"
python3 "$here/summarise.py" \
  "1 database" "$out/s1.jsonl" "4 local shards" "$out/s4.jsonl" \
  "8 local shards" "$out/s8.jsonl" "4 shards over loopback TCP" "$out/remote4.stub.jsonl"
echo
echo "full searches: facets, snippets, groups (telusur bench --full):"
python3 "$here/summarise.py" \
  "1 database" "$out/s1.full.jsonl" "4 local shards" "$out/s4.full.jsonl" \
  "8 local shards" "$out/s8.full.jsonl" "4 shards over loopback TCP" "$out/remote4.stub.full.jsonl"
