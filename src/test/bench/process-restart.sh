#!/usr/bin/env bash
# Start-up of a new process on an existing store (what an operator sees; the suite restarts inside its own JVM):
# starts the application on DIR/taskvault.mv, waits for its start-up recovery, kills it with SIGKILL, starts it
# again and prints the second start's timeline; then stops it cleanly and starts it once more.
# Usage: src/test/bench/process-restart.sh DIR [heap]      (DIR from PerformanceSuite ... --load-only)
# Extra JVM options (for example -XX:SharedArchiveFile=...) from RESTART_JAVA_OPTS.
set -euo pipefail
dir="$1"; heap="${2:-1536m}"
cd "$(dirname "$0")/../../.."
./mvnw -q -B -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:$(cat target/bench-classpath.txt)"
log() { echo "target/process-restart-$1.log"; }
start() {
  # shellcheck disable=SC2086
  java "-Xmx$heap" ${RESTART_JAVA_OPTS:-} -Dspring.shell.interactive.enabled=false \
    -Dtaskvault.store.path="$dir/taskvault.mv" -Dtaskvault.recovery.lease=36500d -Dserver.port=0 \
    -Dlogging.level.io.taskvault.recovery=info -Dlogging.level.io.taskvault.task=info \
    -cp "$cp" io.taskvault.TaskvaultApplication > "$(log "$1")" 2>&1 &
  echo $!
}
await() { # waits for the start-up recovery line (or a failure) in the log of run $1, process $2
  until grep -q "Start-up recovery\|Application run failed" "$(log "$1")"; do
    kill -0 "$2" 2>/dev/null || { echo "run $1 ended early; see $(log "$1")" >&2; exit 1; }
    sleep 0.2
  done
}
show() {
  grep -E "Started TaskvaultApplication|CrashRepair|Start-up recovery|Recovery after|list index built|Application run failed" \
    "$(log "$1")" | sed -E 's/^([0-9T:.-]+Z).* : /\1  /'
}
pid=$(start 1); await 1 "$pid"; kill -9 "$pid"; wait "$pid" 2>/dev/null || true
echo "== new process after SIGKILL =="
pid=$(start 2); await 2 "$pid"
until grep -q "Recovery after\|list index built" "$(log 2)"; do sleep 0.5; done
sleep 1; show 2; grep VmHWM "/proc/$pid/status"
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "== new process after a clean shutdown =="
pid=$(start 3); await 3 "$pid"; sleep 1; show 3
kill "$pid"; wait "$pid" 2>/dev/null || true
