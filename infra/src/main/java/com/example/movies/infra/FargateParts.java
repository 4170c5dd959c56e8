package com.example.movies.infra;

import java.util.List;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryEncryption;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import com.example.movies.infra.DeploymentParameters.TaskSize;

/**
 * The parts both ECS services (api, frontend) are made of, so that both are built and
 * hardened alike. Each part takes its stack as scope and keeps the construct id it had
 * there ("Repository", "Cluster", "Task", ...).
 */
public final class FargateParts {

    private FargateParts() {
    }

    /**
     * An image repository: scanned on push, encrypted with the account's AWS managed ECR
     * key, the last 20 images.
     */
    public static Repository repository(Construct scope, String name) {
        return Repository.Builder.create(scope, "Repository")
            .repositoryName(name)
            .imageScanOnPush(true)
            .encryption(RepositoryEncryption.KMS)
            .lifecycleRules(List.of(LifecycleRule.builder().maxImageCount(20).build()))
            .build();
    }

    public static Cluster cluster(Construct scope, String name, IVpc vpc) {
        return Cluster.Builder.create(scope, "Cluster")
            .clusterName(name)
            .vpc(vpc)
            .containerInsightsV2(ContainerInsights.ENABLED)
            .build();
    }

    /** A Linux x86-64 task definition of this size. */
    public static FargateTaskDefinition taskDefinition(Construct scope, TaskSize size) {
        return FargateTaskDefinition.Builder.create(scope, "Task")
            .cpu(size.cpu())
            .memoryLimitMiB(size.memoryMiB())
            .runtimePlatform(RuntimePlatform.builder()
                .cpuArchitecture(CpuArchitecture.X86_64)
                .operatingSystemFamily(OperatingSystemFamily.LINUX)
                .build())
            .build();
    }

    /**
     * Acknowledges to cdk-nag that the task's execution role may call
     * ecr:GetAuthorizationToken, which has no resource-level permissions; image pulls are
     * limited to the stack's repository. Call it once the container with the repository's
     * image is added (that makes the role's policy).
     */
    public static void acknowledgeEcrAuthorization(FargateTaskDefinition task) {
        NagSuppressions.addResourceSuppressions(task.obtainExecutionRole(), List.of(NagPackSuppression.builder()
            .id("AwsSolutions-IAM5")
            .reason("ecr:GetAuthorizationToken has no resource-level permissions: AWS requires Resource *. Image pulls themselves are limited to this stack's repository.")
            .appliesTo(List.of("Resource::*"))
            .build()), true);
    }

    /** The containers' log group, kept a month. */
    public static LogGroup logs(Construct scope) {
        return LogGroup.Builder.create(scope, "Logs").retention(RetentionDays.ONE_MONTH).build();
    }

    /**
     * The tasks' security group: nothing in until a peer is allowed, nothing out but
     * HTTPS to AWS APIs.
     */
    public static SecurityGroup taskSecurityGroup(Construct scope, IVpc vpc, String description, String awsApis) {
        SecurityGroup group = SecurityGroup.Builder.create(scope, "TaskSecurityGroup")
            .vpc(vpc)
            .description(description)
            .allowAllOutbound(false)
            .build();
        group.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "AWS APIs: " + awsApis);
        return group;
    }

    /**
     * A service in private subnets without public addresses, whose deployments keep full
     * capacity and roll back when the new tasks do not become healthy.
     */
    public static FargateService.Builder service(Construct scope, Cluster cluster, FargateTaskDefinition task,
            int desiredCount, SubnetSelection subnets, SecurityGroup securityGroup) {
        return FargateService.Builder.create(scope, "Service")
            .cluster(cluster)
            .taskDefinition(task)
            .desiredCount(desiredCount)
            .vpcSubnets(subnets)
            .securityGroups(List.of(securityGroup))
            .assignPublicIp(false)
            .minHealthyPercent(100)
            .maxHealthyPercent(200)
            .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build());
    }

}
