# Sourced by .ci/run and scripts/containers-e2e.sh: `timed NAME COMMAND [ARGS...]` runs the command under a
# "== NAME: COMMAND" line and records how long it took; `report_timings TITLE` (on EXIT) prints the records,
# with the seconds since the script started.
timings=()

timed() {
  local name=$1 begin=$SECONDS
  shift
  echo "== $name: $*"
  "$@"
  timings+=("$(printf '%-40s %4d s' "$name" $((SECONDS - begin)))")
}

report_timings() {
  echo "== $1"
  printf '   %s\n' "${timings[@]}" "$(printf '%-40s %4d s' total "$SECONDS")"
}
