#!/usr/bin/env bash
# Prints output <key> of CloudFormation stack <name>, or nothing when the stack does not exist yet (a first deploy)
# or has no such output. Any other error (AccessDenied, throttling, no credentials) fails loudly: the pipeline's
# rollback and its traffic measurement depend on these values, so an unreadable one must not look like "none".
# Usage: scripts/stack-output.sh <stack name> <output key>
set -euo pipefail

stack="$1"
key="$2"
if ! value="$(aws cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='${key}'].OutputValue" --output text 2>&1)"; then
  case "$value" in
    *ValidationError*"does not exist"*) exit 0 ;;
  esac
  echo "stack-output: cannot read output ${key} of stack ${stack}: ${value}" >&2
  exit 1
fi
if [ "$value" != None ]; then
  echo "$value"
fi
