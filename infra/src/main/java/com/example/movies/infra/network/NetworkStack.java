package com.example.movies.infra.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IInterfaceVpcEndpointService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

import com.example.movies.infra.DeploymentParameters;
import com.example.movies.infra.Placement;
import com.example.movies.infra.SharedValue;

/**
 * The VPC (two availability zones, public subnets for the load balancer, private ones for
 * tasks and the database), its flow logs, optional VPC endpoints, and the internet-facing
 * ALB.
 *
 * <p>
 * The ALB lives here rather than in the frontend stack because both other edges need its
 * address before the frontend exists: the API's CORS origin is the frontend's URL, and
 * the frontend needs the API's URL. Keeping it here makes the stack order network → data
 * → api → frontend acyclic.
 */
public final class NetworkStack extends Stack {

    /**
     * @param network NAT gateways or VPC endpoints
     * @param sesEndpoint whether the VPC endpoints include SES's (the API sends mail
     * through SES)
     */
    public record Props(String namePrefix, DeploymentParameters.Network network, boolean sesEndpoint) {
    }

    /**
     * The firewall's limit per client address, in five minutes: far above a person's use
     * of the UI.
     */
    public static final int REQUESTS_PER_ADDRESS = 1000;

    private static final String VPC_CIDR = "10.0.0.0/16";

    private final Vpc vpc;

    private final SubnetSelection privateSubnets;

    private final ApplicationLoadBalancer loadBalancer;

