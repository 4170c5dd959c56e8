#!/usr/bin/env bash
# Benchmark of the movies API (issue 7), one command from a clean clone:
#
#   bench/run.sh [--build]
#
# Builds movies-api/target/movies-api.jar if it is missing (--build: always), starts it (profile prod) on a fresh
# PostgreSQL database with a class-data sharing archive (JDK 17's counterpart of the image's AOT cache, written by a
# training start), measures
# the time from process start to the first healthy answer, seeds movies through the API, warms up, then runs wrk
# (-t2 -c32) against the list, one movie and a write mix (create, patch, delete with a bearer token), and against a
# private nginx serving the very bytes of those two reads (this machine's ceiling).
# Prints a table and writes bench/results/<UTC time>[-<label>].json. Everything it starts is stopped and the
# databases dropped, on failure too.
#
# Settings (environment):
#   BENCH_JAVA_OPTS  JVM options and -Dspring.* properties for the API, replacing the default: "-XX:MaxRAM=512m"
#                    and the image's Jib jvmFlags read from movies-api/pom.xml (the image's JVM in a 512 MiB task),
#                    e.g. "-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+UseG1GC"
#   BENCH_JAVA       java binary (default: java on PATH)
#   BENCH_CDS        true (default): the API starts with a class-data sharing archive (the image has an AOT cache
#                    instead, scripts/api-image.sh, which needs JDK 24+), written by a training start of the same JVM and jar on a scratch
#                    database until the context is refreshed, and mapped with -Xshare:on; false: without one
#   BENCH_JAR        jar to run (default: movies-api/target/movies-api.jar), e.g. a copy of an older build
#   BENCH_LABEL      word appended to the result's file name and recorded in it
#   BENCH_DURATION   length of each measured run (default 15s)
#   BENCH_WARMUP     length of each warm-up round (default 5s); BENCH_WARMUP_ROUNDS at most (default 24): each path
#                    is warmed up until a round causes fewer than 25 JIT compilations (at least 4 rounds)
#   BENCH_MOVIES     movies seeded (default 100)
#   BENCH_PROFILE    directory: records each measured API run with JFR (jcmd JFR.start/stop, settings=profile)
#                    into <dir>/<run>.jfr; such runs are for finding costs, not for their numbers
#   PGHOST PGPORT PGUSER  PostgreSQL (default 127.0.0.1 5432 postgres, trust auth)
set -euo pipefail

log() { printf '== %s\n' "$*" >&2; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

bench_dir=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench_dir")
jar=${BENCH_JAR:-$root/movies-api/target/movies-api.jar}
java_bin=${BENCH_JAVA:-java}
# By default the JVM runs with the image's flags (Jib's jvmFlags) inside the smallest Fargate task (512 MiB).
# The build's flags only, not the aot-cache profile's: its cache exists only inside the image (BENCH_CDS makes a CDS archive here).
# The first <jvmFlags> block is the image's own; the aot-cache profile only appends its cache to it.
image_flags=$(sed -n '/<jvmFlags>/,/<\/jvmFlags>/{s:.*<jvmFlag>\(.*\)</jvmFlag>.*:\1:p;/<\/jvmFlags>/q}' \
  "$root/movies-api/pom.xml" | tr '\n' ' ')
[[ -n $image_flags ]] || fail "no <jvmFlag> found in movies-api/pom.xml"
read -r -a java_opts <<< "${BENCH_JAVA_OPTS--XX:MaxRAM=512m $image_flags}"
# Spring's stacks are deeper than JFR's default 64 frames; cut stacks hide who called what.
[[ -z ${BENCH_PROFILE:-} ]] || java_opts=(-XX:FlightRecorderOptions:stackdepth=256 "${java_opts[@]}")
label=${BENCH_LABEL:-}
cds=${BENCH_CDS:-true}
[[ $cds == true || $cds == false ]] || fail "BENCH_CDS is true or false, not $cds"
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-5s}
warmup_rounds=${BENCH_WARMUP_ROUNDS:-24}
movie_count=${BENCH_MOVIES:-100}
profile_dir=${BENCH_PROFILE:+$(mkdir -p "$BENCH_PROFILE" && cd "$BENCH_PROFILE" && pwd)}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

