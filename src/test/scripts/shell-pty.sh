#!/usr/bin/env bash
# Drives the packaged taskvault in a real pseudo-terminal (tmux): types commands, completes a task key with Tab,
# leaves with Ctrl-D and checks what the screen showed. Usage: shell-pty.sh <taskvault.jar> <work-dir>
# Exit 0 when every expectation held; otherwise 1, with the screen printed. The screen is kept in <work-dir>/screen.txt.
set -uo pipefail
jar=$(readlink -f "${1:?usage: shell-pty.sh <taskvault.jar> <work-dir>}")
dir=$(mkdir -p "${2:?work dir}" && readlink -f "$2")
session="tvpty-$$"
# why: a server of its own (-L), so other tmux users on the machine (kill-server, same session names) cannot end it
tm() { tmux -L "$session" "$@"; }
screen="$dir/screen.txt"
# why: each of the two starts below is a short session; C1 and the serial collector halve the CPU a start costs
jvm="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

cleanup() { tm kill-server 2>/dev/null || true; }
trap cleanup EXIT

capture() { tm capture-pane -p -J -S -200 -t "$session" > "$screen" 2>/dev/null; }

# waits until the screen shows the text (fixed string), or fails after the timeout in seconds
expect() {
  local text=$1 timeout=${2:-30} waited=0
  # why: a tenth of a second between looks; the screen is read from tmux's memory, and the test waits on it ~20 times
  while (( waited < timeout * 10 )); do
    capture
    grep -qF -- "$text" "$screen" && return 0
    sleep 0.1; waited=$((waited + 1))
  done
  echo "FAILED: the screen never showed '$text' within ${timeout}s" >&2
  cat "$screen" >&2
  exit 1
}

# waits until the text (fixed string) shows at least n times on the screen and its history
expect_count() {
  local text=$1 n=$2 waited=0
  while (( waited < 300 )); do
    capture
    (( $(grep -cF -- "$text" "$screen") >= n )) && return 0
    sleep 0.1; waited=$((waited + 1))
  done
  echo "FAILED: the screen never showed '$text' $n times" >&2
  cat "$screen" >&2
  exit 1
}

type_line() { tm send-keys -t "$session" -l -- "$1"; tm send-keys -t "$session" Enter; }

tm new-session -d -s "$session" -x 120 -y 50 \
  "cd '$dir' && java $jvm -Dlogging.level.root=WARN -Dlogging.level.org.jline=ERROR -jar '$jar' \
     --taskvault.store.path='$dir/data/taskvault.mv' --server.port=0; echo \"EXITED rc=\$?\"; sleep 30"

expect "taskvault>" 180
type_line 'add Check the pty door --priority HIGH --role qa'
expect "Created TV-1 PENDING  Check the pty door"

# while the prompt is open the application is ready: it records where the launcher hands commands, and the launcher
# in another terminal gets its answer from it, an unknown task's exit code 3 and message included (JAVA_HOME points
# nowhere, so no JVM of the launcher's own could answer)
for _ in $(seq 1 600); do [[ -f "$dir/data/taskvault.mv.http" ]] && break; sleep 0.1; done
[[ -f "$dir/data/taskvault.mv.http" ]] \
  || { echo "FAILED: no $dir/data/taskvault.mv.http while the prompt is open" >&2; capture; cat "$screen" >&2; exit 1; }
launcher="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/taskvault"
delegated=$(JAVA_HOME=/nonexistent TASKVAULT_STORE_PATH="$dir/data/taskvault.mv" "$launcher" show TV-1 2>&1) \
  || { echo "FAILED: 'taskvault show TV-1' beside the open prompt: $delegated" >&2; exit 1; }
grep -qF "Check the pty door" <<< "$delegated" \
  || { echo "FAILED: the delegated 'show TV-1' printed: $delegated" >&2; exit 1; }
