package com.example.movies.infra;

import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;

/**
 * Where tasks and the database run: the VPC and its private subnets (with NAT egress, or
 * isolated where VPC endpoints replace NAT).
 */
public record Placement(IVpc vpc, SubnetSelection subnets) {
}
