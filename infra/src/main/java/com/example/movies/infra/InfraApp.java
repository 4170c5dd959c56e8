package com.example.movies.infra;

import java.util.Optional;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * Entry point of the CDK app ({@code cdk.json} runs it; the Maven build runs it too and
 * writes {@code infra/cdk.out}).
 */
public final class InfraApp {

    private InfraApp() {
    }

    public static void main(String[] args) {
        // The cdk CLI chooses the output directory through CDK_OUTDIR; run directly,
        // write cdk.out beside cdk.json.
        App app = new App(AppProps.builder().outdir(System.getenv("CDK_OUTDIR") == null ? "cdk.out" : null).build());
        DeploymentParameters parameters = DeploymentParameters.from(key -> app.getNode().tryGetContext(key),
                Optional.ofNullable(System.getenv("CDK_DEFAULT_REGION")));
        MoviesSystem.define(app, parameters);
        app.synth();
    }

}
