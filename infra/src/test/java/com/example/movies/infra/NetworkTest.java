package com.example.movies.infra;

import static com.example.movies.infra.Resources.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The VPC over two zones, NAT or VPC endpoints, flow logs, and the public ALB with access
 * logs.
 */
class NetworkTest {

    private final Template defaults = SynthesizedSystem.DEFAULTS.network;

    private final Template natFree = SynthesizedSystem.ALL_OPTIONS.network;

    @Test
    void vpcSpansTwoZonesWithPublicAndPrivateSubnets() {
        defaults.resourceCountIs("AWS::EC2::VPC", 1);
        defaults.resourceCountIs("AWS::EC2::Subnet", 4);
        assertThat(properties(defaults, "AWS::EC2::Subnet").values())
            .extracting(subnet -> subnet.get("MapPublicIpOnLaunch"))
            .containsOnly(false);
        assertThat(properties(defaults, "AWS::EC2::Subnet").values())
            .extracting(subnet -> subnet.get("AvailabilityZone"))
            .containsOnly(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))),
                    Map.of("Fn::Select", List.of(1, Map.of("Fn::GetAZs", ""))));
    }

    @Test
    void natGatewayCountIsTheParameter() {
        defaults.resourceCountIs("AWS::EC2::NatGateway", 1);
        natFree.resourceCountIs("AWS::EC2::NatGateway", 0);
        // Without NAT the private subnets have no default route at all: only the public
        // ones reach the internet.
        natFree.resourceCountIs("AWS::EC2::Route", 2);
        natFree.allResourcesProperties("AWS::EC2::Route", Map.of("GatewayId", Match.anyValue()));
    }

    @Test
    void vpcEndpointsReplaceNatWhenAskedFor() {
        defaults.resourceCountIs("AWS::EC2::VPCEndpoint", 0);
        assertThat(properties(natFree, "AWS::EC2::VPCEndpoint").values())
            .extracting(endpoint -> String.valueOf(endpoint.get("ServiceName")))
            .hasSize(6)
            .anySatisfy(name -> assertThat(name).contains("ecr.api"))
            .anySatisfy(name -> assertThat(name).contains(".email"))
            .anySatisfy(name -> assertThat(name).contains("ecr.dkr"))
            .anySatisfy(name -> assertThat(name).contains("logs"))
            .anySatisfy(name -> assertThat(name).contains("secretsmanager"))
            .anySatisfy(name -> assertThat(name).contains("s3"));
        natFree.hasResourceProperties("AWS::EC2::SecurityGroup",
                Map.of("GroupDescription", "Interface VPC endpoints: HTTPS from inside the VPC", "SecurityGroupIngress",
                        List.of(Match.objectLike(Map.of("CidrIp", "10.0.0.0/16", "FromPort", 443, "ToPort", 443)))));
    }

    @Test
    void flowLogsRecordAllTrafficToCloudWatchLogs() {
        defaults.hasResourceProperties("AWS::EC2::FlowLog",
                Map.of("ResourceType", "VPC", "TrafficType", "ALL", "LogDestinationType", "cloud-watch-logs"));
    }

    @Test
    void loadBalancerIsInternetFacingWithAccessLogsInAPrivateBucket() {
        String bucket = Resources.logicalId(defaults, "AWS::S3::Bucket",
                Map.of("PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
        defaults
            .hasResourceProperties(
                    "AWS::ElasticLoadBalancingV2::LoadBalancer", Map
                        .of("Scheme", "internet-facing", "Type", "application", "Name", "movies-test",
                                "LoadBalancerAttributes",
                                Match.arrayWith(List.of(
                                        Map.of("Key", "routing.http.drop_invalid_header_fields.enabled", "Value",
                                                "true"),
                                        Map.of("Key", "access_logs.s3.enabled", "Value", "true"),
                                        Map.of("Key", "access_logs.s3.bucket", "Value", Map.of("Ref", bucket))))));
    }

}
