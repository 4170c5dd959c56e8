package com.example.movies.e2e.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.movies.e2e.drills.Traffic.Call;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the drills share: a sampler of the API's readiness and threads, the stored movies
 * and the check of acknowledged writes against them, and figures to print.
 */
final class Drill {

    static final String DATABASE = "movies";

    /** The contract's 503 body (movies-api system/DatabaseUnavailable). */
    static final String UNAVAILABLE = "{\"detail\":\"Service temporarily unavailable, try again later.\"}";

    private Drill() {
    }

    static void print(String drill, String format, Object... arguments) {
        System.out.printf("drill " + drill + ": " + format + "%n", arguments);
    }

    /**
     * Calls by how they ended and, when answered, by status, e.g. {@code {ANSWERED
     * 201=40, ANSWERED 503=12}}.
     */
    static Map<String, Long> outcomes(List<Call> calls) {
        return calls.stream()
            .collect(Collectors.groupingBy(
                    call -> call.outcome() + (call.outcome() == Traffic.Outcome.ANSWERED ? " " + call.status() : ""),
                    TreeMap::new, Collectors.counting()));
    }

    static long maxLatency(List<Call> calls) {
        return calls.stream().mapToLong(Call::latencyMillis).max().orElse(0);
    }

    static long percentile(List<Call> calls, double percentile) {
        long[] sorted = calls.stream().mapToLong(Call::latencyMillis).sorted().toArray();
        return sorted.length == 0 ? 0
                : sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1)];
    }

    static Predicate<Call> startedBetween(long from, long to) {
        return call -> call.startMillis() >= from && call.startMillis() < to;
    }

    /** Every movie stored now, id to title, read straight from the database. */
    static Map<String, String> storedMovies(PrivatePostgres postgres) throws SQLException {
        try (Connection connection = postgres.connect(DATABASE)) {
            return storedMovies(connection);
        }
    }

    /** Every movie stored now, id to title, read through {@code connection}. */
    static Map<String, String> storedMovies(Connection connection) throws SQLException {
        Map<String, String> movies = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id::text, title FROM movie")) {
            while (rows.next()) {
                movies.put(rows.getString(1), rows.getString(2));
            }
        }
        return movies;
    }

    /**
     * When the first create started at or after {@code since} was acknowledged (201), or
     * -1 if none was yet.
     */
    static long firstWriteAcknowledged(Traffic traffic, long since) {
        return traffic.calls(startedBetween(since, Long.MAX_VALUE))
            .stream()
            .filter(call -> call.answered(201))
            .mapToLong(Call::endMillis)
            .min()
            .orElse(-1);
    }

    /**
     * Waits until a create started at or after {@code since} is acknowledged, at most 30
     * s: when it was, or -1.
     */
    static long awaitFirstWriteAcknowledged(Traffic traffic, long since) throws InterruptedException {
        long recovered = -1;
        while (recovered < 0 && traffic.now() < since + 30_000) {
            Thread.sleep(100);
            recovered = firstWriteAcknowledged(traffic, since);
        }
        return recovered;
    }

    /** Every call got a whole response, and none was a 500. */
    static void assertAllAnsweredWithoutA500(List<Call> calls) {
        assertThat(calls).as("every call got a whole response")
            .allSatisfy(call -> assertThat(call.outcome()).as("%s", call).isEqualTo(Traffic.Outcome.ANSWERED));
        assertThat(calls).as("no call was a 500").noneSatisfy(call -> assertThat(call.status()).isEqualTo(500));
    }

    /**
     * Calls during a fault: each answered within {@code latencyBound}, and a 503 in the
     * contract's shape.
     */
    static void assertBoundedAnswers(String what, List<Call> calls, long latencyBound) {
        assertThat(calls).as(what).allSatisfy(call -> {
            assertThat(call.latencyMillis()).as("%s", call).isLessThanOrEqualTo(latencyBound);
            if (call.status() == 503) {
                assertThat(call.body()).as("%s", call).isEqualTo(UNAVAILABLE);
            }
        });
    }

    /**
     * Every write the API acknowledged during the drill is stored: prints the ledger's
     * figures and asserts them.
     */
    static void assertAcknowledgedWritesStored(String drill, Traffic traffic, PrivatePostgres postgres, int atLeast)
            throws SQLException {
        assertAcknowledgedWritesStored(drill, traffic, storedMovies(postgres), atLeast);
    }

    static void assertAcknowledgedWritesStored(String drill, Traffic traffic, Map<String, String> stored, int atLeast) {
        List<String> missing = new ArrayList<>();
        int acknowledged = traffic.ledger().acknowledged();
        int found = traffic.ledger().verify(stored, missing);
        print(drill, "writes acknowledged %d, found %d; missing: %s", acknowledged, found, missing);
        assertThat(missing).as("acknowledged writes not found").isEmpty();
        assertThat(found).isEqualTo(acknowledged).isGreaterThan(atLeast);
    }

    /**
     * Samples, every {@code periodMillis} until closed, whether the API accepts new
     * connections, its readiness probe and its JVM's thread count.
     */
    static final class Sampler implements AutoCloseable {

        /**
         * {@code acceptedMillis}: when {@code accepting} was found; {@code millis}: when
         * the readiness probe answered.
         */
        record Sample(long acceptedMillis, boolean accepting, long millis, int readiness, int threads) {
        }

        private final List<Sample> samples = new CopyOnWriteArrayList<>();

        private final Thread thread;

        private volatile boolean running = true;

        Sampler(ApiServer api, Traffic clock, long periodMillis) {
            thread = new Thread(() -> {
                while (running) {
                    boolean accepting = api.accepting();
                    long acceptedAt = clock.now();
                    int readiness = api.readinessStatus();
                    // Timed when each probe answered: a probe that waited for the API
                    // tells its state at the end.
                    samples.add(new Sample(acceptedAt, accepting, clock.now(), readiness, api.threads()));
                    try {
                        Thread.sleep(periodMillis);
                    }
                    catch (InterruptedException e) {
                        return;
                    }
                }
            }, "drill-sampler");
            thread.start();
        }

        /**
         * The most JVM threads sampled from {@code from} (inclusive) to {@code to}, or -1
         * if none was sampled.
         */
        static int maxThreads(List<Sample> samples, long from, long to) {
            return samples.stream()
                .filter(s -> s.millis() >= from && s.millis() < to)
                .mapToInt(Sample::threads)
                .max()
                .orElse(-1);
        }

        List<Sample> all() {
            return List.copyOf(samples);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }

    }

}
