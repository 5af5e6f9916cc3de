#!/usr/bin/env bash
# Runs one benchmark main class from src/test/java/io/taskvault/bench on the test classpath.
# Usage: src/test/bench/run.sh FoundationBenchmark [args...]
#        src/test/bench/run.sh PerformanceSuite [10000,100000,1000000]
#          one fresh JVM and store per size (so peak heap and RSS are per size), then one table of all sizes;
#          figures in target/bench-results/<size>.tsv, heap per JVM from BENCH_HEAP (default 1536m, 8g above 200,000)
#        src/test/bench/run.sh PerformanceSuite 1000000 --load-only      load, stop cleanly, keep the store
#        src/test/bench/run.sh PerformanceSuite 1000000 --reuse DIR      measure that store (kept afterwards too)
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
name="$1"; shift
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ "$name" = PerformanceSuite ]; then
  sizes="${1:-10000,100000}"
  phase=("${@:2}")
  [ ${#phase[@]} -eq 0 ] && rm -rf target/bench-results
  for size in ${sizes//,/ }; do
    size="${size//_/}"
    heap="${BENCH_HEAP:-$([ "$size" -gt 200000 ] && echo 8g || echo 1536m)}"
    java "-Xmx$heap" -cp "$cp" io.taskvault.bench.PerformanceSuite "$size" "${phase[@]}" || echo "PerformanceSuite: size $size failed" >&2
    [ ${#phase[@]} -eq 0 ] && rm -rf target/bench-suite-"$size"-*
  done
  exec java -cp "$cp" io.taskvault.bench.PerformanceSuite --table
fi
exec java -Xmx4g -cp "$cp" "io.taskvault.bench.$name" "$@"
