#!/usr/bin/env bash
# Start-up of the movies API, measured apart from the load runs of bench/run.sh:
#
#   bench/start.sh [runs] -- <java and its arguments, e.g. java -XX:+UseSerialGC -jar movies-api.jar>
#
# Starts the given command (profile prod) `runs` times (default 3) on one PostgreSQL database made for it: the
# first run on the empty database (migrations, admin user created), the others as a deployment restarts (nothing
# to migrate, the admin exists). Each run lasts until the first 200 from /actuator/health/readiness; printed per
# run: seconds to that answer, CPU seconds of the JVM until then, and those CPU seconds per thread kind (main,
# C1/C2 compiler threads, GC+VM, other). CPU seconds compare builds even on a shared machine; seconds do not.
# PGHOST PGPORT PGUSER as in bench/run.sh.
set -euo pipefail

runs=3
if [[ ${1:-} =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
[[ ${1:-} == -- ]] && shift
(( $# > 0 )) || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
hz=$(getconf CLK_TCK)
database="movies_start_$(date -u +%Y%m%d%H%M%S)_$$"
pid=''

cleanup() {
  if [[ -n $pid ]]; then
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  fi
  psql -qX -d postgres -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" > /dev/null || true
}
trap cleanup EXIT

ticks_by_thread() { # pid: "kind ticks" per thread
  local task stat fields name
  for task in /proc/"$1"/task/*; do
    stat=$(< "$task/stat") || continue
    name=${stat#*(}; name=${name%%)*}
    read -r -a fields <<< "${stat##*) }"
    case $name in
      main | java) name=main ;;
      C1\ Comp*) name=C1 ;;
      C2\ Comp*) name=C2 ;;
      GC* | G1* | VM\ Thread) name=GC+VM ;;
      *) name=other ;;
    esac
    echo "$name $(( fields[11] + fields[12] ))"
  done
}

psql -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE \"$database\"" > /dev/null
printf '%-4s %8s %8s   %s\n' run seconds cpu_s 'cpu_s by thread'
for (( run = 1; run <= runs; run++ )); do
  port=$(( 10000 + RANDOM % 20000 )) # below the ephemeral range
  started=${EPOCHREALTIME/./}
  env SPRING_PROFILES_ACTIVE=prod SERVER_PORT="$port" DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_NAME="$database" \
    DB_USERNAME="$PGUSER" DB_PASSWORD="${PGPASSWORD:-}" MOVIES_JWT_SECRET="start-measurement-secret-0123456789abcdef" \
    MOVIES_PASSWORD_RESET_SECRET="start-measurement-reset-0123456789abcdef" \
    MOVIES_ADMIN_PASSWORD="start-Measurement-9" "$@" > "${TMPDIR:-/tmp}/movies-start-$$.log" 2>&1 &
  pid=$!
  until curl -fso /dev/null --max-time 1 "http://127.0.0.1:$port/actuator/health/readiness"; do
    kill -0 "$pid" 2> /dev/null || { tail -n 20 "${TMPDIR:-/tmp}/movies-start-$$.log" >&2; exit 1; }
    sleep 0.01
  done
  seconds=$(( ${EPOCHREALTIME/./} - started ))
  by_thread=$(ticks_by_thread "$pid" | awk -v hz="$hz" '{ t[$1] += $2; all += $2 }
    END { printf "%.2f |", all / hz; for (k in t) printf " %s %.2f", k, t[k] / hz }')
  printf '%-4s %8.2f %8s\n' "$run" "$(awk -v us="$seconds" 'BEGIN { print us / 1e6 }')" "$by_thread"
  kill "$pid"; wait "$pid" 2> /dev/null || true; pid=''
done
rm -f "${TMPDIR:-/tmp}/movies-start-$$.log"
