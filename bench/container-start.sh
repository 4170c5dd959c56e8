#!/usr/bin/env bash
# Start-up of the API's container image as Fargate runs it: from `docker run` to the first 200 from
# /actuator/health/readiness (wall and the container's CPU seconds), then the first GET /api/v1/movie after readiness,
# and the container's resident memory at that point; profile prod, each run on a fresh database of the local
# PostgreSQL, in a container limited like the task (--cpus, --memory 512m). One run per line (the images take turns),
# then per image the median of its runs and its size, so that images (today's and a candidate) compare in one run on
# one machine.
#
#   bench/container-start.sh [--cpus N] [--memory M] [--runs N] [--load S] IMAGE [IMAGE...]
#     --cpus N   the container's CPU limit (docker run --cpus), e.g. 0.25 for Fargate's smallest task; default 2
#     --memory M the container's memory limit (docker run --memory), default 512m
#     --runs N   starts per image, default 5
#     --load S   then, in each run, the steady state at that CPU limit: 100 movies seeded through the API, S seconds
#                of warm-up (wrk -t2 -c32) on the list and on one movie each, then 10 s measured on each: req/s, and
#                the container's resident memory at the end (needs wrk and jq: installed from Debian's packages)
#
# The container runs with --network host on port BENCH_PORT (default 18080), as the image's entrypoint starts it.
# Everything it starts is removed and the databases dropped, on failure too. PGHOST PGPORT PGUSER as in bench/run.sh
# (trust auth).
set -euo pipefail

cpus=2 runs=5 load=0 memory=512m
while [ $# -gt 0 ]; do
  case $1 in
    --cpus) cpus=${2:?--cpus needs a number}; shift 2 ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --load) load=${2:?--load needs a number of seconds}; shift 2 ;;
    --memory) memory=${2:?--memory needs a size}; shift 2 ;;
    -*) echo "container-start: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: bench/container-start.sh [--cpus N] [--memory M] [--runs N] [--load S] IMAGE [IMAGE...]" >&2; exit 2; }
if [ "$load" != 0 ]; then
  missing=()
  for tool in wrk jq; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "container-start: installing ${missing[*]} from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
port=${BENCH_PORT:-18080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

container='' database=''
cleanup() {
  [ -z "$container" ] || docker rm -f "$container" >/dev/null 2>&1 || true
  [ -z "$database" ] || dropdb --if-exists "$database" || true
  container='' database=''
}
trap cleanup EXIT

# The container's CPU nanoseconds: cgroup v1 (cpuacct) or v2 (cpu.stat, µs), Docker's cgroupfs or systemd driver.
cpu_ns() {
  local file
  for file in "/sys/fs/cgroup/cpuacct/docker/$1/cpuacct.usage" \
              "/sys/fs/cgroup/docker/$1/cpu.stat" "/sys/fs/cgroup/system.slice/docker-$1.scope/cpu.stat"; do
    [ -r "$file" ] || continue
    case $file in
      *cpuacct.usage) cat "$file" ;;
      *) awk '$1 == "usage_usec" { print $2 * 1000 }' "$file" ;;
    esac
    return
  done
  echo nan
}

# steady_state PASSWORD: seeds, warms up and measures; prints "list_rps one_rps memory".
steady_state() {
  local api=http://127.0.0.1:$port access id i list one
  access=$(curl -fsS "$api/api/token" -H 'Content-Type: application/json' \
    -d "$(jq -nc --arg p "$1" '{username: "admin", password: $p}')" | jq -er .access)
  for i in $(seq 1 100); do
    curl -fsS -o /dev/null "$api/api/v1/movie" -H "Authorization: Bearer $access" -H 'Content-Type: application/json' \
      -d "{\"title\":\"Start Movie $i\",\"description\":\"Seeded by container-start.\",\"year\":$(( 1950 + i % 70 ))}"
  done
  id=$(curl -fsS "$api/api/v1/movie" | jq -er '.[0].id')
  wrk -t2 -c32 -d"${load}s" "$api/api/v1/movie" >/dev/null
  wrk -t2 -c32 -d"${load}s" "$api/api/v1/movie/$id" >/dev/null
  list=$(wrk -t2 -c32 -d10s "$api/api/v1/movie" | awk '/^Requests\/sec/ { printf "%.0f", $2 }')
  one=$(wrk -t2 -c32 -d10s "$api/api/v1/movie/$id" | awk '/^Requests\/sec/ { printf "%.0f", $2 }')
  echo "$list $one $(docker stats --no-stream --format '{{.MemUsage}}' "$container" | cut -d/ -f1 | tr -d ' ')"
}

