package com.example.movies.server;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first step of a shutdown (SIGTERM: how ECS stops a task). By then Boot has turned
 * the readiness probe to REFUSING_TRAFFIC; this keeps serving for
 * {@code movies.shutdown.drain-delay} so that whoever routes requests here (Cloud Map and
 * API Gateway, a load balancer) sees the probe or the deregistration and stops sending.
 * Its answers meanwhile carry {@code Connection: close}, so clients do not keep idle
 * connections that the shutdown would close under them. Only then does the graceful
 * shutdown of the web server (a later phase) refuse new connections and let in-flight
 * requests finish within {@code spring.lifecycle.timeout-per-shutdown-phase}. Zero (the
 * local default) skips the wait; the deployed task sets it, and its ECS stop timeout
 * covers both.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShutdownDrain extends OncePerRequestFilter implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(ShutdownDrain.class);

    private final Duration drainDelay;

    private volatile boolean running;

    private volatile boolean draining;

    ShutdownDrain(@Value("${movies.shutdown.drain-delay}") Duration drainDelay) {
        this.drainDelay = drainDelay;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (this.draining) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        chain.doFilter(request, response);
    }

    @Override
    public void start() {
        this.running = true;
    }

    @Override
    public void stop() {
        if (this.running && !this.drainDelay.isNegative() && !this.drainDelay.isZero()) {
            logger.info("Shutting down: readiness is DOWN, still serving for " + this.drainDelay
                    + " before refusing new connections");
            this.draining = true;
            try {
                Thread.sleep(this.drainDelay.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        this.running = false;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    /**
     * Stopped before everything else, in particular before the web server's graceful
     * shutdown.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

}
