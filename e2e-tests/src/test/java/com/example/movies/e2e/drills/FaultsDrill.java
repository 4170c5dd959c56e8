package com.example.movies.e2e.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.movies.e2e.drills.Drill.Sampler;
import com.example.movies.e2e.drills.Traffic.Call;
import com.example.movies.e2e.drills.Traffic.Outcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The faults the API survives, on real components: the packaged movies-api jar
 * (production profile, default timeouts) on a private PostgreSQL that the drills lock,
 * stop and restart, and freeze, under concurrent clients (writing and reading), and
 * finally a real SIGTERM. One API process serves the three drills in turn (a start costs
 * seconds on a busy machine), the SIGTERM drill last since it ends the process. Each
 * drill prints its figures and asserts them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FaultsDrill {

    /**
     * The API's drain delay in this drill: readiness DOWN but still serving, before new
     * connections are refused.
     */
    private static final Duration DRAIN_DELAY = Duration.ofSeconds(3);

    /**
     * movies-api's defaults: the longest wait for a turn to run
     * (system/RequestAdmission), pool connection timeout, validation timeout, statement
     * timeout, shutdown phase.
     */
    private static final long TURN_WAIT_MILLIS = 3_000;

    private static final long CONNECTION_TIMEOUT_MILLIS = 1_000;

    private static final long VALIDATION_TIMEOUT_MILLIS = 1_000;

    private static final long STATEMENT_TIMEOUT_MILLIS = 5_000;

    private static final long SOCKET_TIMEOUT_MILLIS = 10_000;

    private static final long SHUTDOWN_PHASE_MILLIS = 20_000;

    private static final int POOL_SIZE = 10;

    private static PrivatePostgres postgres;

    private static ApiServer api;

    @BeforeAll
    static void start() throws Exception {
        postgres = PrivatePostgres.start();
        postgres.createDatabase(Drill.DATABASE);
        api = ApiServer.start("faults", postgres, Drill.DATABASE,
                Map.of("MOVIES_SHUTDOWN_DRAIN_DELAY", DRAIN_DELAY.toSeconds() + "s"));
        // Warm-up: the first requests of a fresh JVM are interpreted and cost several
        // times more CPU; the drills'
        // latency bounds are about the database's faults, not the JIT.
        Traffic warmUp = new Traffic(api.url, Traffic.adminToken(api.url), System.nanoTime());
        warmUp.start(4, 4);
        Thread.sleep(5_000);
        warmUp.stop();
        Drill.print("warm-up", "%d calls in 5 s: %s", warmUp.calls().size(), Drill.outcomes(warmUp.calls()));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (api != null) {
                api.close();
            }
        }
        finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /**
     * Slow database: another session holds an ACCESS EXCLUSIVE lock on the movie table
     * for 8 s, so every statement on it waits. The statement timeout ends each wait with
     * a 503, requests queueing for a connection give up after the pool's connection
     * timeout, the pool never holds more than its 10 connections, and once the lock is
     * gone every connection works again (no deadlock, no leak). 16 clients here (6
     * writing, 10 reading), more than the pool's connections, so requests also queue for
     * a connection.
     */
    @Test
    @Order(1)
    void slowDatabase() throws Exception {
        String name = "slow-database";
        // A request waits at most for its turn, twice for a connection (the token's user,
        // then the movie) and once
        // on the lock.
        long latencyBound = TURN_WAIT_MILLIS + 2 * CONNECTION_TIMEOUT_MILLIS + STATEMENT_TIMEOUT_MILLIS + 1_000;
        Traffic traffic = new Traffic(api.url, Traffic.adminToken(api.url), System.nanoTime());
        long locked;
        long unlocked;
        int connectionsDuring = 0;
        int waitingAfter;
        traffic.start(6, 10);
        Thread.sleep(2_000);
        try (Connection lock = postgres.connect(Drill.DATABASE);
                Connection observer = postgres.connect(Drill.DATABASE)) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE movie IN ACCESS EXCLUSIVE MODE");
            }
            locked = traffic.now();
            while (traffic.now() < locked + 8_000) {
                connectionsDuring = Math.max(connectionsDuring, apiSessions(observer, false));
                Thread.sleep(200);
            }
            lock.rollback();
            unlocked = traffic.now();
            Thread.sleep(1_000);
            waitingAfter = apiSessions(observer, true);
        }
        // Every connection of the pool works again: a burst of 2 x the pool size, all
        // answered at once.
        List<CompletableFuture<Call>> burst = IntStream.range(0, 2 * POOL_SIZE)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> traffic.call("GET", "/api/v1/movie?limit=5", null)))
            .toList();
        List<Call> burstCalls = burst.stream().map(CompletableFuture::join).toList();
        Thread.sleep(1_000);
        traffic.stop();

        List<Call> all = traffic.calls();
        // Every call that waited for the lock at some point: started before its release,
        // ended after it was taken.
        List<Call> duringLock = traffic.calls(call -> call.startMillis() < unlocked && call.endMillis() > locked);
        long recovered = traffic.calls(Drill.startedBetween(unlocked, Long.MAX_VALUE))
            .stream()
            .filter(call -> call.outcome() == Outcome.ANSWERED && call.status() < 300)
            .mapToLong(Call::endMillis)
            .min()
            .orElse(-1);

        Drill.print(name, "%d calls in %d ms by 16 clients: %s", all.size(), traffic.now(), Drill.outcomes(all));
        Drill.print(name, "movie table locked (ACCESS EXCLUSIVE) from %d ms to %d ms", locked, unlocked);
        Drill.print(name, "calls overlapping the lock: %d: %s; latency p50 %d ms, max %d ms (bound %d ms)",
                duringLock.size(), Drill.outcomes(duringLock), Drill.percentile(duringLock, 50),
                Drill.maxLatency(duringLock), latencyBound);
        Drill.print(name,
                "API sessions in PostgreSQL while locked: at most %d (pool size %d); waiting for a table lock 1 s after: %d",
                connectionsDuring, POOL_SIZE, waitingAfter);
        Drill.print(name, "first success %d ms after the lock was released; burst of %d after it: %s, max %d ms",
                recovered - unlocked, burstCalls.size(), Drill.outcomes(burstCalls), Drill.maxLatency(burstCalls));

        Drill.assertAllAnsweredWithoutA500(all);
        Drill.assertBoundedAnswers("calls while locked", duringLock, latencyBound);
        assertThat(duringLock).as("503s while locked")
            .filteredOn(call -> call.status() == 503)
            .hasSizeGreaterThanOrEqualTo(POOL_SIZE);
        assertThat(connectionsDuring).as("API sessions while locked").isBetween(1, POOL_SIZE);
        assertThat(waitingAfter).as("API sessions still waiting for a table lock after it was released").isZero();
        assertThat(recovered).as("a success after the lock").isGreaterThanOrEqualTo(0);
        assertThat(recovered - unlocked).as("time to the first success after the lock").isLessThanOrEqualTo(3_000);
        assertThat(burstCalls).allSatisfy(call -> assertThat(call.answered(200)).as("%s", call).isTrue());
        Drill.assertAcknowledgedWritesStored(name, traffic, postgres, 20);
    }

    /**
     * Database restart under write load: PostgreSQL stops (fast shutdown: sessions
     * terminated) for 9 s, then starts. While it is down every request fails fast with
     * the contract's 503, threads do not pile up and readiness is DOWN; once it is back
     * the API recovers without a restart, and every write it acknowledged is stored.
     */
    @Test
    @Order(2)
    void databaseRestartUnderWriteLoad() throws Exception {
        String name = "database-restart";
        long latencyBound = TURN_WAIT_MILLIS + CONNECTION_TIMEOUT_MILLIS + VALIDATION_TIMEOUT_MILLIS + 1_000;
        Traffic traffic = new Traffic(api.url, Traffic.adminToken(api.url), System.nanoTime());
        long stopping;
        long stopped;
        long starting;
        long started;
        long recovered;
        List<Sampler.Sample> samples;
        try (Sampler sampler = new Sampler(api, traffic, 100)) {
            traffic.start(4, 4);
            Thread.sleep(2_000);
            stopping = traffic.now();
            postgres.stopServer();
            stopped = traffic.now();
            Thread.sleep(9_000); // a turn and a 1 s connection timeout per call: well
                                 // over 8 whole calls in the outage
            starting = traffic.now();
            postgres.startServer();
            started = traffic.now();
            // Recovered: a write started after the restart is acknowledged.
            recovered = Drill.awaitFirstWriteAcknowledged(traffic, started);
            Thread.sleep(1_500);
            traffic.stop();
            samples = sampler.all();
        }

        List<Call> all = traffic.calls();
        List<Call> outage = traffic.calls(Drill.startedBetween(stopped, starting));
        List<Call> outageAnswers = outage.stream().filter(call -> call.endMillis() <= starting).toList();
        int threadsBefore = Sampler.maxThreads(samples, 0, stopping);
        int threadsDuring = Sampler.maxThreads(samples, stopped, starting);
        int threadsAfter = samples.get(samples.size() - 1).threads();
        List<Integer> readinessDuring = samples.stream()
            .filter(s -> s.millis() >= stopped + 1_000 && s.millis() < starting)
            .map(Sampler.Sample::readiness)
            .distinct()
            .toList();
        long readyAgain = samples.stream()
            .filter(s -> s.millis() >= started && s.readiness() == 200)
            .mapToLong(Sampler.Sample::millis)
            .min()
            .orElse(-1);

        Drill.print(name, "%d calls in %d ms by 8 clients: %s", all.size(), traffic.now(), Drill.outcomes(all));
        Drill.print(name, "database stopped at %d ms (pg_ctl stop -m fast took %d ms), started at %d ms (took %d ms)",
                stopped, stopped - stopping, started, started - starting);
        Drill.print(name, "calls during the outage: %d: %s; latency p50 %d ms, max %d ms (bound %d ms)", outage.size(),
                Drill.outcomes(outage), Drill.percentile(outageAnswers, 50), Drill.maxLatency(outageAnswers),
                latencyBound);
        Drill.print(name, "JVM threads: at most %d before, %d during the outage, %d after", threadsBefore,
                threadsDuring, threadsAfter);
        Drill.print(name, "readiness during the outage: %s; UP again %d ms after the database", readinessDuring,
                readyAgain - started);
        Drill.print(name, "recovered (first acknowledged write) %d ms after the database was up again, no restart",
                recovered - started);

        Drill.assertAllAnsweredWithoutA500(all);
        assertThat(outageAnswers).as("calls during the outage").hasSizeGreaterThan(8).allSatisfy(call -> {
            assertThat(call.status()).as("%s", call).isEqualTo(503);
            assertThat(call.body()).as("%s", call).isEqualTo(Drill.UNAVAILABLE);
            assertThat(call.latencyMillis()).as("%s", call).isLessThanOrEqualTo(latencyBound);
        });
        assertThat(threadsDuring).as("threads during the outage").isLessThanOrEqualTo(threadsBefore + 20);
        assertThat(readinessDuring).as("readiness while the database is down").containsOnly(503);
        assertThat(readyAgain).as("readiness UP again").isGreaterThanOrEqualTo(0);
        assertThat(recovered).as("recovered").isGreaterThanOrEqualTo(0);
        assertThat(recovered - started).as("time to recover").isLessThanOrEqualTo(10_000);
        Drill.assertAcknowledgedWritesStored(name, traffic, postgres, 20);
    }

    /**
     * Hung database: every PostgreSQL process is frozen (SIGSTOP) for 12 s, so nothing
     * answers but the kernel still accepts connections, as with a hung host or a network
     * partition; the statement timeout cannot fire. The socket timeout ends the
     * statements in flight, the pool's connection timeout (and the driver's login
     * timeout) the waits for a connection: every request is answered, 503 at worst, and
     * the API recovers once the database runs again.
     */
    @Test
    @Order(3)
    void hungDatabase() throws Exception {
        String name = "hung-database";
        long latencyBound = TURN_WAIT_MILLIS + SOCKET_TIMEOUT_MILLIS + CONNECTION_TIMEOUT_MILLIS + 2_000;
        Traffic traffic = new Traffic(api.url, Traffic.adminToken(api.url), System.nanoTime());
        long frozen;
        long thawed;
        long recovered;
        List<Sampler.Sample> samples;
        try (Sampler sampler = new Sampler(api, traffic, 200)) {
            traffic.start(4, 4);
            Thread.sleep(2_000);
            postgres.freeze();
            frozen = traffic.now();
            try {
                Thread.sleep(12_000);
            }
            finally {
                postgres.thaw();
            }
            thawed = traffic.now();
            recovered = Drill.awaitFirstWriteAcknowledged(traffic, thawed);
            Thread.sleep(1_000);
            traffic.stop();
            samples = sampler.all();
        }

        List<Call> all = traffic.calls();
        List<Call> whileFrozen = traffic.calls(call -> call.startMillis() < thawed && call.endMillis() > frozen);
        List<Integer> readinessFrozen = samples.stream()
            .filter(s -> s.millis() >= frozen + 3_000 && s.millis() < thawed)
            .map(Sampler.Sample::readiness)
            .distinct()
            .toList();
        int threadsBefore = Sampler.maxThreads(samples, 0, frozen);
        int threadsDuring = Sampler.maxThreads(samples, frozen, thawed);

        Drill.print(name, "%d calls in %d ms by 8 clients: %s", all.size(), traffic.now(), Drill.outcomes(all));
        Drill.print(name, "database frozen (SIGSTOP) from %d ms to %d ms", frozen, thawed);
        Drill.print(name, "calls overlapping the freeze: %d: %s; latency p50 %d ms, max %d ms (bound %d ms)",
                whileFrozen.size(), Drill.outcomes(whileFrozen), Drill.percentile(whileFrozen, 50),
                Drill.maxLatency(whileFrozen), latencyBound);
        Drill.print(name,
                "JVM threads: at most %d before, %d while frozen; readiness while frozen (-1: no answer in 5 s): %s",
                threadsBefore, threadsDuring, readinessFrozen);
        Drill.print(name, "recovered (first acknowledged write) %d ms after the database ran again",
                recovered - thawed);

        Drill.assertAllAnsweredWithoutA500(all);
        Drill.assertBoundedAnswers("calls while frozen", whileFrozen, latencyBound);
        // Most clients' calls hang until a timeout answers them 503; a call wholly inside
        // the freeze can only be one.
        assertThat(whileFrozen).as("503s while frozen")
            .filteredOn(call -> call.status() == 503)
            .hasSizeGreaterThanOrEqualTo(6);
        assertThat(whileFrozen).as("calls started and answered while frozen")
            .filteredOn(call -> call.startMillis() >= frozen && call.endMillis() <= thawed)
            .allSatisfy(call -> assertThat(call.status()).as("%s", call).isEqualTo(503));
        assertThat(readinessFrozen).as("readiness while frozen").isNotEmpty().doesNotContain(200);
        assertThat(threadsDuring).as("threads while frozen").isLessThanOrEqualTo(threadsBefore + 20);
        assertThat(recovered).as("recovered").isGreaterThanOrEqualTo(0);
        assertThat(recovered - thawed).as("time to recover").isLessThanOrEqualTo(10_000);
        Drill.assertAcknowledgedWritesStored(name, traffic, postgres, 20);
    }

    /**
     * SIGTERM under load, as ECS stops a task. Readiness goes DOWN first while requests
     * are still served (the drain delay), then new connections are refused; requests held
     * in flight at that moment by a lock on the movie table complete once the lock is
     * gone, the process exits, and no response is cut off.
     */
    @Test
    @Order(4)
    void sigtermUnderLoad() throws Exception {
        String name = "sigterm";
        Traffic traffic = new Traffic(api.url, Traffic.adminToken(api.url), System.nanoTime());
        long terminated;
        long locked;
        long unlocked;
        long exited;
        OptionalInt exitCode;
        List<Sampler.Sample> samples;
        try (Sampler sampler = new Sampler(api, traffic, 50)) {
            traffic.start(4, 4);
            Thread.sleep(2_000);
            api.terminate();
            terminated = traffic.now();
            // Draining: served as usual until, 1 s before new connections are refused, a
            // lock holds requests in
            // flight; it is released 1 s after, before the statement timeout, so they can
            // complete.
            Thread.sleep(DRAIN_DELAY.toMillis() - 1_000);
            try (Connection lock = postgres.connect(Drill.DATABASE)) {
                lock.setAutoCommit(false);
                try (Statement statement = lock.createStatement()) {
                    statement.execute("LOCK TABLE movie IN ACCESS EXCLUSIVE MODE");
                }
                locked = traffic.now();
                Thread.sleep(2_000);
                lock.rollback();
                unlocked = traffic.now();
            }
            exitCode = api.awaitExit(Duration.ofMillis(DRAIN_DELAY.toMillis() + SHUTDOWN_PHASE_MILLIS + 10_000));
            exited = traffic.now();
            Thread.sleep(1_000);
            traffic.stop();
            samples = sampler.all();
        }

        List<Call> all = traffic.calls();
        long readinessDown = samples.stream()
            .filter(s -> s.millis() >= terminated && s.readiness() != 200)
            .mapToLong(Sampler.Sample::millis)
            .min()
            .orElse(-1);
        List<Integer> readinessSeen = samples.stream()
            .filter(s -> s.millis() >= readinessDown)
            .map(Sampler.Sample::readiness)
            .distinct()
            .toList();
        // The listener closed after the last sample that could still connect, no later
        // than the first that could
        // not, or the first call refused.
        long lastAccepted = samples.stream()
            .filter(Sampler.Sample::accepting)
            .mapToLong(Sampler.Sample::acceptedMillis)
            .max()
            .orElse(-1);
        long firstRefused = all.stream()
            .filter(call -> call.outcome() == Outcome.REFUSED)
            .mapToLong(Call::startMillis)
            .min()
            .orElse(Long.MAX_VALUE);
        long listenerClosed = Math.min(firstRefused,
                samples.stream()
                    .filter(s -> s.acceptedMillis() >= terminated && !s.accepting())
                    .mapToLong(Sampler.Sample::acceptedMillis)
                    .min()
                    .orElse(Long.MAX_VALUE));
        List<Call> closed = all.stream().filter(call -> call.outcome() == Outcome.CLOSED).toList();
        List<Call> servedWhileDraining = traffic.calls(Drill.startedBetween(readinessDown, listenerClosed))
            .stream()
            .filter(call -> call.outcome() == Outcome.ANSWERED && call.status() < 300)
            .toList();
        List<Call> inFlightAtClose = all.stream()
            .filter(call -> call.startMillis() < listenerClosed && call.endMillis() > listenerClosed)
            .toList();
        List<Call> afterClose = traffic.calls(Drill.startedBetween(listenerClosed, Long.MAX_VALUE));
        List<Call> cut = all.stream().filter(call -> call.outcome() == Outcome.CUT).toList();

        Drill.print(name, "%d calls in %d ms by 8 clients: %s", all.size(), traffic.now(), Drill.outcomes(all));
        Drill.print(name,
                "SIGTERM at %d ms, movie table locked at %d ms, released at %d ms, process exited at %d ms with %s",
                terminated, locked, unlocked, exited,
                exitCode.isPresent() ? exitCode.getAsInt() : "nothing (still running)");
        Drill.print(name,
                "readiness DOWN at %d ms (%d ms after SIGTERM), then %s; last connection accepted at %d ms, new connections refused from %d ms (%d ms after SIGTERM)",
                readinessDown, readinessDown - terminated, readinessSeen, lastAccepted, listenerClosed,
                listenerClosed - terminated);
        Drill.print(name, "served while draining (readiness DOWN, still accepting): %d calls answered 2xx",
                servedWhileDraining.size());
        Drill.print(name, "in flight when new connections started being refused: %d: %s; max latency %d ms",
                inFlightAtClose.size(), Drill.outcomes(inFlightAtClose), Drill.maxLatency(inFlightAtClose));
        Drill.print(name, "started after that: %d: %s", afterClose.size(), Drill.outcomes(afterClose));
        Drill.print(name, "connections closed before a response began (not acknowledged): %d %s", closed.size(),
                closed);
        Drill.print(name, "responses cut off: %d %s", cut.size(), cut);

        assertThat(exitCode).as("the process exited within drain + shutdown phase + 10 s").isPresent();
        assertThat(cut).as("responses cut off").isEmpty();
        // Answers while draining say Connection: close, so no client still holds an idle
        // connection to lose.
        assertThat(closed).as("connections closed before a response began").isEmpty();
        assertThat(readinessDown).as("readiness went DOWN").isGreaterThanOrEqualTo(terminated);
        assertThat(listenerClosed).as("new connections refused").isGreaterThan(terminated);
        assertThat(readinessDown).as("readiness DOWN before new connections are refused").isLessThan(listenerClosed);
        assertThat(lastAccepted - terminated).as("accepting for the drain delay")
            .isGreaterThanOrEqualTo(DRAIN_DELAY.toMillis() - 100);
        assertThat(firstRefused).as("no call refused while connections were still accepted")
            .isGreaterThan(lastAccepted);
        assertThat(servedWhileDraining).as("requests served while draining").isNotEmpty();
        assertThat(inFlightAtClose).as("requests in flight when new connections started being refused")
            .isNotEmpty()
            .allSatisfy(call -> {
                assertThat(call.outcome()).as("%s", call).isEqualTo(Outcome.ANSWERED);
                assertThat(call.status()).as("%s", call).isLessThan(500);
            });
        assertThat(afterClose).as("calls after the listener closed")
            .filteredOn(call -> call.outcome() == Outcome.REFUSED)
            .isNotEmpty();
        assertThat(all).as("no call was a 500").noneSatisfy(call -> assertThat(call.status()).isEqualTo(500));
        Drill.assertAcknowledgedWritesStored(name, traffic, postgres, 5);
    }

    /**
     * The API's sessions in PostgreSQL: all of them, or only those waiting for a table
     * lock (writers also wait briefly for each other on the row of the movie-write
     * counter, which is not what the drill looks for).
     */
    private static int apiSessions(Connection observer, boolean waitingOnALock) throws SQLException {
        try (Statement statement = observer.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                        + Drill.DATABASE + "' AND application_name <> '" + PrivatePostgres.DRILL_APPLICATION + "'"
                        + (waitingOnALock ? " AND wait_event_type = 'Lock' AND wait_event = 'relation'" : ""))) {
            count.next();
            return count.getInt(1);
        }
    }

}
