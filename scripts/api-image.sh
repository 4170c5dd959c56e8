#!/usr/bin/env bash
# The movies-api image with an ahead-of-time cache of its own JVM (JDK 25's AOT cache, JEPs 483, 514 and 515: the
# classes a start loads, already parsed, verified and linked, and the method profiles of a training run), for a
# faster start. A cache is valid only for the exact JVM build and class path that made it, and Jib cannot run the
# base image's JVM, so the cache comes from a training run of the image itself:
#   1. jib:dockerBuild: the image as Jib builds it without a cache, into the local Docker engine;
#   2. training, with no database: that image (profile prod, the one its Spring AOT was made for) on an in-memory
#      H2, started, sent every kind of request a task answers, and stopped with SIGTERM as ECS stops a task, with
#      -XX:AOTCacheOutput: at exit the image's JVM writes the cache of what the run loaded, linked and profiled
#      (movies-api/target/aot/image/app.aot). Training past the start (the web server, the request paths) makes
#      a start on 1 vCPU 30 % cheaper and its first request 2 to 3 times faster than a cache of the start alone
#      (bench/FINDINGS.md, "Eighth session");
#   3. jib:dockerBuild -Paot-cache: the same image plus the cache (/app/aot/app.aot) and -XX:AOTCache;
#   4. the check: the image's JVM, with -XX:AOTMode=on (it refuses to start when the cache cannot be used), loads
#      the application's main class from the cache ("source: shared objects file"), or the script fails.
# With --push, then 5. jib:build -Paot-cache to the registry named in the arguments, and the pushed digest must be
# the checked image's. The cache's bytes depend on the training run's timing (which classes were linked and which
# methods profiled when it ended; JDK 25 does not write the same cache twice even from one recorded configuration),
# so two runs of this script give two digests; the layers below it are reproducible as before (the same jars and
# base give the same layer digests).
#
#   scripts/api-image.sh [--push] [Maven arguments for every Jib run]
#   e.g. scripts/api-image.sh -Djib.api.from=docker://local/jre25
#        scripts/api-image.sh --push -Djib.to.image=<repository>:<tag> -Djib.to.auth.username=... -Djib.to.auth.password=...
#
# Needs a running Docker engine (scripts/docker-engine.sh) and the built module (./mvnw install, or
# ./mvnw -B -DskipTests install -pl '!infra'): it containerizes movies-api as it was last built. The image is recorded
# in movies-api/target/jib-image.{id,digest}.
set -euo pipefail
cd "$(dirname "$0")/.."

push=false
if [ "${1:-}" = --push ]; then
  push=true
  shift
fi
maven_args=("$@")

target=movies-api/target
aot=$target/aot
main_class=com.example.movies.MoviesApplication

if [ ! -f "$target/movies-api.jar" ]; then
  echo "api-image: no $target/movies-api.jar: build the module first (./mvnw -B -DskipTests install -pl '!infra')" >&2
  exit 1
fi

jib() {
  ./mvnw -B -q -pl movies-api "${maven_args[@]}" "$@"
}

echo "== api-image: 1. the image without a cache"
rm -rf "$aot"
jib jib:dockerBuild
trained=$(cat "$target/jib-image.id")

echo "== api-image: 2. training run of $trained (profile prod on an embedded H2: start, requests, stop)"
# The image runs as user 10001: the mounted directory must be writable for it. Its Spring AOT fixed the prod
# profile's beans: the run is prod's, with throwaway secrets and an in-memory database. The run starts the server,
# answers every kind of request a task answers (train_requests below), and stops as ECS stops a task (SIGTERM):
# the cache then holds what a task loads until it serves, and the profiles of the request paths.
mkdir -p "$aot/image"
chmod 1777 "$aot"
secret() { head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 48; }
admin_password="Training-$(secret)"
training_env=(-e SPRING_DATASOURCE_URL='jdbc:h2:mem:training;DB_CLOSE_DELAY=-1' -e SPRING_DATASOURCE_USERNAME=sa
              -e SPRING_DATASOURCE_PASSWORD= -e MOVIES_ADMIN_PASSWORD="$admin_password"
              -e MOVIES_JWT_SECRET="$(secret)" -e MOVIES_PASSWORD_RESET_SECRET="$(secret)")

