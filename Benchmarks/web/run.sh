#!/usr/bin/env bash
# Load benchmark of `telusur serve` on loopback (Benchmarks/web/README.md).
#   Benchmarks/web/run.sh INDEX [SECONDS] [CONNECTIONS]
# Starts the release build on INDEX at a free port, then:
#   1. the mixed request file for SECONDS (30) with CONNECTIONS (16);
#   2. searches with facets and timeline only, the same;
#   3. memory (VmRSS) after those, then every 10 s while REQUESTS (100,000) more
#      searches (searches.txt) are made, to see growth.
# A 10 s warm-up first: each searcher builds its docid table on its first search.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
index="${1:?give the index directory}"
seconds="${2:-30}"
connections="${3:-16}"
bin="$root/.build/release/telusur"
port=$((20000 + RANDOM % 20000))
"$bin" serve --index "$index" --port "$port" 2>/tmp/telusur-web-bench.log &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/api/stats" >/dev/null 2>&1 && break; sleep 0.2; done
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }
echo "telusur serve (pid $server) on $index, port $port; $(nproc) cores; $(date -u +%FT%TZ)"
echo "RSS at start: $(rss)"
wrk -t2 -c"$connections" -d10s --timeout 10s -s "$here/paths.lua" "http://127.0.0.1:$port" -- "$here/searches.txt" >/dev/null
echo "RSS after a 10 s warm-up: $(rss)"
echo "== mixed requests ($here/requests.txt), $connections connections, ${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/paths.lua" "http://127.0.0.1:$port" -- "$here/requests.txt" | grep -v "^ *$"
echo "RSS after: $(rss)"
echo "== searches with facets+timeline ($here/facets.txt), $connections connections, ${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/paths.lua" "http://127.0.0.1:$port" -- "$here/facets.txt" | grep -v "^ *$"
echo "RSS after: $(rss)"
wanted="${REQUESTS:-100000}"
echo "== $wanted more searches ($here/searches.txt), in 10 s runs"
before=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
start=$(date +%s)
total=0
while [ "$total" -lt "$wanted" ]; do
  out=$(wrk -t2 -c"$connections" -d10s --timeout 10s -s "$here/paths.lua" "http://127.0.0.1:$port" -- "$here/searches.txt")
  n=$(echo "$out" | awk '/^requests / {print $2}')
  total=$((total + n))
  echo "  $total requests, RSS $(rss); $(echo "$out" | grep -o 'non-2xx [0-9]*'), $(echo "$out" | grep -o 'timeout [0-9]*')"
done
after=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
echo "RSS before $before kB, after $total requests $after kB ($(( (after - before) )) kB), $(( $(date +%s) - start ))s"
echo "log lines: $(wc -l < /tmp/telusur-web-bench.log)"
