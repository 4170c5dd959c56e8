#!/usr/bin/env bash
# The pipeline's rollback (infra/PIPELINE.md): once the build has attempted its deploy (DEPLOY_ATTEMPTED=true, set
# just before `cdk deploy`), a failure deploys the image tag that was in service before (PREVIOUS_IMAGE_TAG, the API
# stack's ImageTag output, read before the deploy) again with the same context. Two callers:
#   scripts/rollback-deploy.sh --failed   the build phase, when the deploy or its traffic measurement failed (the
#                                         phase aborts, so post_build and its finally never run);
#   scripts/rollback-deploy.sh            post_build's finally: rolls back only when the build is failing (the
#                                         deployed e2e suite was red, CODEBUILD_BUILD_SUCCEEDING=0).
# Nothing to do when the build succeeds, failed before its deploy, or had no previous version (a first deploy).
# The rollback deploy's own failure fails this script.
set -euo pipefail

if [ "${1:-}" != --failed ] && [ "${CODEBUILD_BUILD_SUCCEEDING:-1}" = 1 ]; then
  echo "rollback-deploy: the build succeeded; nothing to roll back"
  exit 0
fi
if [ "${DEPLOY_ATTEMPTED:-}" != true ]; then
  echo "rollback-deploy: the build failed before its deploy; the version in service is unchanged"
  exit 0
fi
if [ -z "${PREVIOUS_IMAGE_TAG:-}" ]; then
  echo "rollback-deploy: no previous image tag (a first deploy): whatever the deploy left stays; fix forward" >&2
  exit 0
fi
echo "rollback-deploy: the deploy of ${CODEBUILD_RESOLVED_SOURCE_VERSION:-the new version} or its checks failed" \
  "(stacks may be updated in part); deploying ${PREVIOUS_IMAGE_TAG} again to every stack"
cd "$(dirname "$0")/../infra"
# shellcheck disable=SC2086 # DEPLOY_CONTEXT is a list of -c key=value arguments, split on spaces on purpose.
cdk deploy --all --require-approval never ${DEPLOY_CONTEXT} -c imageTag="${PREVIOUS_IMAGE_TAG}"
echo "rollback-deploy: ${PREVIOUS_IMAGE_TAG} is in service again"
