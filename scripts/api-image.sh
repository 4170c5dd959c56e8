#!/usr/bin/env bash
# The movies-api image with a class-data sharing archive (AppCDS) of its own JVM, for a faster start. An archive is
# valid only for the exact JVM build and class path that made it, and Jib cannot run the base image's JVM, so the
# archive comes from a training run of the image itself:
#   1. jib:dockerBuild: the image as Jib builds it without an archive, into the local Docker engine;
#   2. training, with no database: that image with the local profile (embedded H2, demo data) until Spring's context
#      is refreshed, recording the classes it loads (-XX:DumpLoadedClassList); then that image's JVM writes a static
#      archive of them (the list made independent of timing: sorted, generated classes and lambdas left out) with
#      the image's class path (-Xshare:dump; two dumps that agree) to movies-api/target/cds/image/app.jsa;
#   3. jib:dockerBuild -Pcds: the same image plus the archive (/app/cds/app.jsa) and -XX:SharedArchiveFile;
#   4. the check: the image's JVM, with -Xshare:on (it refuses to start when the archive cannot be mapped), loads
#      the application's main class from the archive ("source: shared objects file"), or the script fails.
# With --push, then 5. jib:build -Pcds to the registry named in the arguments, and the pushed digest must be the
# checked image's (the build is reproducible: the same inputs give the same digest).
#
#   scripts/api-image.sh [--push] [Maven arguments for every Jib run]
#   e.g. scripts/api-image.sh -Djib.api.from=docker://local/jre17
#        scripts/api-image.sh --push -Djib.to.image=<repository>:<tag> -Djib.to.auth.username=... -Djib.to.auth.password=...
#
# Needs a running Docker engine (scripts/docker-engine.sh) and the built module (./mvnw -B -DskipTests install):
# it containerizes movies-api as it was last built. The image is recorded in movies-api/target/jib-image.{id,digest}.
set -euo pipefail
cd "$(dirname "$0")/.."

push=false
if [ "${1:-}" = --push ]; then
  push=true
  shift
fi
maven_args=("$@")

target=movies-api/target
cds=$target/cds
main_class=com.example.movies.MoviesApplication
# The image's entrypoint reads its class path from this file (Jib writes it).
classpath=@/app/jib-classpath-file

if [ ! -f "$target/movies-api.jar" ]; then
  echo "api-image: no $target/movies-api.jar: build the module first (./mvnw -B -DskipTests install)" >&2
  exit 1
fi

jib() {
  ./mvnw -B -q -pl movies-api "${maven_args[@]}" "$@"
}

echo "== api-image: 1. the image without an archive"
rm -rf "$cds"
jib jib:dockerBuild
trained=$(cat "$target/jib-image.id")

echo "== api-image: 2. training run of $trained (local profile, until the context is refreshed)"
# The image runs as user 10001: the mounted directory must be writable for it.
mkdir -p "$cds/image"
chmod 1777 "$cds"
docker run --rm -v "$PWD/$cds:/cds" -e SPRING_PROFILES_ACTIVE=local \
  -e JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=/cds/loaded.lst -Dspring.context.exit=onRefresh" \
  "$trained" >"$cds/training.log" 2>&1 \
  || { tail -n 30 "$cds/training.log" >&2; echo "api-image: the training run failed" >&2; exit 1; }

# Reproducible: the same class list gives the same archive, so the list is made independent of the training run's
# timing: sorted, each class once. Left out: classes generated at run time (proxies, CGLIB subclasses, method handle
# species), which a dump cannot load by name and whose numbers vary; and the lambda lines (@lambda-proxy,
# @lambda-form-invoker), whose dump makes hidden classes in an order that varies from dump to dump (the archive then
# differs in most of its bytes). Added: the JDK classes that a run loads or not depending on thread timing (lock
# contention), seen varying between training runs.
sometimes_loaded=('java/util/concurrent/locks/AbstractQueuedSynchronizer$ExclusiveNode'
                  'jdk/internal/access/foreign/MemorySegmentProxy')
{ grep -v '^[#@]' "$cds/loaded.lst" | grep -Ev '\$Proxy[0-9]|\$\$|BoundMethodHandle\$Species_' || true
  printf '%s\n' "${sometimes_loaded[@]}"; } | LC_ALL=C sort -u >"$cds/classes.lst"
