package com.example.movies.e2e.stack;

import java.net.URI;

/**
 * A system that already runs, for example the deployed one: the API gateway's URL and the
 * frontend's load balancer URL come from configuration and nothing is started. The
 * suite's tests clean up what they create, and {@link #disposable()} is false, so running
 * it against production is safe.
 */
public final class DeployedStack implements Stack {

    private final Endpoints endpoints;

    public DeployedStack(URI apiUrl, URI frontendUrl, Credentials admin) {
        this.endpoints = new Endpoints(withoutTrailingSlash(apiUrl), withoutTrailingSlash(frontendUrl), admin);
    }

    /**
     * Reads {@code e2e.apiUrl}, {@code e2e.frontendUrl}, {@code e2e.adminUsername},
     * {@code e2e.adminPassword}.
     */
    public static DeployedStack fromSettings() {
        return new DeployedStack(withScheme(Settings.require("e2e.apiUrl")),
                withScheme(Settings.require("e2e.frontendUrl")),
                new Credentials(Settings.require("e2e.adminUsername"), Settings.require("e2e.adminPassword")));
    }

    @Override
    public void start() {
        // Already running.
    }

    @Override
    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public boolean disposable() {
        return false;
    }

    @Override
    public void close() {
        // Nothing was started.
    }

    /**
     * An ALB DNS name is given bare ({@code my-alb-123.eu-west-1.elb.amazonaws.com}): it
     * answers on HTTP.
     */
    private static URI withScheme(String url) {
        return URI.create(url.contains("://") ? url : "http://" + url);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

}