    public NetworkStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);

        // Without NAT the private subnets have no route out at all; tasks then use the
        // VPC endpoints.
        SubnetType privateType = props.network().natGateways() > 0 ? SubnetType.PRIVATE_WITH_EGRESS
                : SubnetType.PRIVATE_ISOLATED;
        vpc = Vpc.Builder.create(this, "Vpc")
            .ipAddresses(IpAddresses.cidr(VPC_CIDR))
            .maxAzs(2)
            .natGateways(props.network().natGateways())
            .subnetConfiguration(List.of(
                    SubnetConfiguration.builder()
                        .name("public")
                        .subnetType(SubnetType.PUBLIC)
                        .cidrMask(24)
                        .mapPublicIpOnLaunch(false)
                        .build(),
                    SubnetConfiguration.builder().name("private").subnetType(privateType).cidrMask(20).build()))
            .build();
        privateSubnets = SubnetSelection.builder().subnetType(privateType).build();

        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs").retention(RetentionDays.ONE_MONTH).build();
        vpc.addFlowLog("FlowLog",
                FlowLogOptions.builder()
                    .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                    .trafficType(FlowLogTrafficType.ALL)
                    .build());

        if (props.network().vpcEndpoints()) {
            addEndpointsForTasks(props.sesEndpoint());
        }

        Bucket accessLogs = Bucket.Builder.create(this, "LoadBalancerAccessLogs")
            // The only encryption ALB log delivery supports.
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(90)).build()))
            .build();
        NagSuppressions.addResourceSuppressions(accessLogs, List.of(NagPackSuppression.builder()
            .id("AwsSolutions-S1")
            .reason("This bucket receives the ALB's access logs; logging access to the log bucket itself would need yet another bucket and adds nothing for this app.")
            .build()));

        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
            .vpc(vpc)
            .internetFacing(true)
            .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
            // An explicit lowercase name makes the DNS name lowercase, so the frontend's
            // origin as the browser sends it equals the CORS origin the API allows.
            .loadBalancerName(props.namePrefix())
            .dropInvalidHeaderFields(true)
            .build();
        loadBalancer.logAccessLogs(accessLogs);
        SharedValue.LOAD_BALANCER_FULL_NAME.publish(this, props.namePrefix(), loadBalancer.getLoadBalancerFullName());
        addFirewall();
        NagSuppressions.addResourceSuppressions(loadBalancer, List.of(NagPackSuppression.builder()
            .id("AwsSolutions-EC23")
            .reason("The ALB is the public entry point of the frontend: its listeners must admit any IPv4 address on 80/443.")
            .build()), true);
    }

    /**
     * Interface endpoints for what Fargate tasks call (image pulls, logs, secrets, and
     * the SES API when the API sends mail through SES) and the S3 gateway for image
     * layers.
     */
    private void addEndpointsForTasks(boolean ses) {
        vpc.addGatewayEndpoint("S3",
                GatewayVpcEndpointOptions.builder()
                    .service(GatewayVpcEndpointAwsService.S3)
                    .subnets(List.of(privateSubnets))
                    .build());
        Map<String, IInterfaceVpcEndpointService> services = new TreeMap<>(Map.of("EcrApi",
                InterfaceVpcEndpointAwsService.ECR, "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER, "Logs",
                InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS, "SecretsManager",
                InterfaceVpcEndpointAwsService.SECRETS_MANAGER));
        if (ses) {
            services.put("Ses", InterfaceVpcEndpointAwsService.EMAIL);
        }
        SecurityGroup endpoints = SecurityGroup.Builder.create(this, "EndpointSecurityGroup")
            .vpc(vpc)
            .description("Interface VPC endpoints: HTTPS from inside the VPC")
            .allowAllOutbound(false)
            .build();
        endpoints.addIngressRule(Peer.ipv4(VPC_CIDR), Port.tcp(443), "HTTPS from inside the VPC");
        services.keySet()
            .stream()
            .sorted()
            .forEach(id -> vpc.addInterfaceEndpoint(id,
                    InterfaceVpcEndpointOptions.builder()
                        .service(services.get(id))
                        .subnets(privateSubnets)
                        .securityGroups(List.of(endpoints))
                        .open(false)
                        .privateDnsEnabled(true)
                        .build()));
    }

    /**
     * AWS WAF in front of the ALB: AWS's managed rules (common exploits, known bad
     * inputs, addresses with a bad reputation) and at most {@value #REQUESTS_PER_ADDRESS}
     * requests per client address in five minutes.
     */
    private void addFirewall() {
        List<CfnWebACL.RuleProperty> rules = new ArrayList<>();
        rules.add(CfnWebACL.RuleProperty.builder()
            .name("RequestsPerAddress")
            .priority(0)
            .action(CfnWebACL.RuleActionProperty.builder()
                .block(CfnWebACL.BlockActionProperty.builder().build())
                .build())
            .statement(CfnWebACL.StatementProperty.builder()
                .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                    .limit(REQUESTS_PER_ADDRESS)
                    .aggregateKeyType("IP")
                    .build())
                .build())
            .visibilityConfig(visibility("RequestsPerAddress"))
            .build());
        List<String> managed = List.of("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet",
                "AWSManagedRulesKnownBadInputsRuleSet");
        for (int i = 0; i < managed.size(); i++) {
            rules.add(CfnWebACL.RuleProperty.builder()
                .name(managed.get(i))
                .priority(i + 1)
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                    .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                        .vendorName("AWS")
                        .name(managed.get(i))
                        .build())
                    .build())
                .visibilityConfig(visibility(managed.get(i)))
                .build());
        }
        CfnWebACL firewall = CfnWebACL.Builder.create(this, "Firewall")
            .scope("REGIONAL")
            .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                .allow(CfnWebACL.AllowActionProperty.builder().build())
                .build())
            .visibilityConfig(visibility("Frontend"))
            .rules(rules)
            .build();
        CfnWebACLAssociation.Builder.create(this, "FirewallAssociation")
            .resourceArn(loadBalancer.getLoadBalancerArn())
            .webAclArn(firewall.getAttrArn())
            .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String name) {
        return CfnWebACL.VisibilityConfigProperty.builder()
            .metricName(name)
            .cloudWatchMetricsEnabled(true)
            .sampledRequestsEnabled(true)
            .build();
    }

    /**
     * Where tasks and the database go: the VPC's private subnets, with NAT egress, or
     * isolated when the VPC endpoints replace NAT.
     */
    public Placement privateSubnets() {
        return new Placement(vpc, privateSubnets);
    }

    public IApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

}
