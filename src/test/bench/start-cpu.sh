#!/usr/bin/env bash
# One server start through the launcher, on DIR's store (a new empty one when DIR is new), until it is ready (it
# writes data/taskvault.mv.http): prints the wall time, the CPU seconds of the whole process (user + system, from
# /proc) and of each thread above 0.1 s, and the classes loaded; then stops the server. CPU seconds depend much less
# on the machine's load than wall time: compare those on a shared machine.
# Usage: src/test/bench/start-cpu.sh DIR [taskvault arguments]    build first: ./mvnw -q -B -DskipTests package
#        TASKVAULT_JAVA_OPTS passes JVM options through the launcher; KEEP=1 leaves the server running (its pid is
#        printed) for /actuator requests, e.g. with TASKVAULT_JAVA_OPTS=-Dtaskvault.startup-timeline=true and
#        --management.endpoints.web.exposure.include=startup: curl -X POST .../actuator/startup
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
dir=$1; shift
mkdir -p "$dir"; rm -f "$dir/data/taskvault.mv.http"
port=$((18000 + RANDOM % 900))
hz=$(getconf CLK_TCK)
start=${EPOCHREALTIME/./}
(cd "$dir" && exec "$root/taskvault" --server.port=$port "$@" </dev/null >"$dir/server.log" 2>&1) &
pid=$!
until [[ -f $dir/data/taskvault.mv.http ]]; do
  kill -0 $pid 2>/dev/null || { echo "the server failed: $(tail -5 "$dir/server.log")" >&2; exit 1; }
  sleep 0.01
done
took=$(( (${EPOCHREALTIME/./} - start) / 1000 ))
cpu=$(awk -v hz="$hz" '{printf "%.2f", ($14 + $15) / hz}' /proc/$pid/stat)
threads=$(for t in /proc/$pid/task/*; do
  awk -v hz="$hz" '{c = ($14 + $15) / hz; if (c > 0.1) { n = $0; sub(/^[0-9]+ \(/, "", n); sub(/\) .*/, "", n); printf "%s=%.2f ", n, c }}' "$t/stat"
done)
classes=$(jstat -class $pid 2>/dev/null | awk 'NR == 2 {print $1}' || true)
echo "wall_ms=$took cpu_s=$cpu classes=${classes:-?} load=$(cut -d' ' -f1 /proc/loadavg) | $threads"
if [[ -n ${KEEP:-} ]]; then echo "pid=$pid port=$port"; exit 0; fi
kill $pid; wait $pid 2>/dev/null || true
