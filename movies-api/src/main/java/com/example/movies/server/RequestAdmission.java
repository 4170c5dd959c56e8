package com.example.movies.server;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.filter.OncePerRequestFilter;
import com.example.movies.web.error.ApiException;
import com.example.movies.web.error.ErrorResponses;

/**
 * Admission control: at most {@code max-active} requests run at once and the others wait
 * for their turn in arrival order, at most {@code max-wait}, then get the DRF 503 with
 * {@code Retry-After}. Few requests competing for the cores at once keep the latency's
 * tail short: the same load on 2 cores had a p99 of 21 to 23 ms with every request
 * running at once and 8 to 9 ms with 4 (bench/FINDINGS.md). Tomcat's many threads still
 * take and hold the waiting requests, so the probes ({@code /actuator/}, not admitted
 * here) are answered even while every turn is taken by a request waiting on a slow
 * database; such a wait is bounded (pool and statement timeouts), and the turn wait on
 * top of it, so every request is answered in bounded time and an overload is shed with
 * 503s instead of a growing queue.
 */
class RequestAdmission extends OncePerRequestFilter {

    private static final Log logger = LogFactory.getLog(RequestAdmission.class);

    private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final Semaphore turns;

    private final int activeRequests;

    private final long maxWaitNanos;

    private final AtomicLong refused = new AtomicLong();

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

    RequestAdmission(int activeRequests, Duration maxWait) {
        this.turns = new Semaphore(activeRequests, true);
        this.activeRequests = activeRequests;
        this.maxWaitNanos = maxWait.toNanos();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!admit()) {
            warnRefused();
            ErrorResponses.write(response, ApiException.serviceUnavailable());
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            this.turns.release();
        }
    }

    private boolean admit() {
        try {
            return this.turns.tryAcquire(this.maxWaitNanos, TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * At most one line per 10 s, with the count since the last: an overload would
     * otherwise log per request.
     */
    private void warnRefused() {
        long count = this.refused.incrementAndGet();
        long last = this.lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARNING_INTERVAL_NANOS && this.lastWarning.compareAndSet(last, now)) {
            this.refused.addAndGet(-count);
            logger.warn("Busy: " + count + " request(s) waited longer than " + Duration.ofNanos(this.maxWaitNanos)
                    + " for one of " + this.activeRequests + " turns and were answered 503");
        }
    }

}
