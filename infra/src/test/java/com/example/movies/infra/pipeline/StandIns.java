package com.example.movies.infra.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Stand-in {@code aws}, {@code cdk} and {@code java} executables for the pipeline's
 * scripts: each records its arguments ({@code <bin>/<name>-calls}, one call a line) and
 * answers as the AWS CLI, the CDK CLI and the traffic runner would, steered by
 * {@code STANDIN_*} environment variables (see {@link #DEFAULTS}).
 */
final class StandIns {

    /**
     * The answers of an account that is ready: bootstrapped (version 30), both
     * service-linked roles, SES verified and out of its sandbox, the SES endpoint in
     * every zone, 100 Fargate vCPUs; a deployed API stack with image tag {@code old1}.
     */
    static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("STANDIN_BOOTSTRAP", "30"),
            Map.entry("STANDIN_API_STACK", "deployed"), Map.entry("STANDIN_IMAGE_TAG", "old1"),
            Map.entry("STANDIN_GATEWAY_URL", "https://gw.example"), Map.entry("STANDIN_MISSING_ROLES", ""),
            Map.entry("STANDIN_SES_VERIFIED", "True"),
            Map.entry("STANDIN_SES_ZONES", "eu-west-1a eu-west-1b eu-west-1c"), Map.entry("STANDIN_QUOTA", "100.0"),
            Map.entry("STANDIN_FAIL_TAG", "none"), Map.entry("STANDIN_TRAFFIC_EXIT", "0"),
            Map.entry("STANDIN_E2E_EXIT", "0"));

    private static final String AWS = """
            #!/usr/bin/env bash
            echo "$*" >> "$STANDIN_BIN/aws-calls"
            error() { echo "An error occurred ($1) when calling the $2 operation: $3" >&2; exit 254; }
            arg() { local name="$1"; shift; while [ $# -gt 0 ]; do [ "$1" = "$name" ] && { echo "$2"; return; }; shift; done; }
            case "$1 $2" in
              "cloudformation describe-stacks")
                stack="$(arg --stack-name "$@")"
                if [ "$stack" = CDKToolkit ]; then
                  [ "$STANDIN_BOOTSTRAP" = missing ] && error ValidationError DescribeStacks "Stack with id CDKToolkit does not exist"
                  echo "$STANDIN_BOOTSTRAP"
                else
                  case "$STANDIN_API_STACK" in
                    missing) error ValidationError DescribeStacks "Stack with id $stack does not exist" ;;
                    denied) error AccessDenied DescribeStacks "User: arn:aws:sts::123456789012:assumed-role/x is not authorized to perform: cloudformation:DescribeStacks" ;;
                  esac
                  case "$*" in
                    *ImageTag*) echo "$STANDIN_IMAGE_TAG" ;;
                    *GatewayUrl*) echo "$STANDIN_GATEWAY_URL" ;;
                    *) echo None ;;
                  esac
                fi ;;
              "iam get-role")
                role="$(arg --role-name "$@")"
                case " $STANDIN_MISSING_ROLES " in
                  *" $role "*) error NoSuchEntity GetRole "The role with name $role cannot be found." ;;
                esac
                echo "arn:aws:iam::123456789012:role/aws-service-role/x/$role" ;;
              "iam create-service-linked-role") echo "{}" ;;
              "sesv2 get-account") printf 'True\\tTrue\\n' ;;
              "sesv2 get-email-identity")
                [ "$STANDIN_SES_VERIFIED" = missing ] && error NotFoundException GetEmailIdentity "Email identity does not exist."
                echo "$STANDIN_SES_VERIFIED" ;;
              "ec2 describe-availability-zones") printf 'eu-west-1a\\teu-west-1b\\teu-west-1c\\n' ;;
              "ec2 describe-vpc-endpoint-services") echo "$STANDIN_SES_ZONES" | tr ' ' '\\t' ;;
              "service-quotas get-service-quota") echo "$STANDIN_QUOTA" ;;
              "secretsmanager get-secret-value") echo "e2e-password" ;;
              "codebuild list-builds-for-project") echo "movies-delivery:a" ;;
              "codebuild batch-get-builds") echo "" ;;
              *) echo "stand-in aws: unexpected call: $*" >&2; exit 2 ;;
            esac
            """;

    private static final String CDK = """
            #!/usr/bin/env bash
            echo "$*" >> "$STANDIN_BIN/cdk-calls"
            arg() { local name="$1"; shift; while [ $# -gt 0 ]; do [ "$1" = "$name" ] && { echo "$2"; return; }; shift; done; }
            case "$1" in
              synth) cp -r "$STANDIN_ASSEMBLY/." "$(arg --output "$@")/" ;;
              deploy)
                case " $* " in *" imageTag=$STANDIN_FAIL_TAG "*)
                  echo "stand-in cdk: movies-test-frontend failed: UPDATE_ROLLBACK_COMPLETE" >&2; exit 1 ;;
                esac
                outputs="$(arg --outputs-file "$@")"
                if [ -n "$outputs" ]; then
                  echo '{"movies-test-api":{"GatewayUrl":"https://gw.example","ImageTag":"x"},"movies-test-frontend":{"FrontendUrl":"http://fe.example"}}' > "$outputs"
                fi ;;
            esac
            """;

    /**
     * The traffic runner as scripts/deploy-traffic.sh starts it: ready at once, stops
     * when the stop file appears, exits with {@code STANDIN_TRAFFIC_EXIT}.
     */
    private static final String JAVA = """
            #!/usr/bin/env bash
            echo "$*" >> "$STANDIN_BIN/java-calls"
            arg() { local name="$1"; shift; while [ $# -gt 0 ]; do [ "$1" = "$name" ] && { echo "$2"; return; }; shift; done; }
            [ -n "$DEPLOY_TRAFFIC_PASSWORD" ] || exit 2
            touch "$(arg --ready-file "$@")"
            for _ in $(seq 1 600); do [ -e "$(arg --stop-file "$@")" ] && break; sleep 0.1; done
            echo "deploy-traffic: stand-in, exit $STANDIN_TRAFFIC_EXIT"
            exit "$STANDIN_TRAFFIC_EXIT"
            """;

    private StandIns() {
    }

    /** Writes the stand-ins into {@code bin}. */
    static void install(Path bin) {
        write(bin.resolve("aws"), AWS);
        write(bin.resolve("cdk"), CDK);
        write(bin.resolve("java"), JAVA);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calls a stand-in received, one a line. */
    static List<String> calls(Path bin, String name) {
        try {
            Path file = bin.resolve(name + "-calls");
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Run(int status, String output) {
    }

    /**
     * Runs {@code command} with the stand-ins first on PATH and {@link #DEFAULTS}
     * overridden by {@code environment}.
     */
    static Run run(Path bin, Path directory, Map<String, String> environment, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true);
            builder.environment().putAll(DEFAULTS);
            builder.environment().putAll(environment);
            builder.environment().put("STANDIN_BIN", bin.toString());
            builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(process.waitFor(), output);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
