package com.example.movies.infra.monitoring;

import java.util.List;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.rds.IDatabaseInstance;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard of the request path's golden signals, in the order a request
 * takes: the gateway and the API (traffic, errors, latency, saturation), the frontend's
 * load balancer and tasks, then the database.
 */
public final class DashboardStack extends Stack {

    public record Props(String namePrefix, HttpApi httpApi, FargateService apiService,
            IApplicationLoadBalancer loadBalancer, ApplicationTargetGroup frontendTargets,
            FargateService frontendService, IDatabaseInstance database) {
    }

    public DashboardStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        MetricOptions sum = MetricOptions.builder().statistic("Sum").period(Duration.minutes(1)).build();
        MetricOptions p99 = MetricOptions.builder().statistic("p99").period(Duration.minutes(1)).build();
        MetricOptions p50 = MetricOptions.builder().statistic("p50").period(Duration.minutes(1)).build();
        Dashboard.Builder.create(this, "Dashboard")
            .dashboardName(props.namePrefix())
            .widgets(List.of(
                    List.of(graph("API: requests", props.httpApi().metricCount(sum)), graph(
                            "API: errors", props.httpApi().metricServerError(sum),
                            props.httpApi().metricClientError(sum)),
                            graph("API: latency (ms)", props.httpApi().metricLatency(p50), props.httpApi()
                                .metricLatency(p99)),
                            graph("API tasks: CPU and memory (%)", props.apiService().metricCpuUtilization(),
                                    props.apiService().metricMemoryUtilization())),
                    List.of(graph("Frontend: requests", props.loadBalancer().getMetrics().requestCount(sum)), graph(
                            "Frontend: errors",
                            props.loadBalancer().getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sum),
                            props.frontendTargets().getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum)),
                            graph("Frontend: response time (s)",
                                    props.frontendTargets().getMetrics().targetResponseTime(p99)),
                            graph("Frontend tasks: CPU and memory (%)", props.frontendService().metricCpuUtilization(),
                                    props.frontendService().metricMemoryUtilization())),
                    List.of(graph("Database: CPU (%)", props.database().metricCPUUtilization()),
                            graph("Database: connections", props.database().metricDatabaseConnections()),
                            graph("Database: free storage (bytes)", props.database().metricFreeStorageSpace()),
                            graph("Database: CPU credits", props.database().metric("CPUCreditBalance")))))
            .build();
    }

    private static IWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(6).build();
    }

}
