#!/usr/bin/env bash
# Makes a Docker engine answer on this machine: installs Debian's docker.io when dockerd is missing and starts
# dockerd in the background (the build machines have no systemd). Idempotent: does nothing when `docker info` works.
set -euo pipefail

if docker info >/dev/null 2>&1; then
  echo "docker-engine: already running"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "docker-engine: installing docker.io from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q docker.io >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q docker.io >/dev/null; }
fi

log=${DOCKERD_LOG:-/var/log/dockerd.log}
echo "docker-engine: starting dockerd (log: $log)"
# setsid: the daemon must outlive this script and the CI step that ran it.
setsid dockerd >"$log" 2>&1 </dev/null &

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    echo "docker-engine: ready ($(docker version --format '{{.Server.Version}}'))"
    exit 0
  fi
  sleep 1
done
echo "docker-engine: dockerd did not answer within 60 s; last log lines:" >&2
tail -n 20 "$log" >&2
exit 1
