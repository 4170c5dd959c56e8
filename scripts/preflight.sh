#!/usr/bin/env bash
# Checks the AWS account and region for what a deploy of this app needs but its stacks do not create, against the
# templates the deploy's own context synthesizes: the CDK bootstrap stack and its version, the ECS and Application
# Auto Scaling service-linked roles, SES and its VPC endpoint where mail is configured, the certificate's region, and
# the Fargate On-Demand vCPU quota against what a rolling deploy at the autoscaling maximum needs. Each failed check
# says how to fix it; --fix creates the missing service-linked roles (nothing else is changed).
# Run before a first deploy (infra/README.md) and by the pipeline before each deploy (buildspec.yml).
# Usage: scripts/preflight.sh [--fix] [-c key=value ...]   (the same -c keys as the deploy)
set -euo pipefail

fix=false
context=()
for arg in "$@"; do
  if [ "$arg" = --fix ]; then fix=true; else context+=("$arg"); fi
done

assembly="$(mktemp -d)"
trap 'rm -rf "$assembly"' EXIT
(cd "$(dirname "$0")/../infra" && cdk synth --quiet --output "$assembly" "${context[@]}" > /dev/null)
templates=("$assembly"/*.template.json)
# Every resource of every stack, as one array of {stack, id, type, properties}.
resources="$(jq -c 'input_filename as $stack | (.Resources // {}) | to_entries[]
  | {stack: $stack, id: .key, type: .value.Type, properties: (.value.Properties // {})}' "${templates[@]}" | jq -s .)"
of_type() { jq -c --arg type "$1" '[.[] | select(.type == $type)]' <<< "$resources"; }

region="$(jq -r '[.artifacts[] | select(.type == "aws:cloudformation:stack") | .environment][0] | split("/")[3]' \
  "$assembly/manifest.json")"
if [ "$region" = unknown-region ]; then region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"; fi

failed=0
ok() { echo "ok    $1"; }
note() { echo "note  $1"; }
fail() { echo "FAIL  $1"; echo "      fix: $2"; failed=$((failed + 1)); }

# The bootstrap stack: the templates name the version they need (the CLI checks it too, but only mid-deploy).
needed="$(jq '[.artifacts[].properties.requiresBootstrapStackVersion? // empty] | max // 0' "$assembly/manifest.json")"
if version="$(aws cloudformation describe-stacks --stack-name CDKToolkit \
  --query "Stacks[0].Outputs[?OutputKey=='BootstrapVersion'].OutputValue" --output text 2>&1)"; then
  if [ "$version" -ge "$needed" ] 2> /dev/null; then
    ok "CDK bootstrap stack CDKToolkit, version ${version} (the templates need ${needed} or later)"
  else
    fail "CDK bootstrap stack CDKToolkit has version ${version}; the templates need ${needed} or later" \
      "cdk bootstrap aws://<account>/${region} (updates the bootstrap stack in place)"
  fi
elif [[ "$version" == *"does not exist"* ]]; then
  fail "no CDK bootstrap stack (CDKToolkit) in ${region}" "cdk bootstrap aws://<account>/${region}"
else
  fail "cannot read the CDK bootstrap stack: ${version}" "credentials that may call cloudformation:DescribeStacks"
fi

# Service-linked roles AWS creates lazily: a new account's first deploy fails without them.
service_linked_role() {
  local name="$1" service="$2" out
  if out="$(aws iam get-role --role-name "$name" --query Role.Arn --output text 2>&1)"; then
    ok "service-linked role ${name}"
  elif [[ "$out" == *NoSuchEntity* ]] && [ "$fix" = true ]; then
    aws iam create-service-linked-role --aws-service-name "$service" > /dev/null # --fix only
    ok "service-linked role ${name}: created"
  elif [[ "$out" == *NoSuchEntity* ]]; then
    fail "no service-linked role ${name}" \
      "aws iam create-service-linked-role --aws-service-name ${service} (or run this script with --fix)"
  else
    fail "cannot read the role ${name}: ${out}" "credentials that may call iam:GetRole"
  fi
}
service_linked_role AWSServiceRoleForECS ecs.amazonaws.com
if [ "$(of_type AWS::ApplicationAutoScaling::ScalableTarget | jq length)" -gt 0 ]; then
  service_linked_role AWSServiceRoleForApplicationAutoScaling_ECSService ecs.application-autoscaling.amazonaws.com
fi

# Mail: SES in the region, the sender identity, and the SES endpoint in the VPC's zones.
identity="$(of_type AWS::SES::EmailIdentity | jq -r '.[0].properties.EmailIdentity // empty')"
if [ -n "$identity" ]; then
  if account="$(aws sesv2 get-account --query '[SendingEnabled, ProductionAccessEnabled]' --output text 2>&1)"; then
    read -r sending production <<< "$account"
    if [ "$sending" = True ]; then
      ok "SES sends in ${region}"
    else
      fail "SES sending is disabled in ${region}" "the SES console's account dashboard says why"
    fi
    if [ "$production" != True ]; then
      note "SES is in its sandbox in ${region}: mail reaches only verified addresses (infra/README.md, Mail)"
    fi
  else
    fail "SES is not available to this account in ${region}: ${account}" "a region where SES is offered"
  fi
  if verified="$(aws sesv2 get-email-identity --email-identity "$identity" \
    --query VerifiedForSendingStatus --output text 2>&1)"; then
    if [ "$verified" = True ]; then
      ok "SES identity ${identity} is verified"
    else
      fail "SES identity ${identity} is not verified: mail is refused" \
        "follow SES's verification mail, or publish the identity's DKIM records (infra/README.md, Mail)"
    fi
  elif [[ "$verified" == *NotFoundException* ]]; then
    note "SES identity ${identity} does not exist yet: the deploy creates it, then verify it (infra/README.md)"
  else
    fail "cannot read the SES identity ${identity}: ${verified}" "credentials that may call ses:GetEmailIdentity"
  fi
  if jq -e '[.[] | select(.type == "AWS::EC2::VPCEndpoint") | .properties.ServiceName | tostring
      | select(test("\\.email(\"|$)"))] | length > 0' <<< "$resources" > /dev/null; then
    service="com.amazonaws.${region}.email"
    # The zones the VPC's subnets use: names in the template, or the n-th zone of the region (Fn::GetAZs).
    mapfile -t zones < <(aws ec2 describe-availability-zones --filters Name=zone-type,Values=availability-zone \
      --query 'sort_by(AvailabilityZones[?State==`available`], &ZoneName)[].ZoneName' --output text | tr '\t' '\n')
    mapfile -t used < <(of_type AWS::EC2::Subnet | jq -r --argjson zones "$(printf '%s\n' "${zones[@]}" | jq -R . | jq -s .)" \
      '.[].properties.AvailabilityZone | if type == "string" then . else $zones[.["Fn::Select"][0]] end' | sort -u)
    if offered="$(aws ec2 describe-vpc-endpoint-services --service-names "$service" \
      --query 'ServiceDetails[0].AvailabilityZones' --output text 2>&1)"; then
      missing=()
      for zone in "${used[@]}"; do
        [[ " $(tr '\t' ' ' <<< "$offered") " == *" $zone "* ]] || missing+=("$zone")
      done
      if [ "${#missing[@]}" -eq 0 ]; then
        ok "SES VPC endpoint service ${service} in the VPC's zones (${used[*]})"
      else
        fail "SES VPC endpoint service ${service} is not offered in ${missing[*]}" \
          "-c natGateways=1 (mail through the NAT gateway), or a region whose zones all offer it"
      fi
    else
      fail "no SES VPC endpoint service ${service} in ${region}: ${offered}" \
        "-c natGateways=1 (mail through the NAT gateway), or a region that offers it"
    fi
  fi
fi

# Certificates: the ALB's listener (and any API Gateway domain) take a certificate of their own region.
mapfile -t certificates < <(jq -r '.. | objects | (.CertificateArn?, .Certificates?[]?.CertificateArn?)
  | strings | select(startswith("arn:"))' <<< "$resources" | sort -u)
for certificate in "${certificates[@]}"; do
  certificate_region="$(cut -d: -f4 <<< "$certificate")"
  if [ "$certificate_region" = "$region" ]; then
    ok "certificate ${certificate} is in the deploy's region"
  else
    fail "certificate ${certificate} is in ${certificate_region}, the deploy is in ${region}" \
      "aws acm request-certificate --region ${region} --domain-name <domainName> --validation-method DNS, then -c certificateArn=<its ARN>"
  fi
done

# Fargate vCPUs during a rolling deploy at the autoscaling maximum: every service may run MaximumPercent of its
# maximum count (old and new tasks side by side).
needed_vcpu="$(jq -r '
  (map(select(.type == "AWS::ECS::TaskDefinition")) | map({key: (.stack + "/" + .id), value: (.properties.Cpu | tonumber)})
    | from_entries) as $cpu
  | (map(select(.type == "AWS::ApplicationAutoScaling::ScalableTarget"))
      | map({key: (.stack + "/" + ([.properties.ResourceId | .. | objects | .["Fn::GetAtt"]? // empty | .[0]][0])),
             value: .properties.MaxCapacity})
      | from_entries) as $max
  | [.[] | select(.type == "AWS::ECS::Service")
      | ($max[.stack + "/" + .id] // .properties.DesiredCount // 1) * $cpu[.stack + "/" + .properties.TaskDefinition.Ref] / 1024
        * ((.properties.DeploymentConfiguration.MaximumPercent // 200) / 100)]
  | add // 0' <<< "$resources")"
if quota="$(aws service-quotas get-service-quota --service-code fargate --quota-code L-3032A538 \
  --query Quota.Value --output text 2>&1)"; then
  if awk -v q="$quota" -v n="$needed_vcpu" 'BEGIN { exit !(q + 0 >= n + 0) }'; then
    ok "Fargate On-Demand vCPU quota ${quota}: a rolling deploy at the maximum counts needs ${needed_vcpu}"
  else
    fail "Fargate On-Demand vCPU quota ${quota} is below the ${needed_vcpu} vCPUs a rolling deploy at the maximum counts needs" \
      "aws service-quotas request-service-quota-increase --service-code fargate --quota-code L-3032A538 --desired-value ${needed_vcpu}, or lower apiMaxCount/apiCpu"
  fi
else
  fail "cannot read the Fargate vCPU quota (L-3032A538): ${quota}" "credentials that may call servicequotas:GetServiceQuota"
fi

if [ "$failed" -gt 0 ]; then
  echo "preflight: ${failed} check(s) failed in ${region}"
  exit 1
fi
echo "preflight: ${region} is ready for this deploy"
