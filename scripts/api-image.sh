#!/usr/bin/env bash
# The movies-api image with an ahead-of-time cache of its own JVM (JDK 25's AOT cache, JEPs 483, 514 and 515: the
# classes a start loads, already parsed, verified and linked, and the method profiles of a training run), for a
# faster start. A cache is valid only for the exact JVM build and class path that made it, and Jib cannot run the
# base image's JVM, so the cache comes from a training run of the image itself:
#   1. jib:dockerBuild: the image as Jib builds it without a cache, into the local Docker engine;
#   2. training, with no database (e2e-tests' AotTraining, a Java run through Testcontainers): that image (profile
#      prod, the one its Spring AOT was made for) on an in-memory H2, started, sent every kind of request a task
#      answers, and stopped with SIGTERM as ECS stops a task, with -XX:AOTCacheOutput: at exit the image's JVM
#      writes the cache of what the run loaded, linked and profiled (movies-api/target/aot/image/app.aot).
#      Training past the start (the web server, the request paths) makes a start on 1 vCPU 30 % cheaper and its
#      first request 2 to 3 times faster than a cache of the start alone (bench/FINDINGS.md, "Eighth session");
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
# e2e-tests' AotTraining (com.example.movies.e2e.aot) runs it through Testcontainers and the suite's API client: it
# starts the image with -XX:AOTCacheOutput on $aot, waits for its readiness, sends every kind of request a task
# answers (40 rounds, each status checked), stops it with SIGTERM as ECS stops a task, and checks the exit and the
# cache; the container's output is $aot/training.log.
./mvnw -B -q -pl e2e-tests test -Dtest=AotTraining -Daot.image="$trained" -Daot.dir="$PWD/$aot" \
  || { echo "api-image: the training run failed (its log: $aot/training.log)" >&2; exit 1; }
mkdir -p "$aot/image"
cp "$aot/app.aot" "$aot/image/app.aot"
chmod 644 "$aot/image/app.aot"
echo "   cache: $(du -h "$aot/image/app.aot" | cut -f1), sha256 $(sha256sum "$aot/image/app.aot" | cut -c1-16)"

echo "== api-image: 3. the image with the cache"
jib -Paot-cache jib:dockerBuild
image=$(cat "$target/jib-image.id")
digest=$(cat "$target/jib-image.digest")

echo "== api-image: 4. check: the image's JVM maps the cache and loads the application from it"
# -XX:AOTMode=on makes an unusable cache fatal; the image's own -XX:AOTCache names the cache. Like the training run,
# prod on an in-memory H2 with throwaway secrets, until the context is refreshed.
secret() { head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 48; }
check_env=(-e SPRING_DATASOURCE_URL='jdbc:h2:mem:check;DB_CLOSE_DELAY=-1' -e SPRING_DATASOURCE_USERNAME=sa
           -e SPRING_DATASOURCE_PASSWORD= -e MOVIES_ADMIN_PASSWORD="Check-$(secret)"
           -e MOVIES_JWT_SECRET="$(secret)" -e MOVIES_PASSWORD_RESET_SECRET="$(secret)")
docker run --rm "${check_env[@]}" \
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
