#!/usr/bin/env bash
# buildspec.yml, before the deploy: builds of the pipeline queue here rather than being refused. Builds run at once
# (tests and image pushes in parallel), but a build deploys only when every earlier build of its project (smaller
# build number) has finished, so deploys and their e2e checks happen one at a time, in push order.
# Needs CODEBUILD_BUILD_ID ("<project>:<uuid>") and CODEBUILD_BUILD_NUMBER, which CodeBuild sets.
set -euo pipefail

project="${CODEBUILD_BUILD_ID%%:*}"
number="${CODEBUILD_BUILD_NUMBER}"
poll="${AWAIT_POLL_SECONDS:-30}"
while true; do
  # The project's most recent builds: an earlier one still running is among them.
  ids="$(aws codebuild list-builds-for-project --project-name "$project" --sort-order DESCENDING \
    --query 'ids[0:25]' --output text)"
  earlier=""
  if [ -n "$ids" ] && [ "$ids" != None ]; then
    # shellcheck disable=SC2086 # a list of build ids, split on purpose
    earlier="$(aws codebuild batch-get-builds --ids $ids \
      --query "builds[?buildStatus=='IN_PROGRESS' && buildNumber < \`${number}\`].buildNumber" --output text)"
  fi
  if [ -z "$earlier" ] || [ "$earlier" = None ]; then
    echo "await-earlier-builds: build ${number} of ${project} deploys now"
    exit 0
  fi
  echo "await-earlier-builds: build ${number} waits for build(s) ${earlier} of ${project} to finish"
  sleep "$poll"
done
