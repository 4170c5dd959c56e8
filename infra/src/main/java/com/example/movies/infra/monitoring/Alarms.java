package com.example.movies.infra.monitoring;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The system's alarms, alike: named {@code <prefix>-<id>} (the runbook in infra/README.md
 * lists each), notifying the alerts topic when they fire and when they recover, and
 * missing data is not a breach (no traffic is not an outage). The topic is named by its
 * fixed name, not imported: the alerts stack exports nothing (the stacks with alarms
 * depend on it, so it deploys first).
 */
public final class Alarms {

    private final Construct scope;

    private final String namePrefix;

    private final ITopic topic;

    public Alarms(Construct scope, String namePrefix) {
        this.scope = scope;
        this.namePrefix = namePrefix;
        this.topic = Topic.fromTopicArn(scope, "AlertsTopic", Stack.of(scope)
            .formatArn(ArnComponents.builder().service("sns").resource(AlertsStack.topicName(namePrefix)).build()));
    }

    /**
     * An alarm when {@code metric} is at or above {@code threshold} for {@code periods}.
     */
    public Alarm above(String id, IMetric metric, double threshold, int periods, String description) {
        return create(id, metric, threshold, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, periods,
                description);
    }

    /**
     * An alarm when {@code metric} is at or below {@code threshold} for {@code periods}.
     */
    public Alarm below(String id, IMetric metric, double threshold, int periods, String description) {
        return create(id, metric, threshold, ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD, periods, description);
    }

    private Alarm create(String id, IMetric metric, double threshold, ComparisonOperator operator, int periods,
            String description) {
        Alarm alarm = Alarm.Builder.create(scope, id)
            .alarmName(namePrefix + "-" + id)
            .alarmDescription(description + " Runbook: infra/README.md, \"Alarms\".")
            .metric(metric)
            .threshold(threshold)
            .comparisonOperator(operator)
            .evaluationPeriods(periods)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
        SnsAction action = new SnsAction(topic);
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
        return alarm;
    }

}
