#!/usr/bin/env bash
# Whole-process wall time of one-shot commands on a store of N tasks (default 10,000): `taskvault add`,
# `list --state PENDING --role backend`, `show TV-42` and `list --search module`, p50 and max over RUNS runs (default 20)
# each, through a running taskvault and in a process of their own; Taskwarrior doing the same work (installed with
# apt-get when missing; SKIP_TASKWARRIOR=1 leaves it out); and the server's start to ready, empty and on N tasks.
# Beside the wall time, the CPU per command: the client's (the launcher and whatever it starts, bash's `times`) and,
# through a running taskvault, the server's (its /proc/PID/stat utime+stime), so a run on a shared machine still says
# what a command costs; the load average is printed at the start and at the end.
# Usage: src/test/bench/cli-bench.sh [N] [RUNS]          build first: ./mvnw -q -B -DskipTests package
#        START_RUNS (default 3) starts of the server per store; SOLO_RUNS (default RUNS) runs without a server;
#        WARM_RUNS (default 150) rounds of the four commands before the running server is timed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
n=${1:-10000}
runs=${2:-20}
start_runs=${START_RUNS:-3}
solo_runs=${SOLO_RUNS:-$runs}
launcher="$root/taskvault"
[[ -f $root/target/taskvault.jar ]] || { echo "build first: ./mvnw -q -B -DskipTests package" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
work=$(mktemp -d /tmp/taskvault-cli-bench.XXXXXX)
port=$((18000 + RANDOM % 900))
server=""
stop_server() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi
}
trap 'stop_server; rm -rf "$work"' EXIT

now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }

