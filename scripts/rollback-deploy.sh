#!/usr/bin/env bash
# buildspec.yml's post_build "finally": the pipeline's post-deploy check. When the build is failing after its
# deploy went through (the e2e suite failed against the new version), deploy the image tag that was in service
# before (PREVIOUS_IMAGE_TAG, the API stack's ImageTag output read before the deploy) with the same context.
# Nothing to do when the build succeeds, failed before deploying, or had no previous version (a first deploy).
set -euo pipefail

if [ "${CODEBUILD_BUILD_SUCCEEDING:-1}" = 1 ]; then
  echo "rollback-deploy: the build succeeded; nothing to roll back"
  exit 0
fi
if [ "${DEPLOYED:-}" != true ]; then
  echo "rollback-deploy: the build failed before its deploy; the version in service is unchanged"
  exit 0
fi
if [ -z "${PREVIOUS_IMAGE_TAG:-}" ] || [ "${PREVIOUS_IMAGE_TAG}" = None ]; then
  echo "rollback-deploy: no previous image tag (a first deploy): the failed version stays; fix forward" >&2
  exit 0
fi
echo "rollback-deploy: the checks failed against ${CODEBUILD_RESOLVED_SOURCE_VERSION:-the new version};" \
  "deploying ${PREVIOUS_IMAGE_TAG} again"
cd "$(dirname "$0")/../infra"
# shellcheck disable=SC2086 # DEPLOY_CONTEXT is a list of -c key=value arguments, split on spaces on purpose.
cdk deploy --all --require-approval never ${DEPLOY_CONTEXT} -c imageTag="${PREVIOUS_IMAGE_TAG}"
echo "rollback-deploy: ${PREVIOUS_IMAGE_TAG} is in service again"
