package com.example.movies.e2e.drills;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Concurrent API clients (Java's HttpClient, keep-alive connections as real clients hold
 * them): writers create, rename, read and delete movies as the admin, readers read. Every
 * call is recorded with its timing and how it ended, and every acknowledged write (201,
 * 200, 204) goes into the {@link Ledger}, to be found again afterwards.
 */
final class Traffic {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a call ended, as the client saw it. */
    enum Outcome {

        /** A complete response (any status) with a well-formed body. */
        ANSWERED,
        /**
         * No connection: refused (the server no longer listens) or not accepted in time.
         */
        REFUSED,
        /** Connected, but the connection ended before a response began. */
        CLOSED,
        /**
         * The response began but did not arrive whole: the one outcome no fault may
         * cause.
         */
        CUT

    }

    record Call(String name, long startMillis, long endMillis, Outcome outcome, int status, String body) {

        long latencyMillis() {
            return endMillis - startMillis;
        }

        boolean answered(int expected) {
            return outcome == Outcome.ANSWERED && status == expected;
        }

        @Override
        public String toString() {
            return name + " @" + startMillis + "ms +" + latencyMillis() + "ms " + outcome + " " + status + " "
                    + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(3))
        .build();

    private final URI base;

    private final String token;

    private final long epochNanos;

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    private final List<Thread> threads = new ArrayList<>();

    private final Ledger ledger = new Ledger();

    private volatile boolean running;

    /**
     * {@code epochNanos}: the drill's time zero ({@link System#nanoTime()}); calls are
     * timed from it in ms.
     */
    Traffic(URI base, String token, long epochNanos) {
        this.base = base;
        this.token = token;
        this.epochNanos = epochNanos;
    }