chmod 644 "$cds/classes.lst"

# The static dump by the image's JVM, with the image's collector and class path. Byte for byte the same for the same
# list only without address randomization (setarch -R, which Docker's default seccomp profile refuses: unconfined
# for this one run), pinned to one CPU and interpreted: otherwise native addresses and the order of concurrent work
# reach the archive (measured: unpinned, 3 different archives in 4 dumps; pinned, 8 of 8 the same). Even so, now
# and then on a busy machine a dump lays its symbols out otherwise (about 1 dump in 10 under load): so two dumps,
# and a third to break a tie; the archive is the one that two dumps agree on.
cpu=$(awk '/^Cpus_allowed_list:/ { print $2 }' /proc/self/status | sed 's/[-,].*//')
read -r -a gc_flag < <(docker image inspect --format '{{range .Config.Entrypoint}}{{println .}}{{end}}' "$trained" \
  | grep -E '^-XX:\+Use[A-Za-z]+GC$' || true)
dump() {
  docker run --rm -v "$PWD/$cds:/cds" --cpuset-cpus "${cpu:-0}" --security-opt seccomp=unconfined --entrypoint setarch \
    "$trained" "$(uname -m)" -R java "${gc_flag[@]}" -Xint -XX:ActiveProcessorCount=1 \
    -Xshare:dump -XX:SharedClassListFile=/cds/classes.lst -XX:SharedArchiveFile="/cds/$1" -cp "$classpath" \
    >"$cds/dump.log" 2>&1 \
    || { tail -n 30 "$cds/dump.log" >&2; echo "api-image: the archive dump failed" >&2; exit 1; }
}
dump app-1.jsa
dump app-2.jsa
if cmp -s "$cds/app-1.jsa" "$cds/app-2.jsa"; then
  chosen=app-1.jsa
else
  dump app-3.jsa
  if cmp -s "$cds/app-1.jsa" "$cds/app-3.jsa"; then chosen=app-1.jsa
  elif cmp -s "$cds/app-2.jsa" "$cds/app-3.jsa"; then chosen=app-2.jsa
  else
    chosen=app-1.jsa
    echo "   warning: three dumps of the same class list gave three archives: this image will not be reproducible" >&2
  fi
fi
cp "$cds/$chosen" "$cds/image/app.jsa"
echo "   archive: $(du -h "$cds/image/app.jsa" | cut -f1), $(grep -vc '^@' "$cds/classes.lst") classes," \
  "list sha256 $(sha256sum "$cds/classes.lst" | cut -c1-16), archive sha256 $(sha256sum "$cds/image/app.jsa" | cut -c1-16)"

echo "== api-image: 3. the image with the archive"
jib -Pcds jib:dockerBuild
image=$(cat "$target/jib-image.id")
digest=$(cat "$target/jib-image.digest")

echo "== api-image: 4. check: the image's JVM maps the archive and loads the application from it"
# -Xshare:on makes an unusable archive fatal; the image's own -XX:SharedArchiveFile names the archive.
docker run --rm -e SPRING_PROFILES_ACTIVE=local \
  -e JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info -Dspring.context.exit=onRefresh" \
  "$image" >"$cds/check.log" 2>&1 \
  || { tail -n 30 "$cds/check.log" >&2; echo "api-image: the image's JVM cannot use its archive" >&2; exit 1; }
if ! grep -q " $main_class source: shared objects file" "$cds/check.log"; then
  grep " $main_class " "$cds/check.log" >&2 || true
  echo "api-image: $main_class was not loaded from the archive" >&2
  exit 1
fi
echo "   ok: $(grep -c 'source: shared objects file' "$cds/check.log") classes from the archive," \
  "$(grep -c 'source: jar:\|source: file:' "$cds/check.log") from jars"
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
  jib -Pcds jib:build
  pushed=$(cat "$target/jib-image.digest")
  if [ "$pushed" != "$digest" ]; then
    echo "api-image: pushed $pushed, but the checked image is $digest (did the base image's tag move?)" >&2
    exit 1
  fi
  echo "   pushed $pushed"
fi