JAVA_HOME=/nonexistent TASKVAULT_STORE_PATH="$dir/data/taskvault.mv" "$launcher" show TV-99 > "$dir/missing.out" 2> "$dir/missing.err"
rc=$?
[[ $rc -eq 3 && "$(cat "$dir/missing.err")" == "error: No task TV-99 exists; 'list' shows the tasks there are" ]] \
  || { echo "FAILED: the delegated 'show TV-99' gave rc=$rc and stderr: $(cat "$dir/missing.err")" >&2; exit 1; }

# Tab completes the only task key after "show TV-"
tm send-keys -t "$session" -l -- 'show TV-'
tm send-keys -t "$session" Tab
expect "taskvault> show TV-1" 15
tm send-keys -t "$session" Enter
expect "Chain  intact (1 event)"

tm send-keys -t "$session" -l -- 'list --state PEND'
tm send-keys -t "$session" Tab
expect "list --state PENDING" 15
tm send-keys -t "$session" Enter
expect "1 of 1 task"

type_line 'start TV-1'
expect "error: Task TV-1 cannot move from PENDING to RUNNING"

# Tab completes a task key after a lifecycle command, and a state value written as --state=RU
type_line 'queue TV-1'
expect "TV-1 is now QUEUED"
tm send-keys -t "$session" -l -- 'start TV-'
tm send-keys -t "$session" Tab
expect "taskvault> start TV-1" 15
tm send-keys -t "$session" Enter
expect "TV-1 is now RUNNING"
tm send-keys -t "$session" -l -- 'list --state=RU'
tm send-keys -t "$session" Tab
expect "list --state=RUNNING" 15
tm send-keys -t "$session" Enter
expect_count "1 of 1 task" 2
# states are coloured at a terminal and --no-color turns that off: compare the newest table row of TV-1
row() { tm capture-pane -p -e -S -200 -t "$session" | grep -aP '^(\x1b\[[0-9;]*m)*TV-1 +(\x1b\[[0-9;]*m)*RUNNING' | tail -1; }
row | grep -qP 'TV-1 +(\x1b\[[0-9;]*m)+RUNNING' \
  || { echo "FAILED: RUNNING is not coloured at the terminal: $(row | cat -v)" >&2; exit 1; }
type_line 'list --state RUNNING --no-color'
expect_count "1 of 1 task" 3
row | grep -qP 'TV-1 +RUNNING' \
  || { echo "FAILED: --no-color still coloured RUNNING: $(row | cat -v)" >&2; exit 1; }

type_line 'sessions'
expect "interactive"

tm send-keys -t "$session" C-d
expect "EXITED rc=0" 60
[[ -s "$dir/data/.taskvault_history" ]] || { echo "FAILED: no command history in $dir/data/.taskvault_history" >&2; exit 1; }
grep -qF "add Check the pty door" "$dir/data/.taskvault_history" \
  || { echo "FAILED: the history file lacks the typed command" >&2; exit 1; }

# the same jar as a one-shot command: the session just left is stored, ended, with its commands
oneshot() {
  java $jvm -Dspring.main.web-application-type=none -Dlogging.threshold.console=OFF -jar "$jar" \
    --taskvault.store.path="$dir/data/taskvault.mv" "$@"
}
oneshot sessions --json > "$dir/sessions.json" 2> "$dir/sessions.err" \
  || { echo "FAILED: 'sessions --json' exited non-zero" >&2; cat "$dir/sessions.err" >&2; exit 1; }
for text in '"mode" : "interactive"' '"text" : "add Check the pty door --priority HIGH --role qa"' '"exitStatus" : 4'; do
  grep -qF -- "$text" "$dir/sessions.json" || { echo "FAILED: stored sessions lack $text" >&2; cat "$dir/sessions.json" >&2; exit 1; }
done
grep -q '"endedAt" : "20' "$dir/sessions.json" || { echo "FAILED: the interactive session was not ended" >&2; exit 1; }
echo "OK: pty session passed; screen in $screen"
