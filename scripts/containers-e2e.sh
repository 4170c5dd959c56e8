#!/usr/bin/env bash
# The image the pipeline ships and the rolling-deploy drill on it: a Docker engine, the base images (built from
# Debian packages when no container registry is reachable: the air-gapped way), the API's image with its AOT cache
# (scripts/api-image.sh), then the e2e suite's rolling-deploy drill through Testcontainers. `./mvnw install` already
# runs the e2e suite on the containers stack (plain Jib images); run this after it: it containerizes the modules as
# they were last built.
#   OFFLINE_BASE_IMAGES=true|false  skip the registry probe and choose (default: probe, 5 s)
#   extra arguments go to the drill's Maven run
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/timings.sh
trap 'report_timings "containers e2e timings"' EXIT

for built in movies-api/target/movies-api.jar frontend/target/dist/index.html; do
  if [ ! -f "$built" ]; then
    echo "No $built: build the modules first (./mvnw install, or ./mvnw -B -DskipTests install -pl '!infra')" >&2
    exit 1
  fi
done

timed "docker engine" scripts/docker-engine.sh

# A registry is reachable when the public base image is already here or the Docker index answers within 5 s.
registry_reachable() {
  docker image inspect eclipse-temurin:25-jre >/dev/null 2>&1 \
    || timeout 5 docker search --limit 1 eclipse-temurin >/dev/null 2>&1
}
if [ -z "${OFFLINE_BASE_IMAGES:-}" ]; then
  if registry_reachable; then OFFLINE_BASE_IMAGES=false; else OFFLINE_BASE_IMAGES=true; fi
fi

if [ "$OFFLINE_BASE_IMAGES" = true ]; then
  echo "== no container registry: the air-gapped way, base images from Debian packages"
  timed "offline base images" scripts/offline-base-images.sh
fi
# The root pom's offline-base-images profile reads it: every base and test image is then a local/ one.
export OFFLINE_BASE_IMAGES

# The API's image with its AOT cache: build, training run, rebuild; the script fails unless the
# image's JVM loads the application from the cache (so CI proves that the cache is used).
timed "api image with AOT cache" scripts/api-image.sh
echo "   movies-api image: $(cat movies-api/target/jib-image.digest) (id $(cat movies-api/target/jib-image.id))"

# Issue 17's rolling-deploy drill: the API replicas replaced one by one under load through a reverse proxy, on the
# images just built.
timed "rolling-deploy drill" ./mvnw -B -pl e2e-tests verify -Pdrills -Dit.test=RollingDeployDrill \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