# train_requests URL: the requests of a task's life, each kind several times (C2 profiles need repetition):
# probes, sign-in and refresh, the movie reads and writes, the users' reads, and the refusals (400, 401, 404).
# expect STATUS CURL_ARGS...: one request, which must answer STATUS; its body is left in $answer.
answer=$aot/answer.json
expect() {
  local status=$1 got
  shift
  got=$(curl -sS -o "$answer" -w '%{http_code}' "$@") || return 1
  [ "$got" = "$status" ] || { echo "api-image: training: ${*: -1} answered $got, not $status: $(head -c 300 "$answer")" >&2; return 1; }
}
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$answer"; }
train_requests() {
  local base=$1 json=(-H 'Content-Type: application/json') auth refresh id round
  for (( round = 0; round < 40; round++ )); do
    expect 200 "$base/actuator/health/readiness" || return 1
    expect 200 "$base/actuator/health/liveness" || return 1
    expect 200 "${json[@]}" -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" "$base/api/token" || return 1
    auth=(-H "Authorization: Bearer $(field access)")
    refresh=$(field refresh)
    expect 200 "${json[@]}" -d "{\"refresh\":\"$refresh\"}" "$base/api/token/refresh" || return 1
    expect 201 "${auth[@]}" "${json[@]}" -d "{\"title\":\"Training $round\",\"year\":$(( 1950 + round ))}" \
      "$base/api/v1/movie" || return 1
    id=$(field id)
    expect 200 "$base/api/v1/movie" || return 1
    expect 200 "$base/api/v1/movie/$id" || return 1
    expect 200 "$base/api/v1/movie?search=training&ordering=-year" || return 1
    expect 200 -X PUT "${auth[@]}" "${json[@]}" -d '{"title":"Trained","year":2000}' "$base/api/v1/movie/$id" || return 1
    expect 200 -X PATCH "${auth[@]}" "${json[@]}" -d '{"year":2001}' "$base/api/v1/movie/$id" || return 1
    expect 200 "${auth[@]}" "$base/api/v1/users" || return 1
    expect 200 "${auth[@]}" "$base/api/v1/users/auth/user" || return 1
    expect 204 -X DELETE "${auth[@]}" "$base/api/v1/movie/$id" || return 1
    expect 400 "${auth[@]}" "${json[@]}" -d '{"title":"Untrained","year":"abc"}' "$base/api/v1/movie" || return 1
    expect 401 "${json[@]}" -d '{"title":"Untrained","year":1}' "$base/api/v1/movie" || return 1
    expect 401 -H 'Authorization: Bearer not-a-token' "$base/api/v1/movie" || return 1
    expect 404 "$base/api/v1/movie/$id" || return 1
  done
}

training=movies-api-training-$$
trap 'docker rm -f "$training" >/dev/null 2>&1 || true' EXIT
docker run -d --name "$training" -p 127.0.0.1::8080 -v "$PWD/$aot:/aot" "${training_env[@]}" \
  -e JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=/aot/app.aot" "$trained" >/dev/null
url=http://$(docker port "$training" 8080/tcp | head -n 1)
training_failed() {
  docker logs "$training" >"$aot/training.log" 2>&1 || true
  tail -n 30 "$aot/training.log" >&2
  echo "api-image: the training run failed: $1" >&2
  exit 1
}
for (( waited = 0; waited < 120; waited++ )); do
  curl -fso /dev/null --max-time 1 "$url/actuator/health/readiness" && break
  [ "$(docker inspect -f '{{.State.Running}}' "$training")" = true ] || training_failed "it stopped before it was ready"
  sleep 1
done
(( waited < 120 )) || training_failed "not ready after 120 s"
train_requests "$url" || training_failed "a training request did not answer as a task does"
# SIGTERM, as ECS stops a task; at exit the JVM writes the cache (a child JVM assembles it).
docker stop -t 120 "$training" >/dev/null
docker logs "$training" >"$aot/training.log" 2>&1
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$training")
# 143: the JVM's exit after SIGTERM, as every ECS task stop ends.
[ "$exit_code" = 143 ] || [ "$exit_code" = 0 ] || training_failed "exit code $exit_code"
[ -s "$aot/app.aot" ] || training_failed "it wrote no cache"
cp "$aot/app.aot" "$aot/image/app.aot"
chmod 644 "$aot/image/app.aot"
echo "   cache: $(du -h "$aot/image/app.aot" | cut -f1), sha256 $(sha256sum "$aot/image/app.aot" | cut -c1-16)"

echo "== api-image: 3. the image with the cache"
jib -Paot-cache jib:dockerBuild
image=$(cat "$target/jib-image.id")
digest=$(cat "$target/jib-image.digest")

echo "== api-image: 4. check: the image's JVM maps the cache and loads the application from it"
# -XX:AOTMode=on makes an unusable cache fatal; the image's own -XX:AOTCache names the cache.
docker run --rm "${training_env[@]}" \
  -e JAVA_TOOL_OPTIONS="-XX:AOTMode=on -Xlog:class+load=info -Dspring.context.exit=onRefresh" \
  "$image" >"$aot/check.log" 2>&1 \
  || { tail -n 30 "$aot/check.log" >&2; echo "api-image: the image's JVM cannot use its cache" >&2; exit 1; }
if ! grep -q " $main_class source: shared objects file" "$aot/check.log"; then
  grep " $main_class " "$aot/check.log" >&2 || true
  echo "api-image: $main_class was not loaded from the cache" >&2
  exit 1
fi
echo "   ok: $(grep -c 'source: shared objects file' "$aot/check.log") classes from the cache," \
  "$(grep -c 'source: jar:\|source: file:' "$aot/check.log") from jars"
# ECS's health check (infra ApiStack) runs the probe from the application's jar: it must be there.
probe=$(docker run --rm --entrypoint java "$image" -cp '/app/classpath/*' com.example.movies.server.HealthCheck \
  http://127.0.0.1:1/ 2>&1) && probe_status=0 || probe_status=$?
# Nothing listens there: the probe must run and report the refused connection.
if [ "$probe_status" != 1 ] || ! grep -q '^Health check of ' <<<"$probe"; then
  echo "api-image: the health probe (java -cp '/app/classpath/*' com.example.movies.server.HealthCheck) did not run:" \
    "exit $probe_status, $probe" >&2
  exit 1
fi
echo "   image $image, digest $digest"

if $push; then
  echo "== api-image: 5. push"
  jib -Paot-cache jib:build
  pushed=$(cat "$target/jib-image.digest")
  if [ "$pushed" != "$digest" ]; then
    echo "api-image: pushed $pushed, but the checked image is $digest (did the base image's tag move?)" >&2
    exit 1
  fi
  echo "   pushed $pushed"
fi