secret() { head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 48; }

median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.2f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "container-start: --cpus $cpus --memory $memory, $runs runs per image; load: $(uptime | sed 's/.*load average: //')"
results=$(mktemp)
# Run 1 of every image, then run 2 of every image...: a machine whose load drifts during the run treats each alike.
for run in $(seq 1 "$runs"); do
  for image in "$@"; do
    database=start_$$_$run
    createdb "$database"
    password="bench-$RANDOM-$RANDOM"
    begin=$(date +%s.%N)
    container=$(docker run -d --network host --cpus "$cpus" --memory "$memory" \
      -e SERVER_PORT="$port" -e DB_HOST="$PGHOST" -e DB_PORT="$PGPORT" -e DB_NAME="$database" -e DB_USERNAME="$PGUSER" \
      -e DB_PASSWORD=unused -e MOVIES_JWT_SECRET="$(secret)" -e MOVIES_PASSWORD_RESET_SECRET="$(secret)" \
      -e MOVIES_ADMIN_USERNAME=admin -e MOVIES_ADMIN_PASSWORD="$password" "$image")
    until curl -fso /dev/null --max-time 1 "http://127.0.0.1:$port/actuator/health/readiness"; do
      if [ "$(docker inspect --format '{{.State.Running}}' "$container")" != true ]; then
        docker logs "$container" 2>&1 | tail -n 20 >&2
        echo "container-start: the container stopped" >&2
        exit 1
      fi
      sleep 0.05
    done
    end=$(date +%s.%N)
    cpu=$(cpu_ns "$container")
    first=$(curl -fso /dev/null -w '%{time_total}' "http://127.0.0.1:$port/api/v1/movie")
    rss=$(docker stats --no-stream --format '{{.MemUsage}}' "$container" | cut -d/ -f1 | tr -d ' ')
    wall=$(awk -v b="$begin" -v e="$end" 'BEGIN { printf "%.2f", e - b }')
    cpu_s=$(awk -v ns="$cpu" 'BEGIN { printf "%.2f", ns / 1e9 }')
    first_ms=$(awk -v t="$first" 'BEGIN { printf "%.0f", t * 1000 }')
    steady='- - -'
    if [ "$load" != 0 ]; then
      steady=$(steady_state "$password")
      read -r list_rps one_rps loaded_rss <<<"$steady"
      rss="$rss; under load: list $list_rps req/s, one movie $one_rps req/s, memory $loaded_rss"
    fi
    echo "$image run $run: ready in $wall s, $cpu_s CPU s; first GET /api/v1/movie $first_ms ms; memory $rss"
    echo "$image $wall $cpu_s $first_ms $steady" >>"$results"
    cleanup
  done
done
echo
header="| image (--cpus $cpus --memory $memory, median of $runs) | docker run to first 200 from readiness | CPU s to readiness | first GET /api/v1/movie | image size |"
rule="|---|---|---|---|---|"
if [ "$load" != 0 ]; then
  header+=" list req/s | one movie req/s | memory under load |"
  rule+="---|---|---|"
fi
echo "$header"
echo "$rule"
for image in "$@"; do
  column() { awk -v i="$image" -v c="$1" '$1 == i { print $c }' "$results" | median; }
  row=$(printf '| %s | %.1f s | %.1f | %.0f ms | %s |' "$image" "$(column 2)" "$(column 3)" "$(column 4)" \
    "$(docker image inspect --format '{{.Size}}' "$image" | numfmt --to=si)B")
  if [ "$load" != 0 ]; then
    loaded=$(awk -v i="$image" '$1 == i { print $7 }' "$results" | numfmt --from=iec-i --suffix=B 2>/dev/null | sed 's/B$//' | median)
    row+=$(printf ' %.0f | %.0f | %s |' "$(column 5)" "$(column 6)" "$(numfmt --to=iec-i --suffix=B "$loaded")")
  fi
  echo "$row"
done
rm -f "$results"
echo "load after: $(uptime | sed 's/.*load average: //')"
