#!/usr/bin/env bash
# Side-by-side benchmark: Apache Kafka (1 node, or 3 with --stores 3) and Runnel on this machine, in one
# session, with the same real Kafka perf tools (ProducerPerformance, ConsumerPerformance, EndToEndLatency)
# from ../shared/bench/kafka. Kafka runs first, then Runnel (started with bin/runnel on its own data dir);
# medians of each go to one table.
#
#   bench/compare-with-kafka.sh [--stores 1|3] [--repeats N]     (environment: NUM_RECORDS etc., see the harness)
#
# The harness lives in shared/bench/kafka beside the checkout; it is copied to a scratch dir because it
# writes lib/ and results/ next to itself.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED_BENCH="${SHARED_BENCH:-$ROOT/../shared/bench/kafka}"
WORK="${BENCH_WORK:-/tmp/runnel-bench}"
STORES=1; REPEATS=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stores) STORES="$2"; shift 2;;
    --repeats) REPEATS="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[[ -d "$SHARED_BENCH" ]] || { echo "no Kafka bench harness at $SHARED_BENCH" >&2; exit 1; }
mkdir -p "$WORK"
if [[ ! -d "$WORK/harness/lib" ]]; then
  rm -rf "$WORK/harness" && cp -r "$SHARED_BENCH" "$WORK/harness" && chmod -R u+w "$WORK/harness"
  (cd "$WORK/harness" && ./fetch.sh)
fi
command -v mpstat >/dev/null || { apt-get update -qq && apt-get install -y -qq sysstat >/dev/null; }
H="$WORK/harness"
STAMP="$(date +%Y%m%d-%H%M%S)"
RF=1; [[ $STORES == 3 ]] && RF=3

# 1. Apache Kafka, started and stopped by the harness
"$H/run-bench.sh" --nodes "$STORES" --repeats "$REPEATS" --out "$H/results/$STAMP-kafka"

# 2. Runnel, on its own data dir and ports' defaults (9092); the harness creates/deletes its topics
export RUNNEL_DATA_DIR="$WORK/runnel-data"
"$ROOT/bin/runnel" down >/dev/null 2>&1 || true
rm -rf "$RUNNEL_DATA_DIR"
"$ROOT/bin/runnel" up --stores "$STORES"
trap '"$ROOT/bin/runnel" down' EXIT
TOPIC_FILES_FMT="$RUNNEL_DATA_DIR/store-*/%s-[0-9]*/*.log" \
  "$H/run-bench.sh" --bootstrap 127.0.0.1:9092 --rf "$RF" --repeats "$REPEATS" --label runnel \
  --server-pattern 'runnel\.service=' --out "$H/results/$STAMP-runnel"

echo "## Apache Kafka ($STORES node(s))"; "$H/aggregate.py" "$H/results/$STAMP-kafka"
echo "## Runnel ($STORES store(s))";      "$H/aggregate.py" "$H/results/$STAMP-runnel"
