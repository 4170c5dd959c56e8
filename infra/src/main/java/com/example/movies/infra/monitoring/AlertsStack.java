package com.example.movies.infra.monitoring;

import java.util.List;
import java.util.Optional;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Where alarms go: one SNS topic, mailed to the deployment's {@code alarmEmail} (the
 * address confirms the subscription once). The other stacks' alarms notify it, and the
 * services' deployment alarms roll a deploy back.
 */
public final class AlertsStack extends Stack {

    public AlertsStack(Construct scope, String id, StackProps stackProps, String namePrefix,
            Optional<String> alarmEmail) {
        super(scope, id, stackProps);
        Topic topic = Topic.Builder.create(this, "Alerts")
            .topicName(topicName(namePrefix))
            .displayName("movies " + namePrefix + " alarms")
            .enforceSsl(true)
            .build();
        alarmEmail.ifPresent(address -> topic.addSubscription(new EmailSubscription(address)));
        NagSuppressions.addResourceSuppressions(topic, List.of(NagPackSuppression.builder()
            .id("AwsSolutions-SNS2")
            .reason("CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key; the notifications carry alarm names and states, nothing secret.")
            .build()));
    }

    /** The topic's fixed name, by which the stacks with alarms reach it. */
    public static String topicName(String namePrefix) {
        return namePrefix + "-alerts";
    }

}
