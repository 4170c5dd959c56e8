package com.example.movies.infra.monitoring;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpApiAttributes;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.constructs.Construct;

import com.example.movies.infra.SharedValue;
import com.example.movies.infra.api.ApiStack;
import com.example.movies.infra.frontend.FrontendStack;

/**
 * One CloudWatch dashboard of the request path's golden signals, in the order a request
 * takes: the gateway and the API (traffic, errors, latency, saturation), the frontend's
 * load balancer and tasks, then the database. It imports nothing: the clusters have fixed
 * names and everything else comes as a {@link SharedValue}, so no parameter change of the
 * other stacks is ever blocked by the dashboard.
 */
public final class DashboardStack extends Stack {

    public DashboardStack(Construct scope, String id, StackProps stackProps, String namePrefix) {
        super(scope, id, stackProps);
        MetricOptions sum = MetricOptions.builder().statistic("Sum").period(Duration.minutes(1)).build();
        MetricOptions p99 = MetricOptions.builder().statistic("p99").period(Duration.minutes(1)).build();
        MetricOptions p50 = MetricOptions.builder().statistic("p50").period(Duration.minutes(1)).build();
        IHttpApi httpApi = HttpApi.fromHttpApiAttributes(this, "HttpApi",
                HttpApiAttributes.builder().httpApiId(SharedValue.API_ID.read(this, namePrefix)).build());
        Map<String, String> apiService = Map.of("ClusterName", ApiStack.name(namePrefix), "ServiceName",
                SharedValue.API_SERVICE_NAME.read(this, namePrefix));
        Map<String, String> frontendService = Map.of("ClusterName", FrontendStack.name(namePrefix), "ServiceName",
                SharedValue.FRONTEND_SERVICE_NAME.read(this, namePrefix));
        String loadBalancer = SharedValue.LOAD_BALANCER_FULL_NAME.read(this, namePrefix);
        Map<String, String> alb = Map.of("LoadBalancer", loadBalancer);
        Map<String, String> targets = Map.of("LoadBalancer", loadBalancer, "TargetGroup",
                SharedValue.FRONTEND_TARGET_GROUP_FULL_NAME.read(this, namePrefix));
        Map<String, String> database = Map.of("DBInstanceIdentifier",
                SharedValue.DATABASE_INSTANCE_ID.read(this, namePrefix));
        // @formatter:off
        Dashboard.Builder.create(this, "Dashboard")
            .dashboardName(namePrefix)
            .widgets(List.of(
                    List.of(graph("API: requests", httpApi.metricCount(sum)),
                            graph("API: errors", httpApi.metricServerError(sum), httpApi.metricClientError(sum)),
                            graph("API: latency (ms)", httpApi.metricLatency(p50), httpApi.metricLatency(p99)),
                            graph("API tasks: CPU and memory (%)", metric("AWS/ECS", "CPUUtilization", apiService, null),
                                    metric("AWS/ECS", "MemoryUtilization", apiService, null))),
                    List.of(graph("Frontend: requests", metric("AWS/ApplicationELB", "RequestCount", alb, sum)),
                            graph("Frontend: errors", metric("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", alb, sum),
                                    metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", targets, sum)),
                            graph("Frontend: response time (s)",
                                    metric("AWS/ApplicationELB", "TargetResponseTime", targets, p99)),
                            graph("Frontend tasks: CPU and memory (%)",
                                    metric("AWS/ECS", "CPUUtilization", frontendService, null),
                                    metric("AWS/ECS", "MemoryUtilization", frontendService, null))),
                    List.of(graph("Database: CPU (%)", metric("AWS/RDS", "CPUUtilization", database, null)),
                            graph("Database: connections", metric("AWS/RDS", "DatabaseConnections", database, null)),
                            graph("Database: free storage (bytes)", metric("AWS/RDS", "FreeStorageSpace", database, null)),
                            graph("Database: CPU credits", metric("AWS/RDS", "CPUCreditBalance", database, null)))))
            .build();
        // @formatter:on
    }

    /**
     * A metric of {@code namespace}; without {@code options}, CloudWatch's default
     * (average over 5 minutes), as the services' own metric methods give.
     */
    private static Metric metric(String namespace, String name, Map<String, String> dimensions, MetricOptions options) {
        return Metric.Builder.create()
            .namespace(namespace)
            .metricName(name)
            .dimensionsMap(dimensions)
            .statistic(options == null ? "Average" : options.getStatistic())
            .period(options == null ? Duration.minutes(5) : options.getPeriod())
            .build();
    }

    private static IWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(6).build();
    }

}
