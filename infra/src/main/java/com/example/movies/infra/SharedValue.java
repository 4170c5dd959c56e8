package com.example.movies.infra;

import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * A value that an optional stack (the dashboard, the pipeline) reads from another stack
 * without a CloudFormation export: its producer writes it to an SSM parameter of a fixed
 * name, and the consumer reads the parameter when it deploys. A CloudFormation export
 * that another stack imports cannot be removed or changed, so a value that changes with
 * the parameters (the frontend's target group moves when a domain is added) or exists
 * only for an optional consumer (the ECR repositories' exports, while a pipeline exists)
 * would block the next deploy. The consumer stacks depend on their producers, so
 * {@code cdk deploy --all} deploys the producers first, and the consumer picks up a
 * changed value on its own next deploy.
 */
public enum SharedValue {

    /** The HTTP API's id, for the dashboard's gateway metrics. */
    API_ID,

    /** The API's ECS service name, for its task metrics. */
    API_SERVICE_NAME,

    /** The frontend's ECS service name, for its task metrics. */
    FRONTEND_SERVICE_NAME,

    /** The ALB's full name ({@code app/<name>/<id>}), for its metrics. */
    LOAD_BALANCER_FULL_NAME,

    /** The frontend target group's full name, for its metrics. */
    FRONTEND_TARGET_GROUP_FULL_NAME,

    /** The database's instance identifier, for its metrics. */
    DATABASE_INSTANCE_ID,

    /**
     * The ARN of the e2e user's password secret, which the pipeline's e2e suite reads.
     */
    E2E_USER_SECRET_ARN;

    /** The parameter's name, e.g. {@code /movies-dev/shared/api-id}. */
    public String parameterName(String namePrefix) {
        return "/" + namePrefix + "/shared/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * Writes {@code value} (usually a token of the producer's resource) to the parameter.
     */
    public void publish(Construct producer, String namePrefix, String value) {
        StringParameter.Builder.create(producer, "Shared" + camelCase())
            .parameterName(parameterName(namePrefix))
            .description("Read by the optional stacks without a CloudFormation export (SharedValue)")
            .stringValue(value)
            .build();
    }

    /**
     * The parameter's value, resolved by CloudFormation when {@code consumer} deploys.
     */
    public String read(Construct consumer, String namePrefix) {
        return StringParameter.valueForStringParameter(consumer, parameterName(namePrefix));
    }

    private String camelCase() {
        StringBuilder result = new StringBuilder();
        for (String word : name().split("_")) {
            result.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return result.toString();
    }

}