    static String adminToken(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(base.resolve("/api/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("username", ApiServer.ADMIN_USERNAME, "password", ApiServer.ADMIN_PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access").asString();
    }

    void start(int writers, int readers) {
        running = true;
        for (int i = 0; i < writers; i++) {
            int writer = i;
            threads.add(new Thread(() -> write(writer), "drill-writer-" + i));
        }
        for (int i = 0; i < readers; i++) {
            threads.add(new Thread(this::read, "drill-reader-" + i));
        }
        threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    private void write(int writer) {
        for (int i = 0; running; i++) {
            String title = "Drill w" + writer + " n" + i + " " + Long.toHexString(System.nanoTime());
            Call created = call("POST", "/api/v1/movie", Map.of("title", title, "year", 1990 + i % 30));
            if (!created.answered(201)) {
                pause(created);
                continue;
            }
            String id = JSON.readTree(created.body()).get("id").asString();
            ledger.created(id, title);
            String renamed = title + " v2";
            Call patched = call("PATCH", "/api/v1/movie/" + id, Map.of("title", renamed));
            ledger.renamed(id, renamed, patched.answered(200));
            call("GET", "/api/v1/movie/" + id, null);
            if (i % 3 == 0) {
                Call deleted = call("DELETE", "/api/v1/movie/" + id, null);
                ledger.deleted(id, deleted.answered(204));
            }
        }
    }

    private void read() {
        while (running) {
            List<String> known = ledger.knownIds();
            Call call = known.isEmpty() || ThreadLocalRandom.current().nextInt(4) == 0
                    ? call("GET", "/api/v1/movie?limit=20", null) : call("GET",
                            "/api/v1/movie/" + known.get(ThreadLocalRandom.current().nextInt(known.size())), null);
            pause(call);
        }
    }

    /**
     * A client that got no answer, or a 503, waits a little before its next call, as a
     * polite client would.
     */
    private static void pause(Call call) {
        if (call.outcome() != Outcome.ANSWERED || call.status() == 503) {
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Call call(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String name = method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        long start = now();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        }
        catch (ConnectException | HttpConnectTimeoutException e) {
            return record(new Call(name, start, now(), Outcome.REFUSED, 0, e.toString()));
        }
        catch (IOException e) {
            return record(new Call(name, start, now(), Outcome.CLOSED, 0, e.toString()));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(new Call(name, start, now(), Outcome.CLOSED, 0, e.toString()));
        }
        String text;
        try (InputStream in = response.body()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            return record(new Call(name, start, now(), Outcome.CUT, response.statusCode(), e.toString()));
        }
        long end = now();
        // Every body of this API but a 204's is JSON: one that does not parse arrived
        // truncated.
        if (response.statusCode() != 204) {
            try {
                JSON.readTree(text);
            }
            catch (RuntimeException e) {
                return record(new Call(name, start, end, Outcome.CUT, response.statusCode(), text));
            }
        }
        return record(new Call(name, start, end, Outcome.ANSWERED, response.statusCode(), text));
    }

    private Call record(Call call) {
        calls.add(call);
        return call;
    }

    long now() {
        return (System.nanoTime() - epochNanos) / 1_000_000;
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<Call> calls(Predicate<Call> filter) {
        return calls().stream().filter(filter).toList();
    }

    Ledger ledger() {
        return ledger;
    }

    /**
     * The acknowledged writes: a movie whose creation was answered 201 exists afterwards
     * unless a delete of it was attempted; an acknowledged rename is its title; an
     * acknowledged delete leaves no movie. A write that was not acknowledged may or may
     * not have happened, so it promises nothing.
     */
    static final class Ledger {

        private final Map<String, Movie> movies = new ConcurrentHashMap<>();

        private static final class Movie {

            final String title;

            volatile String renamedTo;

            volatile boolean renameAttempted;

            volatile boolean deleteAttempted;

            volatile boolean deleted;

            Movie(String title) {
                this.title = title;
            }

        }

        void created(String id, String title) {
            movies.put(id, new Movie(title));
        }

        void renamed(String id, String title, boolean acknowledged) {
            Movie movie = movies.get(id);
            movie.renameAttempted = true;
            if (acknowledged) {
                movie.renamedTo = title;
            }
        }

        void deleted(String id, boolean acknowledged) {
            Movie movie = movies.get(id);
            movie.deleteAttempted = true;
            movie.deleted = acknowledged;
        }

        List<String> knownIds() {
            return new ArrayList<>(movies.keySet());
        }

        int acknowledged() {
            return movies.values()
                .stream()
                .mapToInt(m -> 1 + (m.renamedTo != null ? 1 : 0) + (m.deleted ? 1 : 0))
                .sum();
        }

        /**
         * Checks every acknowledged write against the movies stored now ({@code stored}:
         * id to title); returns how many were found as acknowledged, and lists each one
         * that was not in {@code missing}.
         */
        int verify(Map<String, String> stored, List<String> missing) {
            int found = 0;
            for (Map.Entry<String, Movie> entry : movies.entrySet()) {
                String id = entry.getKey();
                Movie movie = entry.getValue();
                String title = stored.get(id);
                // The creation: the movie exists, unless a delete of it was attempted
                // (which may have happened).
                if (title != null || movie.deleteAttempted) {
                    found++;
                }
                else {
                    missing.add("created " + id + " (" + movie.title + ") is gone");
                }
                if (movie.renamedTo != null) {
                    if (movie.renamedTo.equals(title) || (title == null && movie.deleteAttempted)) {
                        found++;
                    }
                    else {
                        missing.add("renamed " + id + " to '" + movie.renamedTo + "' but it is '" + title + "'");
                    }
                }
                else if (title != null && !title.equals(movie.title) && !movie.renameAttempted) {
                    missing.add(id + " has title '" + title + "', never written");
                }
                if (movie.deleted) {
                    if (title == null) {
                        found++;
                    }
                    else {
                        missing.add("deleted " + id + " but it is still there");
                    }
                }
            }
            return found;
        }

    }

}
