#!/usr/bin/env bash
# Start-up of the API's container image: wall seconds and CPU seconds (the container's cgroup) from `docker run` to
# the first 200 from /actuator/health/readiness, profile prod, each run on a fresh database of the local PostgreSQL.
#
#   bench/container-start.sh IMAGE [RUNS]      (RUNS default 3)
#
# The container runs with --network host on port BENCH_PORT (default 18080) and --memory 512m (the smallest Fargate
# task), as the image's entrypoint starts it. Prints one line a run and the machine's load. Everything it starts is
# removed and the databases dropped, on failure too. PGHOST PGPORT PGUSER as in bench/run.sh (trust auth).
set -euo pipefail

image=${1:?usage: bench/container-start.sh IMAGE [RUNS]}
runs=${2:-3}
port=${BENCH_PORT:-18080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

container='' database=''
cleanup() {
  [ -z "$container" ] || docker rm -f "$container" >/dev/null 2>&1 || true
  [ -z "$database" ] || dropdb --if-exists "$database" || true
  container='' database=''
}
trap cleanup EXIT

echo "image $image ($(docker image inspect --format '{{.Size}}' "$image" | numfmt --to=iec)), load: $(uptime | sed 's/.*load average: //')"
for run in $(seq 1 "$runs"); do
  database=cds_start_$$_$run
  createdb "$database"
  begin=$(date +%s.%N)
  container=$(docker run -d --network host --memory 512m \
    -e SERVER_PORT="$port" -e DB_HOST="$PGHOST" -e DB_PORT="$PGPORT" -e DB_NAME="$database" -e DB_USERNAME="$PGUSER" \
    -e DB_PASSWORD=unused -e MOVIES_JWT_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 48)" \
    -e MOVIES_PASSWORD_RESET_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 48)" \
    -e MOVIES_ADMIN_USERNAME=admin -e MOVIES_ADMIN_PASSWORD="bench-$RANDOM-$RANDOM" "$image")
  until curl -fso /dev/null --max-time 1 "http://127.0.0.1:$port/actuator/health/readiness"; do
    if [ "$(docker inspect --format '{{.State.Running}}' "$container")" != true ]; then
      docker logs "$container" 2>&1 | tail -n 20 >&2
      echo "container-start: the container stopped" >&2
      exit 1
    fi
    sleep 0.05
  done
  end=$(date +%s.%N)
  # cgroup v1 (cpuacct, in ns) or v2 (cpu.stat, in µs), Docker's cgroupfs or systemd driver.
  cpu_ns=''
  for file in "/sys/fs/cgroup/cpuacct/docker/$container/cpuacct.usage" \
              "/sys/fs/cgroup/docker/$container/cpu.stat" "/sys/fs/cgroup/system.slice/docker-$container.scope/cpu.stat"; do
    [ -r "$file" ] || continue
    case $file in
      *cpuacct.usage) cpu_ns=$(cat "$file") ;;
      *) cpu_ns=$(awk '$1 == "usage_usec" { print $2 * 1000 }' "$file") ;;
    esac
    break
  done
  awk -v run="$run" -v wall="$(awk -v b="$begin" -v e="$end" 'BEGIN { print e - b }')" -v ns="${cpu_ns:-nan}" \
    'BEGIN { printf "run %d: %.1f s, %.1f CPU s\n", run, wall, ns / 1e9 }'
  cleanup
done
echo "load after: $(uptime | sed 's/.*load average: //')"
