package com.example.movies.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryEncryption;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import com.example.movies.infra.DeploymentParameters.Service;
import com.example.movies.infra.monitoring.Alarms;

/**
 * An ECS Fargate service built and hardened alike for the API and the frontend: its image
 * repository (scanned on push, KMS-encrypted, the last 20 images), a cluster with
 * Container Insights, a Linux x86-64 task definition, a log group kept a month, a task
 * security group with nothing in and only HTTPS out, and a service in private subnets
 * without public addresses whose deployments keep full capacity and roll back when new
 * tasks do not become healthy. The stacks only wire it: its container, and what the
 * service is reached through.
 *
 * <p>
 * The construct's id is {@code Default}, which CDK leaves out of logical ids: its parts
 * keep the ids they had as the stack's own children ({@code Repository}, {@code Cluster},
 * {@code Task}, ...), so no deployed resource is replaced. One per stack.
 */
public final class HardenedFargateService extends Construct {

    /**
     * @param name the repository's and the cluster's name
     * @param placement the VPC and the subnets of the tasks
     * @param service the tasks' size and counts
     * @param imageTag the tag of the image the tasks run
     * @param tasks what the tasks are, for the security group's description
     * @param awsApis the AWS APIs the tasks call over HTTPS, for the egress rule's
     * description
     */
    public record Props(String name, Placement placement, Service service, String imageTag, String tasks,
            String awsApis) {
    }

    private final Props props;

    private final Repository repository;

    private final Cluster cluster;

    private final FargateTaskDefinition taskDefinition;

    private final LogGroup logs;

    private final SecurityGroup securityGroup;

    public HardenedFargateService(Construct scope, Props props) {
        super(scope, "Default");
        this.props = props;
        this.repository = Repository.Builder.create(this, "Repository")
            .repositoryName(props.name())
            .imageScanOnPush(true)
            .encryption(RepositoryEncryption.KMS)
            .lifecycleRules(List.of(LifecycleRule.builder().maxImageCount(20).build()))
            .build();
        this.cluster = Cluster.Builder.create(this, "Cluster")
            .clusterName(props.name())
            .vpc(props.placement().vpc())
            .containerInsightsV2(ContainerInsights.ENABLED)
            .build();
        this.taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
            .cpu(props.service().task().cpu())
            .memoryLimitMiB(props.service().task().memoryMiB())
            .runtimePlatform(RuntimePlatform.builder()
                .cpuArchitecture(CpuArchitecture.X86_64)
                .operatingSystemFamily(OperatingSystemFamily.LINUX)
                .build())
            .build();
        this.logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH).build();
        this.securityGroup = SecurityGroup.Builder.create(this, "TaskSecurityGroup")
            .vpc(props.placement().vpc())
            .description(props.tasks())
            .allowAllOutbound(false)
            .build();
        this.securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "AWS APIs: " + props.awsApis());
    }

    /**
     * Adds the task's container: the repository's image at the deployment's tag, logging
     * to the service's log group under the container's name. Acknowledges to cdk-nag that
     * the execution role may call {@code ecr:GetAuthorizationToken}, which has no
     * resource-level permissions; image pulls are limited to the repository.
     */
    public ContainerDefinition addContainer(String name, ContainerDefinitionOptions.Builder options) {
        ContainerDefinition container = this.taskDefinition
            .addContainer(name, options.image(ContainerImage.fromEcrRepository(this.repository, this.props.imageTag()))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(this.logs).streamPrefix(name).build()))
                .build());
        NagSuppressions.addResourceSuppressions(this.taskDefinition.obtainExecutionRole(), List.of(NagPackSuppression
            .builder()
            .id("AwsSolutions-IAM5")
            .reason("ecr:GetAuthorizationToken has no resource-level permissions: AWS requires Resource *. Image pulls themselves are limited to this stack's repository.")
            .appliesTo(List.of("Resource::*"))
            .build()), true);
        return container;
    }

    /**
     * Creates the service once its container is added; {@code options} adds what only
     * this service has. Autoscaling owns its task count (between the desired count and
     * the maximum, aiming at 60 % CPU), so the template has no DesiredCount: a deploy
     * never resets a count autoscaling chose (CloudFormation leaves an absent one as it
     * is). Only a desired count of 0 (a first deploy, before any image exists) is
     * written.
     */
    public FargateService createService(UnaryOperator<FargateService.Builder> options) {
        FargateService service = options
            .apply(FargateService.Builder.create(this, "Service")
                .cluster(this.cluster)
                .taskDefinition(this.taskDefinition)
                .desiredCount((this.props.service().desiredCount() == 0) ? 0 : null)
                .vpcSubnets(this.props.placement().subnets())
                .securityGroups(List.of(this.securityGroup))
                .assignPublicIp(false)
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build()))
            .build();
        service
            .autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(this.props.service().desiredCount())
                .maxCapacity(this.props.service().maxCount())
                .build())
            .scaleOnCpuUtilization("Cpu",
                    CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(60)
                        .scaleOutCooldown(Duration.seconds(60))
                        .scaleInCooldown(Duration.seconds(300))
                        .build());
        return service;
    }

    /**
     * The alarms every service has: fewer tasks running than desired for five minutes
     * (tasks that cannot start, or keep failing), and CPU or memory near the task's size.
     */
    public void addServiceAlarms(Alarms alarms, FargateService service, String label) {
        Map<String, String> dimensions = Map.of("ClusterName", this.cluster.getClusterName(), "ServiceName",
                service.getServiceName());
        MathExpression missing = MathExpression.Builder.create()
            .expression("desired - running")
            // Sorted: Map.of's order changes from one JVM to the next, and with it the
            // template.
            .usingMetrics(new TreeMap<>(Map.of("desired", containerInsights("DesiredTaskCount", dimensions), "running",
                    containerInsights("RunningTaskCount", dimensions))))
            .period(Duration.minutes(1))
            .label(label + " tasks missing")
            .build();
        alarms.above(label + "TasksBelowDesired", missing, 1, 5,
                label + ": fewer tasks run than desired for 5 minutes.");
        alarms.above(label + "Cpu", service.metricCpuUtilization(), 85, 3,
                label + ": CPU at 85 % or more of the task size for 15 minutes.");
        alarms.above(label + "Memory", service.metricMemoryUtilization(), 85, 3,
                label + ": memory at 85 % or more of the task size for 15 minutes.");
    }

    private static Metric containerInsights(String name, Map<String, String> dimensions) {
        return Metric.Builder.create()
            .namespace("ECS/ContainerInsights")
            .metricName(name)
            .dimensionsMap(dimensions)
            .statistic("Average")
            .period(Duration.minutes(1))
            .build();
    }

    public Repository repository() {
        return this.repository;
    }

    public FargateTaskDefinition taskDefinition() {
        return this.taskDefinition;
    }

    public LogGroup logs() {
        return this.logs;
    }

}