# p50 and max, in milliseconds, of the microsecond figures given
summary() {
  local sorted
  mapfile -t sorted < <(printf '%s\n' "$@" | sort -n)
  local count=${#sorted[@]}
  printf '%d %d' $(( sorted[(count - 1) / 2] / 1000 )) $(( sorted[count - 1] / 1000 ))
}

row() { printf '| %-52s | %5s | %9s | %9s | %10s | %10s |\n' "$1" "$2" "$3" "$4" "${5:-}" "${6:-}"; }

# The CPU milliseconds of this script's finished children (user + system, bash's `times`) in cpu_ms; called in this
# shell, not in $(...), whose subshell has children of its own
children_cpu_ms() {
  local line t m s
  times >"$work/times"
  line=$(tail -1 "$work/times")
  cpu_ms=0
  for t in $line; do
    m=${t%%m*}; s=${t#*m}; s=${s%s}
    cpu_ms=$(( cpu_ms + m * 60000 + 10#${s%.*} * 1000 + 10#${s#*.} ))
  done
}

# The server's CPU milliseconds so far (utime + stime of its process), empty when none runs
server_cpu_ms() {
  [[ -n $server && -r /proc/$server/stat ]] || return 0
  local stat fields
  stat=$(< "/proc/$server/stat")
  read -ra fields <<<"${stat##*) }"
  echo $(( (fields[11] + fields[12]) * 1000 / $(getconf CLK_TCK) ))
}

# time_runs LABEL RUNS COMMAND...: the command's wall time, whole process, RUNS times; and its CPU per run
time_runs() {
  local label=$1 count=$2 i start times=() code=0 client server_before
  shift 2
  children_cpu_ms; client=$cpu_ms; server_before=$(server_cpu_ms)
  for ((i = 0; i < count; i++)); do
    start=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>"$work/last.err" || code=$?
    times+=($(( ${EPOCHREALTIME/./} - start )))
  done
  children_cpu_ms; client=$(( (cpu_ms - client) / count ))
  local server_cpu=""
  [[ -n $server_before ]] && server_cpu="$(( ($(server_cpu_ms) - server_before) / count )) ms"
  [[ $code -le 0 ]] || echo "  ($label: last non-zero exit $code: $(head -c 200 "$work/last.err"))" >&2
  read -r p50 max <<<"$(summary "${times[@]}")"
  row "$label" "$count" "$p50 ms" "$max ms" "$client ms" "$server_cpu"
}

# start_server DIR: starts a taskvault on DIR's store and waits until it is ready; took_us: the microseconds it took
start_server() {
  local dir=$1 start
  mkdir -p "$dir"
  rm -f "$dir/data/taskvault.mv.http"
  start=${EPOCHREALTIME/./}
  (cd "$dir" && exec "$launcher" --server.port=$port \
      </dev/null >"$dir/server.log" 2>&1) &
  server=$!
  until [[ -f $dir/data/taskvault.mv.http ]]; do
    kill -0 "$server" 2>/dev/null || { echo "server failed: $(tail -5 "$dir/server.log")" >&2; exit 1; }
    sleep 0.02
  done
  took_us=$(( ${EPOCHREALTIME/./} - start ))
}

time_starts() {
  local label=$1 dir=$2 i times=()
  for ((i = 0; i < start_runs; i++)); do
    start_server "$dir"
    times+=("$took_us")
    stop_server
  done
  read -r p50 max <<<"$(summary "${times[@]}")"
  row "$label" "$start_runs" "$p50 ms" "$max ms"
}

populate() {
  local dir=$1 i batch roles=(backend frontend ops docs) url secret
  read -r url secret < "$dir/data/taskvault.mv.http"
  for ((i = 0; i < n; i += 1000)); do
    batch=""
    for ((j = i; j < i + 1000 && j < n; j++)); do
      local title="Task $j"
      (( j % 10 == 0 )) && title="Refactor the module loader $j"
      batch+=${batch:+,}"{\"title\":\"$title\",\"role\":\"${roles[j % 4]}\"}"
    done
    curl -sS --noproxy '*' -o /dev/null -X POST -H 'Content-Type: application/json' \
      --data-binary "[$batch]" "$url/api/tasks/batch"
  done
}

echo "taskvault one-shot commands, $n tasks, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
row "what" "runs" "p50" "max" "client CPU" "server CPU"
row "---" "---" "---" "---" "---" "---"

time_starts "server start to ready, empty store" "$work/empty"
start_server "$work/store"
populate "$work/store"
stop_server
time_starts "server start to ready, $n tasks" "$work/store"

cd "$work/store"
start_server "$work/store"
# why: the first commands after start-up warm the server's JIT; a person's or a script's hundredth command is the case.
#     Each measured command runs WARM_RUNS times first (the adds among them add tasks, as the measured ones do)
for ((i = 0; i < ${WARM_RUNS:-150}; i++)); do
  "$launcher" add Warm-up task --role backend >/dev/null
  "$launcher" list --state PENDING --role backend >/dev/null
  "$launcher" show TV-42 >/dev/null
  "$launcher" list --search module >/dev/null
done
time_runs "running taskvault: add" "$runs" "$launcher" add Benchmark task --role backend
time_runs "running taskvault: list --state PENDING --role backend" "$runs" "$launcher" list --state PENDING --role backend
time_runs "running taskvault: show TV-42" "$runs" "$launcher" show TV-42
time_runs "running taskvault: list --search module" "$runs" "$launcher" list --search module
stop_server

time_runs "own process: add" "$solo_runs" "$launcher" add Benchmark task --role backend
time_runs "own process: list --state PENDING --role backend" "$solo_runs" "$launcher" list --state PENDING --role backend
time_runs "own process: show TV-42" "$solo_runs" "$launcher" show TV-42
time_runs "own process: list --search module" "$solo_runs" "$launcher" list --search module

if [[ -z ${SKIP_TASKWARRIOR:-} ]]; then
  if ! command -v task >/dev/null; then
    apt-get install -y -qq taskwarrior >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq taskwarrior >/dev/null; }
  fi
  export TASKRC=$work/taskrc TASKDATA=$work/taskwarrior
  mkdir -p "$TASKDATA"
  printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nnews.version=99.99.99\n' "$TASKDATA" > "$TASKRC"
  {
    printf '['
    for ((j = 0; j < n; j++)); do
      title="Task $j"; (( j % 10 == 0 )) && title="Refactor the module loader $j"
      roles=(backend frontend ops docs)
      (( j > 0 )) && printf ','
      printf -v uuid '%08x-0000-4000-8000-%012x' "$j" "$j"
      printf '{"description":"%s","project":"%s","status":"pending","entry":"20261101T000000Z","uuid":"%s"}' \
        "$title" "${roles[j % 4]}" "$uuid"
    done
    printf ']'
  } > "$work/tasks.json"
  task import "$work/tasks.json" >/dev/null 2>&1
  time_runs "taskwarrior: add" "$runs" task add Benchmark task project:backend
  time_runs "taskwarrior: status:pending project:backend list" "$runs" task status:pending project:backend list
  time_runs "taskwarrior: 42 info" "$runs" task 42 info
  time_runs "taskwarrior: /module/ list" "$runs" task /module/ list
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
