# shellcheck shell=bash
# Output helpers, quiet command runner, exit hooks and child processes with
# signal forwarding. Sourced by scripts/lib/setup.sh; not meant to run alone.

say() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# run_logged WHAT CMD...: runs CMD with its output kept aside; prints nothing on
# success, the tail of the output on failure (then exits).
run_logged() {
  local what=$1 log status=0
  shift
  log=$(mktemp "${TMPDIR:-/tmp}/shoal-setup.XXXXXX")
  "$@" >"$log" 2>&1 || status=$?
  if ((status == 0)); then
    rm -f "$log"
    return 0
  fi
  printf 'error: %s failed (exit %s). Last lines of its output:\n' "$what" "$status" >&2
  tail -n 40 "$log" | sed 's/^/    /' >&2
  printf 'Full output: %s\n' "$log" >&2
  exit 1
}

# Exit hooks, run in reverse order of registration (last started, first stopped)
# whatever the reason the script ends: success, failure, Ctrl-C.
SHOAL_EXIT_HOOKS=()
at_exit() { SHOAL_EXIT_HOOKS+=("$1"); }
shoal_run_exit_hooks() {
  local status=$? i
  trap - EXIT INT TERM
  for ((i = ${#SHOAL_EXIT_HOOKS[@]} - 1; i >= 0; i--)); do
    "${SHOAL_EXIT_HOOKS[i]}" || true
  done
  exit "$status"
}
trap shoal_run_exit_hooks EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Long-running commands run as background children, each in its own session and
# process group, so that a signal sent to this script (Ctrl-C, kill, CI cancel)
# reaches all their processes (npm → mocha → test servers, browsers) and nothing they
# started outlives the script or the databases it stops.
SHOAL_CHILD_PID=
SHOAL_SIGNAL=
shoal_forward() {
  SHOAL_SIGNAL=$1
  if [[ -n $SHOAL_CHILD_PID ]]; then kill "-$1" -- "-$SHOAL_CHILD_PID" 2>/dev/null || true; fi
}

# group_alive PGID: whether a process of that group is still running (zombies aside).
group_alive() {
  local f line state pgrp
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    line=${line##*) }
    read -r state _ pgrp _ <<<"$line"
    [[ $pgrp == "$1" && $state != Z ]] && return 0
  done
  return 1
}

# stop_group PGID: SIGTERM to what is left of the group, SIGKILL after 10 s.
stop_group() {
  local i
  group_alive "$1" || return 0
  kill -TERM -- "-$1" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    group_alive "$1" || return 0
    sleep 0.1
  done
  kill -KILL -- "-$1" 2>/dev/null || true
}

# start_child CMD...: starts CMD in the background, leading a new process group
# (setsid does not fork here: a background child of a script leads no group yet);
# sets SHOAL_CHILD_PID.
start_child() {
  setsid "$@" </dev/null &
  SHOAL_CHILD_PID=$!
  trap 'shoal_forward INT' INT
  trap 'shoal_forward TERM' TERM
}

# wait_pid PID: waits for PID even when a trapped signal interrupts `wait`;
# returns its exit status.
wait_pid() {
  local status
  while :; do
    status=0
    wait "$1" || status=$?
    # `wait` returns early (status > 128) when a trapped signal arrives; the
    # process may still be running (or be an unreaped zombie) then.
    if ((status > 128)) && kill -0 "$1" 2>/dev/null; then continue; fi
    return "$status"
  done
}

# wait_child: waits for the child of start_child, then for the rest of its group;
# returns the child's status, or exits if the script got a signal meanwhile.
wait_child() {
  local status=0
  wait_pid "$SHOAL_CHILD_PID" || status=$?
  stop_group "$SHOAL_CHILD_PID"
  SHOAL_CHILD_PID=
  trap 'exit 130' INT
  trap 'exit 143' TERM
  case $SHOAL_SIGNAL in
    INT) exit 130 ;;
    TERM) exit 143 ;;
  esac
  return "$status"
}

# run_child CMD...: start_child + wait_child.
run_child() {
  start_child "$@"
  wait_child
}
