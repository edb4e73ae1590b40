#!/usr/bin/env bash
# Builds the libFuzzer targets (tokenizer, query parser + highlighting) with
# swiftc -sanitize=fuzzer,address from the library's own sources, and runs both
# at once for SECONDS each (default 60). Crashes are written to
# Fuzz/.build/artifacts/ and make the script exit 1; turn each into a regression
# test in Tests/TelusurTests before fixing it.
#
#   Fuzz/run.sh          # one minute each
#   Fuzz/run.sh 300      # five minutes each
#   FUZZ_JOBS=1 Fuzz/run.sh 60   # one after the other (default: both at once)
#   FUZZ_FLAGS=-len_control=0 Fuzz/run.sh 300   # extra libFuzzer options (here: long inputs at once)
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH="${1:-60}"
SWIFTC="${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}"
SRC=../Sources/Telusur
OUT=.build
mkdir -p "$OUT/artifacts" "$OUT/corpus/tokenizer" "$OUT/corpus/query"

# -O keeps Swift's bounds and overflow checks (only -Ounchecked drops them); ASan
# catches memory errors in the unsafe-buffer code of the tokenizer and highlighter.
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -module-name TelusurFuzz)
build() {  # output sources...
  local output=$1
  shift
  # The linker warns about every ASan symbol; show its output only when it fails.
  "$SWIFTC" "${FLAGS[@]}" "$@" -o "$output" >"$output.build.log" 2>&1 || { cat "$output.build.log"; exit 2; }
}
echo "building the fuzz targets…"
build "$OUT/tokenizer-fuzz" TokenizerFuzz.swift "$SRC"/Analysis/*.swift
build "$OUT/query-fuzz" QueryParserFuzz.swift "$SRC"/Analysis/*.swift \
  "$SRC"/Query/QueryParser.swift "$SRC"/Query/QueryNode.swift "$SRC"/Query/QueryError.swift \
  "$SRC"/Presentation/Highlighter.swift "$SRC"/Presentation/Snippet.swift "$SRC"/Presentation/String+TerminalSafe.swift

# The committed seeds start each working corpus; what the fuzzer learns stays in .build.
cp -n seeds/tokenizer/* "$OUT/corpus/tokenizer/" 2>/dev/null || true
cp -n seeds/query/* "$OUT/corpus/query/" 2>/dev/null || true

run() {  # name binary corpus [extra libFuzzer options...]
  local name=$1 binary=$2 corpus=$3
  shift 3
  # Swift's own crash backtracer confuses ASan after a fatalError; libFuzzer's trace is enough.
  SWIFT_BACKTRACE=enable=no "$binary" "$corpus" -max_total_time="$SECONDS_EACH" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$name-" ${FUZZ_FLAGS:-} "$@" >"$OUT/$name.log" 2>&1
}

status=0
if [ "${FUZZ_JOBS:-2}" -ge 2 ]; then
  run tokenizer "$OUT/tokenizer-fuzz" "$OUT/corpus/tokenizer" & tokenizer=$!
  run query "$OUT/query-fuzz" "$OUT/corpus/query" -dict=query.dict & query=$!
  wait "$tokenizer" || status=1
  wait "$query" || status=1
else
  run tokenizer "$OUT/tokenizer-fuzz" "$OUT/corpus/tokenizer" || status=1
  run query "$OUT/query-fuzz" "$OUT/corpus/query" -dict=query.dict || status=1
fi

for name in tokenizer query; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$OUT/$name.log" | grep -o '[0-9]*$' || echo "?")
  echo "$name: ${SECONDS_EACH} s, ${runs} runs, log in Fuzz/$OUT/$name.log"
done
if [ "$status" -ne 0 ] || ls "$OUT"/artifacts/* >/dev/null 2>&1; then
  echo "crashes or slow inputs found:"; ls -1 "$OUT"/artifacts/ 2>/dev/null || true
  exit 1
fi
echo "no crashes"
