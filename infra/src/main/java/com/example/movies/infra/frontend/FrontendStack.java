package com.example.movies.infra.frontend;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ecs.AlarmBehavior;
import software.amazon.awscdk.services.ecs.DeploymentAlarmOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.constructs.Construct;

import com.example.movies.infra.DeploymentParameters.CustomDomain;
import com.example.movies.infra.DeploymentParameters.Service;
import com.example.movies.infra.Placement;
import com.example.movies.infra.HardenedFargateService;
import com.example.movies.infra.SharedValue;
import com.example.movies.infra.monitoring.Alarms;

/**
 * The React frontend: its ECR repository and the ECS cluster "frontend" running the nginx
 * image on Fargate in private subnets behind the network stack's ALB. The image learns
 * the API's URL at container start.
 */
public final class FrontendStack extends Stack {

    /** nginx's port and health path (contract with the frontend module). */
    public static final int CONTAINER_PORT = 8080;

    public static final String HEALTH_PATH = "/healthz";

    /**
     * @param imageTag the tag of the image the tasks run
     * @param placement the VPC and the tasks' subnets
     * @param service the tasks' size and counts
     * @param loadBalancer the network stack's ALB, whose listeners this stack adds
     * @param domain the custom domain the ALB serves over HTTPS, if any
     * @param apiBaseUrl the gateway's URL, which the image learns at container start
     * @param frontendUrl the URL users open
     */
    public record Props(String namePrefix, String imageTag, Placement placement, Service service,
            IApplicationLoadBalancer loadBalancer, Optional<CustomDomain> domain, String apiBaseUrl,
            String frontendUrl) {
    }

    public FrontendStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);

        // nginx only answers: the tasks send nothing but HTTPS to AWS APIs (image pull,
        // logs).
        HardenedFargateService fargate = new HardenedFargateService(this,
                new HardenedFargateService.Props(name(props.namePrefix()), props.placement(), props.service(),
                        props.imageTag(), "Frontend tasks", "ECR, CloudWatch Logs"));
        Repository repository = fargate.repository();
        fargate.addContainer("frontend",
                ContainerDefinitionOptions.builder()
                    .portMappings(List.of(PortMapping.builder().containerPort(CONTAINER_PORT).build()))
                    .environment(Map.of("API_BASE_URL", props.apiBaseUrl())));
        NagSuppressions.addResourceSuppressions(fargate.taskDefinition(), List.of(NagPackSuppression.builder()
            .id("AwsSolutions-ECS2")
            .reason("API_BASE_URL is the public gateway URL, not a secret: one image serves every environment and reads it at container start.")
            .build()));
        FargateService service = fargate
            .createService((options) -> options.healthCheckGracePeriod(Duration.seconds(30)));

        // One target group, whatever the listeners: its logical id must not depend on
        // whether a domain is set, or adding a domain would replace it. Forwarding to it
        // also opens the tasks' security group to the ALB's, and only to it.
        // @formatter:off
        ApplicationTargetGroup targetGroup = ApplicationTargetGroup.Builder.create(this, "FrontendTargets")
            .vpc(props.placement().vpc())
            .targets(List.of(service))
            .port(CONTAINER_PORT)
            .protocol(ApplicationProtocol.HTTP)
            .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                .path(HEALTH_PATH)
                .healthyHttpCodes("200")
                .interval(Duration.seconds(15))
                .build())
            .deregistrationDelay(Duration.seconds(15))
            .build();
        ApplicationListener.Builder http = ApplicationListener.Builder.create(this, "HttpListener")
            .loadBalancer(props.loadBalancer())
            .port(80)
            .protocol(ApplicationProtocol.HTTP)
            .open(true);
        if (props.domain().isPresent()) {
            ApplicationListener.Builder.create(this, "HttpsListener")
                .loadBalancer(props.loadBalancer())
                .port(443)
                .protocol(ApplicationProtocol.HTTPS)
                .certificates(List.of(ListenerCertificate.fromArn(props.domain().get().certificateArn())))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .open(true)
                .defaultTargetGroups(List.of(targetGroup))
                .build();
            http.defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                .protocol("HTTPS")
                .port("443")
                .permanent(true)
                .build()));
        }
        else {
            http.defaultTargetGroups(List.of(targetGroup));
        }
        http.build();
        // @formatter:on

        // What users see: the load balancer's own 5xx, the tasks' 5xx and unhealthy
        // tasks. The last two roll a frontend deploy back.
        Alarms alarms = new Alarms(this, props.namePrefix());
        MetricOptions fiveMinutes = MetricOptions.builder().statistic("Sum").period(Duration.minutes(5)).build();
        alarms.above("Alb5xx", props.loadBalancer().getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, fiveMinutes),
                10, 1,
                "The load balancer answered 5xx itself (no healthy task, or a task failed) 10 times in 5 minutes.");
        Alarm targetErrors = alarms.above("FrontendTarget5xx",
                targetGroup.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, fiveMinutes), 10, 1,
                "The frontend tasks answered 5xx 10 times in 5 minutes.");
        Alarm unhealthy = alarms.above("FrontendUnhealthyTargets", targetGroup.getMetrics()
            .unhealthyHostCount(MetricOptions.builder().statistic("Maximum").period(Duration.minutes(1)).build()), 1, 3,
                "A frontend task failed the load balancer's health check for 3 minutes.");
        fargate.addServiceAlarms(alarms, service, "Frontend");
        service.enableDeploymentAlarms(List.of(targetErrors.getAlarmName(), unhealthy.getAlarmName()),
                DeploymentAlarmOptions.builder().behavior(AlarmBehavior.ROLLBACK_ON_ALARM).build());
        SharedValue.FRONTEND_SERVICE_NAME.publish(this, props.namePrefix(), service.getServiceName());
        SharedValue.FRONTEND_TARGET_GROUP_FULL_NAME.publish(this, props.namePrefix(),
                targetGroup.getTargetGroupFullName());

        CfnOutput.Builder.create(this, "LoadBalancerDnsName")
            .value(props.loadBalancer().getLoadBalancerDnsName())
            .description("DNS name of the frontend's ALB (point the custom domain here, if any)")
            .build();
        CfnOutput.Builder.create(this, "FrontendUrl")
            .value(props.frontendUrl())
            .description("URL of the frontend")
            .build();
        CfnOutput.Builder.create(this, "FrontendRepositoryUri")
            .value(repository.getRepositoryUri())
            .description("ECR repository of the frontend image")
            .build();
    }

    /**
     * The name of the frontend's ECR repository and ECS cluster, e.g.
     * {@code movies-dev-frontend}.
     */
    public static String name(String namePrefix) {
        return namePrefix + "-frontend";
    }

}
