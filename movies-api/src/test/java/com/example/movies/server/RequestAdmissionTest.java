package com.example.movies.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Turns: how many requests run at once, how long the others wait, and what they get when
 * they waited too long.
 */
class RequestAdmissionTest {

    static final Duration MAX_WAIT = Duration.ofMillis(300);

    final RequestAdmission admission = new RequestAdmission(1, MAX_WAIT);

    final CountDownLatch entered = new CountDownLatch(1);

    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseTheTurn() {
        this.release.countDown();
    }

    /** Takes the only turn in the background until {@link #release} opens. */
    CompletableFuture<MockHttpServletResponse> holdTheTurn() throws InterruptedException {
        CompletableFuture<MockHttpServletResponse> holder = CompletableFuture
            .supplyAsync(() -> call("/api/v1/movie", (request, response) -> {
                this.entered.countDown();
                await(this.release);
            }));
        assertThat(this.entered.await(5, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    MockHttpServletResponse call(String path, FilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            this.admission.doFilter(request, response, chain);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return response;
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRequestWaitsForItsTurnAtMostMaxWaitThenGetsTheDrf503() throws Exception {
        CompletableFuture<MockHttpServletResponse> holder = holdTheTurn();
        AtomicBoolean ran = new AtomicBoolean();
        long start = System.nanoTime();
        MockHttpServletResponse refused = call("/api/v1/movie", (request, response) -> ran.set(true));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(ran).isFalse();
        assertThat(waitedMillis).isBetween(MAX_WAIT.toMillis() - 10, MAX_WAIT.toMillis() + 2000);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentAsString())
            .isEqualTo("{\"detail\":\"Service temporarily unavailable, try again later.\"}");
        assertThat(refused.getContentType()).isEqualTo("application/json");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(refused.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        this.release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(call("/api/v1/movie", (request, response) -> ran.set(true)).getStatus()).isEqualTo(200);
        assertThat(ran).as("the turn was given back").isTrue();
    }

    @Test
    void aWaitingRequestRunsAsSoonAsTheTurnIsFree() throws Exception {
        holdTheTurn();
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            call("/api/v1/movie", (request, response) -> {
            });
            return (System.nanoTime() - start) / 1_000_000;
        });
        Thread.sleep(MAX_WAIT.toMillis() / 3);
        this.release.countDown();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isLessThan(MAX_WAIT.toMillis());
    }

    @Test
    void probesNeverWait() throws Exception {
        holdTheTurn();
        AtomicBoolean ran = new AtomicBoolean();
        long start = System.nanoTime();
        assertThat(call("/actuator/health/readiness", (request, response) -> ran.set(true)).getStatus()).isEqualTo(200);
        assertThat(ran).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(MAX_WAIT.toMillis() / 2);
    }

    @Test
    void aFailedRequestGivesItsTurnBack() {
        assertThatIllegalStateException().isThrownBy(() -> call("/api/v1/movie", (request, response) -> {
            throw new IllegalArgumentException("boom");
        }));
        AtomicBoolean ran = new AtomicBoolean();
        assertThat(call("/api/v1/movie", (request, response) -> ran.set(true)).getStatus()).isEqualTo(200);
        assertThat(ran).isTrue();
    }

    @Test
    void zeroActiveRequestsMeansTwoPerProcessor() {
        assertThat(new RequestLimitProperties(DataSize.ofMegabytes(1), 0, MAX_WAIT).activeRequests())
            .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(new RequestLimitProperties(DataSize.ofMegabytes(1), 3, MAX_WAIT).activeRequests()).isEqualTo(3);
    }

}
