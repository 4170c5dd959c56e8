#!/usr/bin/env bash
# buildspec.yml, around `cdk deploy`: measures the deploy under traffic (infra/PIPELINE.md).
#   scripts/deploy-traffic.sh start   before the deploy: starts e2e-tests' DeployTraffic (a single-file Java program)
#                                     against the gateway in service (PREVIOUS_GATEWAY_URL), signed in as the e2e
#                                     user (E2E_USERNAME, password from E2E_USER_SECRET_ARN), and waits until it sends;
#                                     on a first deploy (no gateway yet) it says so and measures nothing.
#   scripts/deploy-traffic.sh stop    after the deploy: stops the stream, prints its counts, and fails when more
#                                     requests failed than DEPLOY_TRAFFIC_MAX_FAILURES (context deployTrafficMaxFailures).
# The counts land in e2e-tests/target/deploy-traffic/TEST-deploy-traffic.xml, the deploy-traffic report group.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${DEPLOY_TRAFFIC_DIR:-${root}/e2e-tests/target/deploy-traffic}"
runner="${root}/e2e-tests/src/test/java/com/example/movies/e2e/deploytraffic/DeployTraffic.java"
mkdir -p "$dir"

case "${1:-}" in
  start)
    rm -f "$dir/stop" "$dir/ready" "$dir/exit" "$dir/pid"
    if [ -z "${PREVIOUS_GATEWAY_URL:-}" ]; then
      echo "deploy-traffic: no gateway in service yet (a first deploy): this deploy is not measured under traffic"
      exit 0
    fi
    password="$(aws secretsmanager get-secret-value --secret-id "${E2E_USER_SECRET_ARN}" \
      --query SecretString --output text)"
    # Detached, so it outlives this command; its exit status goes to a file that "stop" reads.
    DEPLOY_TRAFFIC_PASSWORD="$password" nohup bash -c 'java "$0" "$@"; echo $? > "'"$dir"'/exit"' "$runner" \
      --url "${PREVIOUS_GATEWAY_URL}" --username "${E2E_USERNAME}" \
      --max-failures "${DEPLOY_TRAFFIC_MAX_FAILURES:-0}" --max-seconds "${DEPLOY_TRAFFIC_MAX_SECONDS:-3600}" \
      --stop-file "$dir/stop" --ready-file "$dir/ready" --report "$dir/TEST-deploy-traffic.xml" \
      > "$dir/runner.log" 2>&1 < /dev/null &
    echo $! > "$dir/pid"
    for _ in $(seq 1 "${DEPLOY_TRAFFIC_START_SECONDS:-120}"); do
      if [ -e "$dir/ready" ]; then
        echo "deploy-traffic: sending requests to ${PREVIOUS_GATEWAY_URL} during the deploy"
        exit 0
      fi
      if [ -e "$dir/exit" ]; then
        break
      fi
      sleep 1
    done
    cat "$dir/runner.log" >&2
    echo "deploy-traffic: the traffic did not start" >&2
    exit 1
    ;;
  stop)
    if [ ! -e "$dir/pid" ]; then
      echo "deploy-traffic: no traffic was measured (a first deploy)"
      exit 0
    fi
    touch "$dir/stop"
    for _ in $(seq 1 120); do
      [ -e "$dir/exit" ] && break
      sleep 1
    done
    cat "$dir/runner.log"
    status="$(cat "$dir/exit" 2>/dev/null || echo none)"
    if [ "$status" != 0 ]; then
      echo "deploy-traffic: the deploy failed its measurement under traffic (runner exit ${status})" >&2
      exit 1
    fi
    ;;
  *)
    echo "usage: scripts/deploy-traffic.sh start|stop" >&2
    exit 2
    ;;
esac
