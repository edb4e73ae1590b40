#!/usr/bin/env bash
# Load benchmark of `telusur serve` on loopback (Benchmarks/web/README.md).
#   Benchmarks/web/run.sh INDEX [SECONDS] [CONNECTIONS]
# Starts the release build on INDEX at a free port, then:
#   1. the mixed request file for SECONDS (30) with CONNECTIONS (16);
#   2. searches with facets and timeline only, the same;
#   3. memory (VmRSS) after warm-up, then after 100,000 more requests, to see growth.
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
echo "== mixed requests ($here/requests.txt), $connections connections, ${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/paths.lua" "http://127.0.0.1:$port" -- "$here/requests.txt" | grep -v "^ *$"
echo "RSS after: $(rss)"
echo "== searches with facets+timeline ($here/facets.txt), $connections connections, ${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/paths.lua" "http://127.0.0.1:$port" -- "$here/facets.txt" | grep -v "^ *$"
echo "RSS after: $(rss)"
echo "== 100,000 more mixed requests (ab-style count with wrk: until 100,000 are done)"
before=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
start=$(date +%s)
total=0
while [ "$total" -lt 100000 ]; do
  n=$(wrk -t2 -c"$connections" -d10s --timeout 10s -s "$here/paths.lua" "http://127.0.0.1:$port" -- "$here/requests.txt" | awk '/^requests / {print $2}')
  total=$((total + n))
  echo "  $total requests, RSS $(rss)"
done
after=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
echo "RSS before $before kB, after $total requests $after kB ($(( (after - before) )) kB), $(( $(date +%s) - start ))s"
echo "log lines: $(wc -l < /tmp/telusur-web-bench.log)"