# The issue's targets.
list_rps_min=5300 list_p99_max_ms=20
one_rps_min=7600 one_p99_max_ms=10
writes_rps_min=1000
rss_max_mib=256
start_max_s=1.5

build=false
case "${1:-}" in
  --build) build=true ;;
  '') ;;
  -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *) fail "unknown argument $1 (see --help)" ;;
esac

# --- tools ------------------------------------------------------------------------------------------------------
missing=()
for tool in wrk nginx jq; do
  command -v "$tool" > /dev/null || missing+=("$tool")
done
if (( ${#missing[@]} > 0 )); then
  if [[ $(id -u) != 0 ]] || ! command -v apt-get > /dev/null; then
    fail "install ${missing[*]} (Debian packages)"
  fi
  log "installing ${missing[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi
for tool in "$java_bin" curl psql ss; do
  command -v "$tool" > /dev/null || fail "$tool is needed"
done
jcmd_bin="$(dirname "$(readlink -f "$(command -v "$java_bin")")")/jcmd"
[[ -x $jcmd_bin ]] || fail "$jcmd_bin is needed: the warm-up counts JIT compilations (run a JDK, not a JRE)"

if [[ $build == true || ! -f $jar ]]; then
  [[ $jar == "$root/movies-api/target/movies-api.jar" ]] || fail "$jar does not exist"
  log "building $jar"
  (cd "$root" && ./mvnw -B -q -pl movies-api -am -DskipTests package)
fi

# --- state and cleanup ------------------------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/movies-bench.XXXXXX")
database="movies_bench_$(date -u +%Y%m%d%H%M%S)_$$"
databases=() # created by this run, dropped at its end
api_pid='' nginx_pid='' sampler_pid=''

stop() { # pid seconds: TERM, then KILL after the grace period
  local pid=$1 seconds=$2 i
  kill "$pid" 2> /dev/null || return 0
  for (( i = 0; i < seconds * 10; i++ )); do
    kill -0 "$pid" 2> /dev/null || { wait "$pid" 2> /dev/null || true; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [[ -n $sampler_pid ]] && stop "$sampler_pid" 1
  [[ -n $nginx_pid ]] && stop "$nginx_pid" 10
  if [[ -n $api_pid ]]; then
    if (( status != 0 )) && [[ -f $work/api.log ]]; then
      log "last lines of the API's log"
      tail -n 30 "$work/api.log" >&2
    fi
    stop "$api_pid" 30
  fi
  for name in "${databases[@]}"; do
    psql -qX -d postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" > /dev/null \
      || log "could not drop database $name"
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { # a random unused local port below the kernel's ephemeral range (never 8080)
  local port lowest
  read -r lowest _ < /proc/sys/net/ipv4/ip_local_port_range
  while :; do
    port=$(( 10000 + RANDOM % (lowest - 10000) ))
    [[ -z $(ss -Htan "sport = :$port") ]] && { echo "$port"; return; }
  done
}

random_text() { # length: letters and digits
  local text=''
  while (( ${#text} < $1 )); do
    text+=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  done
  echo "${text:0:$1}"
}

create_database() { # name
  psql -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE \"$1\"" > /dev/null
  databases+=("$1")
}

now_us() { echo "${EPOCHREALTIME/./}"; }

cpu_ticks() { # pid: user + system clock ticks used so far
  local stat fields
  stat=$(< "/proc/$1/stat")
  read -r -a fields <<< "${stat##*) }"
  echo $(( fields[11] + fields[12] ))
}

# --- the API ----------------------------------------------------------------------------------------------------
# The API runs as in the image, whose Jib layout puts classes and dependency jars on the class path as plain files:
# the fat jar is extracted (Spring Boot's jar tools) into the temp dir, which also keeps a rebuild of the module
# during the run from swapping classes under the running API. (An already extracted jar, beside its lib/, runs in
# place.) Start-up from the nested jars of a fat jar costs ~25% more CPU (bench/FINDINGS.md).
run_jar=$jar
if [[ ! -d $(dirname "$jar")/lib ]]; then
  "$java_bin" -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
  run_jar=$work/app/$(basename "$jar")
fi
jar_sha256=$(sha256sum "$jar" | cut -d' ' -f1)
admin_username="bench-$(random_text 8)"
admin_password=$(random_text 24)
# Both starts (training and measured) with the environment of the image's task, each on a new database.
api_env=(SPRING_PROFILES_ACTIVE=prod DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USERNAME="$PGUSER"
  DB_PASSWORD="${PGPASSWORD:-}" MOVIES_JWT_SECRET="$(random_text 48)" MOVIES_PASSWORD_RESET_SECRET="$(random_text 48)"
  MOVIES_ADMIN_USERNAME="$admin_username" MOVIES_ADMIN_PASSWORD="$admin_password")
start_opts=()
if [[ $cds == true ]]; then
  log "training start for the class-data sharing archive"
  create_database "${database}_training"
  env "${api_env[@]}" DB_NAME="${database}_training" SERVER_PORT=0 "$java_bin" "${java_opts[@]}" \
    -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh -jar "$run_jar" \
    > "$work/training.log" 2>&1 || { tail -n 30 "$work/training.log" >&2; fail "the training start failed"; }
  [[ -s $work/app.jsa ]] || fail "the training start wrote no archive"
  start_opts=(-Xshare:on -XX:SharedArchiveFile="$work/app.jsa")
fi
create_database "$database"
api_port=$(free_port)
api="http://127.0.0.1:$api_port"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v one_minute="${load_before%% *}" -v cpus="$(nproc)" 'BEGIN { exit !(one_minute > cpus / 2) }'; then
  log "warning: load average $load_before on $(nproc) CPUs: other work shares the machine, numbers will be low"
fi

log "starting the API on port $api_port, database $database"
started_us=$(now_us)
env "${api_env[@]}" DB_NAME="$database" SERVER_PORT="$api_port" \
  "$java_bin" "${java_opts[@]}" "${start_opts[@]}" -jar "$run_jar" > "$work/api.log" 2>&1 &
api_pid=$!
until curl -fso /dev/null --max-time 1 "$api/actuator/health/readiness"; do
  kill -0 "$api_pid" 2> /dev/null || fail "the API exited during start-up"
  (( $(now_us) - started_us < 120000000 )) || fail "the API was not healthy after 120 s"
  sleep 0.01
done
start_s=$(awk -v us=$(( $(now_us) - started_us )) 'BEGIN { printf "%.3f", us / 1e6 }')
start_cpu_s=$(awk -v ticks="$(cpu_ticks "$api_pid")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", ticks / hz }')
jvm_started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$work/api.log" || true)
log "healthy after $start_s s, $start_cpu_s s of CPU ($jvm_started)"

rss_mib() { # pid: current VmRSS in MiB
  awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}
rss_idle_mib=$(rss_mib "$api_pid")

# --- seed -------------------------------------------------------------------------------------------------------
token() {
  curl -fsS "$api/api/token" -H 'Content-Type: application/json' \
    -d "$(jq -nc --arg u "$admin_username" --arg p "$admin_password" '{username: $u, password: $p}')" | jq -er .access
}
access=$(token)
log "seeding $movie_count movies"
for (( i = 1; i <= movie_count; i++ )); do
  printf '{"title":"Benchmark Movie %03d","description":"Seeded by the benchmark.","year":%d}\n' \
    "$i" $(( 1950 + i * 7 % 70 ))
done | while IFS= read -r body; do
  curl -fsS -o /dev/null "$api/api/v1/movie" -H "Authorization: Bearer $access" -H 'Content-Type: application/json' \
    -d "$body" || exit 1
done

# The bytes the ceiling serves, and a check that the reads answer what they should.
mkdir -p "$work/www"
[[ $(curl -sS -o "$work/www/list.json" -w '%{http_code}' "$api/api/v1/movie") == 200 ]] || fail "the list did not answer 200"
[[ $(jq length "$work/www/list.json") == "$movie_count" ]] || fail "the list does not hold $movie_count movies"
movie_id=$(jq -r ".[$(( movie_count / 2 ))].id" "$work/www/list.json")
[[ $(curl -sS -o "$work/www/one.json" -w '%{http_code}' "$api/api/v1/movie/$movie_id") == 200 ]] \
  || fail "one movie did not answer 200"
list_bytes=$(wc -c < "$work/www/list.json")
one_bytes=$(wc -c < "$work/www/one.json")
log "list: $list_bytes bytes, one movie: $one_bytes bytes"

# --- the private nginx (the ceiling) ----------------------------------------------------------------------------
nginx_port=$(free_port)
mkdir -p "$work/nginx"
chmod 755 "$work" # nginx's workers run as an unprivileged user
cat > "$work/nginx/nginx.conf" << EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  types { application/json json; }
  client_body_temp_path $work/nginx/client_body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location = /api/v1/movie { try_files /list.json =404; }
    location = /api/v1/movie/$movie_id { try_files /one.json =404; }
  }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -g 'daemon off;' &
nginx_pid=$!
ceiling="http://127.0.0.1:$nginx_port"
for (( i = 0; i < 500; i++ )); do
  curl -fso /dev/null "$ceiling/api/v1/movie" && break
  sleep 0.01
done
cmp -s <(curl -fsS "$ceiling/api/v1/movie") "$work/www/list.json" || fail "nginx does not serve the list's bytes"

# --- load -------------------------------------------------------------------------------------------------------
sample_rss() { # pid file: appends each new highest VmRSS (kB), sampled every 50 ms
  local pid=$1 file=$2 max=0 key value _
  while [[ -r /proc/$pid/status ]]; do
    while read -r key value _; do
      if [[ $key == VmRSS: ]]; then
        # Appending whole lines: being stopped mid-write never leaves the file empty.
        (( value > max )) && { max=$value; echo "$max" >> "$file"; }
        break
      fi
    done < "/proc/$pid/status"
    sleep 0.05
  done
}

wrk_run() { # name url mode duration [pid]: prints the run's JSON (wrk's result, plus RSS and CPU of pid)
  local name=$1 url=$2 mode=$3 length=$4 pid=${5:-} ticks_before=0 result
  if [[ -n $pid ]]; then
    [[ -z $profile_dir ]] || "$jcmd_bin" "$pid" JFR.start name="$name" settings=profile > /dev/null
    echo 0 > "$work/$name.rss"
    sample_rss "$pid" "$work/$name.rss" &
    sampler_pid=$!
    ticks_before=$(cpu_ticks "$pid")
  fi
  BENCH_MODE=$mode BENCH_TOKEN=${access:-} wrk -t2 -c32 -d"$length" -s "$bench_dir/wrk.lua" "$url" > "$work/$name.out" 2>&1 \
    || { cat "$work/$name.out" >&2; fail "wrk failed on $name"; }
  result=$(sed -n 's/^BENCH_RESULT //p' "$work/$name.out")
  jq -e . > /dev/null 2>&1 <<< "$result" || { cat "$work/$name.out" >&2; fail "wrk printed no result for $name"; }
  if [[ -n $pid ]]; then
    stop "$sampler_pid" 1
    sampler_pid=''
    # CPU time per request tells builds apart even when other work shares the machine.
    result=$(jq -c --argjson kb "$(tail -n 1 "$work/$name.rss")" \
      --argjson cpu "$(( $(cpu_ticks "$pid") - ticks_before ))" --argjson hz "$(getconf CLK_TCK)" \
      '. + {rss_max_mib: ($kb / 1024 * 10 | round / 10), api_cpu_s: ($cpu / $hz),
            api_cpu_us_per_request: (if .requests > 0 then ($cpu / $hz * 1e6 / .requests | round) else null end)}' \
      <<< "$result")
    [[ -z $profile_dir ]] || "$jcmd_bin" "$pid" JFR.stop name="$name" filename="$profile_dir/$name.jfr" > /dev/null
  fi
  echo "$result"
}

# A path runs at its steady speed only once the JIT compilers are done with it, and under this load they share the
# cores with it: the list kept getting faster for 40 s, by ~200 compilations per 5 s round (bench/FINDINGS.md). So
# each path is loaded in rounds of $warmup until a round causes fewer than 25 compilations (4 to $warmup_rounds rounds:
# a path that shares its code with one warmed up before still sped up for 20 s).
jit_compilations() {
  "$jcmd_bin" "$api_pid" PerfCounter.print | sed -n 's/^sun.ci.totalCompiles=//p'
}
warmup_rps=()
warm_up() { # name url mode: appends "name:req/s of each round" to warmup_rps
  local round rps compiled before rounds=''
  for (( round = 1; round <= warmup_rounds; round++ )); do
    before=$(jit_compilations)
    rps=$(wrk_run "warmup-$1" "$2" "$3" "$warmup" | jq '.rps | round')
    compiled=$(( $(jit_compilations) - before ))
    rounds+=" $rps"
    (( round >= 4 && compiled < 25 )) && break
  done
  log "warm-up $1 (req/s per round):$rounds; $compiled compilations in the last"
  warmup_rps+=("$1:${rounds# }")
}
# Each path is warmed up just before it is measured. The write mix comes last: it leaves the movies of its
# unfinished create-patch-delete sequences behind, which would lengthen the list.
log "warming up and measuring ($duration each): list, one movie, write mix"
warm_up list "$api/api/v1/movie" read
list=$(wrk_run list "$api/api/v1/movie" read "$duration" "$api_pid")
warm_up one "$api/api/v1/movie/$movie_id" read
one=$(wrk_run one "$api/api/v1/movie/$movie_id" read "$duration" "$api_pid")
access=$(token)
warm_up writes "$api/api/v1/movie" write
access=$(token)
writes=$(wrk_run writes "$api/api/v1/movie" write "$duration" "$api_pid")
ceiling_list=$(wrk_run ceiling-list "$ceiling/api/v1/movie" read "$duration")
ceiling_one=$(wrk_run ceiling-one "$ceiling/api/v1/movie/$movie_id" read "$duration")
[[ $(jq length <(curl -fsS "$api/api/v1/movie")) -ge $movie_count ]] || fail "seeded movies went missing"
# wrk counts headers too: the list measured must be the seeded one, not one lengthened by writes.
jq -e --argjson bytes "$list_bytes" '.bytes_per_response < $bytes + 1024' <<< "$list" > /dev/null \
  || fail "the measured list answers were not the $list_bytes bytes of the seeded movies"

# --- report -----------------------------------------------------------------------------------------------------
commit=$(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo unknown)
[[ -z $(git -C "$root" status --porcelain -- movies-api 2> /dev/null) ]] || commit+="+uncommitted movies-api"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$bench_dir/results"
result_file="$bench_dir/results/$stamp${label:+-$label}.json"
jq -n \
  --arg run_label "$label" --arg time "$stamp" --arg commit "$commit" \
  --arg jar_sha256 "$jar_sha256" \
  --arg java "$("$java_bin" -version 2>&1 | head -n 2 | tail -n 1)" --arg java_opts "${java_opts[*]}" \
  --argjson cds "$cds" \
  --arg wrk "$(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2)" --arg nginx "$(nginx -v 2>&1 | cut -d' ' -f3)" \
  --arg load "$load_before" --arg load_after "$(cut -d' ' -f1-3 /proc/loadavg)" --argjson cpus "$(nproc)" --arg duration "$duration" --arg warmup "$warmup" \
  --arg warmup_rps "${warmup_rps[*]}" \
  --argjson movies "$movie_count" --argjson list_bytes "$list_bytes" --argjson one_bytes "$one_bytes" \
  --argjson start_s "$start_s" --argjson start_cpu_s "$start_cpu_s" --arg jvm_started "$jvm_started" --argjson rss_idle "$rss_idle_mib" \
  --argjson list "$list" --argjson one "$one" --argjson writes "$writes" \
  --argjson ceiling_list "$ceiling_list" --argjson ceiling_one "$ceiling_one" \
  --argjson list_rps_min "$list_rps_min" --argjson list_p99_max "$list_p99_max_ms" \
  --argjson one_rps_min "$one_rps_min" --argjson one_p99_max "$one_p99_max_ms" \
  --argjson writes_rps_min "$writes_rps_min" --argjson rss_max "$rss_max_mib" --argjson start_max "$start_max_s" '
  def errors: .non2xx + ([.socket_errors[]] | add);
  def ratio($ceiling): (.rps / $ceiling.rps * 1000 | round / 1000);
  ([$list.rss_max_mib, $one.rss_max_mib, $writes.rss_max_mib] | max) as $rss
  | {
      label: $run_label, time: $time, commit: $commit, jar_sha256: $jar_sha256, java: $java, java_opts: $java_opts,
      class_data_sharing_archive: $cds,
      machine: {cpus: $cpus, load_average_before: $load, load_average_after: $load_after, wrk: $wrk, nginx: $nginx},
      settings: {connections: 32, threads: 2, duration: $duration, warmup: $warmup,
                 warmup_rps_per_round: $warmup_rps, movies: $movies,
                 list_bytes: $list_bytes, one_movie_bytes: $one_bytes},
      start: {seconds_to_first_healthy_answer: $start_s, api_cpu_s: $start_cpu_s, jvm_log: $jvm_started},
      rss_mib: {idle_after_start: $rss_idle, max_under_load: $rss},
      runs: {
        list: ($list + {ratio_to_ceiling: ($list | ratio($ceiling_list))}),
        one_movie: ($one + {ratio_to_ceiling: ($one | ratio($ceiling_one))}),
        write_mix: $writes,
        ceiling_list: $ceiling_list,
        ceiling_one_movie: $ceiling_one
      },
      targets: {
        list: {rps_min: $list_rps_min, p99_max_ms: $list_p99_max,
               met: ($list.rps >= $list_rps_min and $list.p99_ms <= $list_p99_max and ($list | errors) == 0)},
        one_movie: {rps_min: $one_rps_min, p99_max_ms: $one_p99_max,
                    met: ($one.rps >= $one_rps_min and $one.p99_ms <= $one_p99_max and ($one | errors) == 0)},
        write_mix: {rps_min: $writes_rps_min, met: ($writes.rps >= $writes_rps_min and ($writes | errors) == 0)},
        rss: {max_mib: $rss_max, met: ($rss <= $rss_max)},
        start: {max_seconds: $start_max, met: ($start_s <= $start_max)}
      }
    }
  | .all_targets_met = ([.targets[].met] | all)' > "$result_file"

jq -r '
  def yn: if . then "yes" else "NO" end;
  def row($name; $run; $target):
    [$name, ($run.rps | floor), $run.p50_ms, $run.p99_ms, $run.non2xx, ([$run.socket_errors[]] | add),
     ($run.rss_max_mib // "-"), ($run.ratio_to_ceiling // "-"), ($target | if . == null then "-" else .met | yn end)];
  (["run", "req/s", "p50 ms", "p99 ms", "non-2xx", "sock err", "RSS MiB", "x ceiling", "target met"]),
  row("list"; .runs.list; .targets.list),
  row("one movie"; .runs.one_movie; .targets.one_movie),
  row("write mix"; .runs.write_mix; .targets.write_mix),
  row("nginx list"; .runs.ceiling_list; null),
  row("nginx one"; .runs.ceiling_one_movie; null)
  | @tsv' "$result_file" | column -t -s $'\t'
jq -r '"start to first healthy answer: \(.start.seconds_to_first_healthy_answer) s (target met: \(.targets.start.met))",
  "RSS: \(.rss_mib.idle_after_start) MiB idle, \(.rss_mib.max_under_load) MiB max under load (target met: \(.targets.rss.met))",
  "all targets met: \(.all_targets_met)"' "$result_file"
log "wrote ${result_file#"$root"/}"
