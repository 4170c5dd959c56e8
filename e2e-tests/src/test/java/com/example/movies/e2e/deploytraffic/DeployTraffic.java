package com.example.movies.e2e.deploytraffic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's measurement of a deploy under traffic (infra/PIPELINE.md): while
 * {@code cdk deploy} replaces the tasks, one client sends a bounded stream of reads, and
 * every {@value #WRITE_EVERY}th round a write (create, then delete, a movie) as the e2e
 * staff user, through the gateway URL. It records every answer, stops when the stop file
 * appears (or after {@code --max-seconds}), writes the counts as a JUnit XML report
 * (requests, answers by status, the longest gap between successful answers) and exits 1
 * when more requests failed than {@code --max-failures} allows.
 *
 * <p>
 * Run by {@code scripts/deploy-traffic.sh} as a single-file program ({@code java
 * DeployTraffic.java ...}), so it uses only the JDK: the build machine needs no classpath
 * for it. {@code DeployTrafficDrill} (-Pdrills) runs it against the packaged API.
 */
public final class DeployTraffic {

    static final int WRITE_EVERY = 20;

    /** A token lives 10 minutes; a fresh one well before that. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(4);

    private static final Pattern ACCESS = Pattern.compile("\"access\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}\\s]+)");

    /**
     * One request and its answer; status 0 when none came (refused, reset, timed out).
     */
    record Answer(String request, long startMillis, long endMillis, int status) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

    }

    /** What a run saw. */
    record Result(List<Answer> answers, long durationMillis, int maxFailures) {

        long failures() {
            return answers.stream().filter(answer -> !answer.succeeded()).count();
        }

        /** Failed answers by status ("no answer" for 0). */
        Map<String, Long> failuresByStatus() {
            Map<String, Long> counts = new TreeMap<>();
            answers.stream()
                .filter(answer -> !answer.succeeded())
                .forEach(answer -> counts.merge(answer.status() == 0 ? "no answer" : "status " + answer.status(), 1L,
                        Long::sum));
            return counts;
        }

        /**
         * The longest time without a successful answer: between two of them, or from the
         * start or to the end of the run.
         */
        long longestGapMillis() {
            long last = 0;
            long longest = 0;
            for (Answer answer : answers) {
                if (answer.succeeded()) {
                    longest = Math.max(longest, answer.endMillis() - last);
                    last = answer.endMillis();
                }
            }
            return Math.max(longest, durationMillis - last);
        }

        boolean passed() {
            return failures() <= maxFailures;
        }

        String summary() {
            return "deploy-traffic: %d requests, %d failed (at most %d allowed) %s, longest gap between successful answers %d ms"
                .formatted(answers.size(), failures(), maxFailures, failuresByStatus(), longestGapMillis());
        }

        String junitXml() {
            List<String[]> cases = new ArrayList<>();
            String verdict = passed() ? null : failures() + " requests failed, more than the " + maxFailures
                    + " deployTrafficMaxFailures allows: the deploy is rolled back";
            cases.add(new String[] { "requests: " + answers.size() + ", of them " + failures() + " failed", null });
            failuresByStatus()
                .forEach((status, count) -> cases.add(new String[] { status + ": " + count + " answers", verdict }));
            cases.add(new String[] { "longest gap between successful answers: " + longestGapMillis() + " ms", null });
            cases.add(new String[] { "failures " + failures() + ", allowed " + maxFailures, verdict });
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            long failed = cases.stream().filter(c -> c[1] != null).count();
            xml.append(
                    "<testsuite name=\"deploy-traffic\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" time=\"%.3f\">\n"
                        .formatted(cases.size(), failed, durationMillis / 1000.0));
            for (String[] c : cases) {
                xml.append("  <testcase classname=\"deploy-traffic\" name=\"").append(escape(c[0])).append('"');
                if (c[1] == null) {
                    xml.append("/>\n");
                }
                else {
                    xml.append(">\n    <failure message=\"").append(escape(c[1])).append("\"/>\n  </testcase>\n");
                }
            }
            xml.append("  <system-out>").append(escape(summary())).append("</system-out>\n</testsuite>\n");
            return xml.toString();
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }

    }

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final URI base;

    private final String username;

    private final String password;

    private final long epochNanos = System.nanoTime();

    private final List<Answer> answers = new ArrayList<>();

    private String token;

    private long tokenMillis;

    DeployTraffic(URI base, String username, String password) {
        this.base = base;
        this.username = username;
        this.password = password;
    }

    /**
     * Signs in once before the stream begins: a version in service that refuses the e2e
     * user is a setup error, not a deploy's failure.
     */
    void signIn() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(login(), HttpResponse.BodyHandlers.ofString());
        Matcher access = ACCESS.matcher(response.body());
        if (response.statusCode() != 200 || !access.find()) {
            throw new IllegalStateException(
                    "deploy-traffic: cannot sign in as " + username + " at " + base + ": " + response.statusCode());
        }
        token = access.group(1);
        tokenMillis = now();
    }

    /**
     * Sends one request after another, {@code intervalMillis} apart, until {@code stop}
     * exists or {@code maxMillis} passed.
     */
    Result run(Path stop, long maxMillis, long intervalMillis, int maxFailures) throws InterruptedException {
        long start = now();
        List<String> leftBehind = new ArrayList<>();
        for (int round = 0; !Files.exists(stop) && now() - start < maxMillis; round++) {
            if (now() - tokenMillis > TOKEN_REUSE.toMillis()) {
                String body = send("POST /api/token", login());
                Matcher access = ACCESS.matcher(body);
                if (access.find()) {
                    token = access.group(1);
                    tokenMillis = now();
                }
            }
            if (round % WRITE_EVERY == WRITE_EVERY - 1) {
                String created = send("POST /api/v1/movie", authorized("/api/v1/movie")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"deploy-traffic " + Long.toHexString(System.nanoTime()) + "\",\"year\":2000}"))
                    .build());
                Matcher id = ID.matcher(created);
                if (lastSucceeded() && id.find()) {
                    send("DELETE /api/v1/movie/{id}", authorized("/api/v1/movie/" + id.group(1)).DELETE().build());
                    if (!lastSucceeded()) {
                        leftBehind.add(id.group(1));
                    }
                }
            }
            else {
                send("GET /api/v1/movie", authorized("/api/v1/movie?limit=5").GET().build());
            }
            Thread.sleep(intervalMillis);
        }
        long duration = now() - start;
        List<Answer> measured = List.copyOf(answers);
        // The stream's writes leave nothing behind: a delete that failed mid-deploy is
        // retried once the deploy is over (not counted).
        for (String id : leftBehind) {
            send("DELETE /api/v1/movie/{id}", authorized("/api/v1/movie/" + id).DELETE().build());
        }
        return new Result(measured, duration, maxFailures);
    }

    private HttpRequest login() {
        return HttpRequest.newBuilder(base.resolve("api/token"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers
                .ofString("{\"username\":\"" + json(username) + "\",\"password\":\"" + json(password) + "\"}"))
            .build();
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(base.resolve(path.substring(1)))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token);
    }

    /** Sends and records; the body, or "" when no answer came. */
    private String send(String name, HttpRequest request) {
        long start = now();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            answers.add(new Answer(name, start, now(), response.statusCode()));
            return response.body();
        }
        catch (IOException e) {
            answers.add(new Answer(name, start, now(), 0));
            return "";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answers.add(new Answer(name, start, now(), 0));
            return "";
        }
    }

    private boolean lastSucceeded() {
        return answers.get(answers.size() - 1).succeeded();
    }

    private long now() {
        return (System.nanoTime() - epochNanos) / 1_000_000;
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * {@code --url <gateway> --username <e2e user> --stop-file <path> --report <junit xml>
     * [--ready-file <path>] [--max-failures 0] [--max-seconds 3600] [--interval-ms 250]};
     * the password in {@code DEPLOY_TRAFFIC_PASSWORD}. Exit 0 passed, 1 too many
     * failures, 2 could not start.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(
                Map.of("--max-failures", "0", "--max-seconds", "3600", "--interval-ms", "250"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--url", "--username", "--stop-file", "--report")) {
            if (!options.containsKey(required)) {
                System.err.println("deploy-traffic: missing " + required);
                System.exit(2);
            }
        }
        String password = System.getenv("DEPLOY_TRAFFIC_PASSWORD");
        if (password == null || password.isEmpty()) {
            System.err.println("deploy-traffic: DEPLOY_TRAFFIC_PASSWORD is not set");
            System.exit(2);
        }
        DeployTraffic traffic = new DeployTraffic(URI.create(options.get("--url").replaceAll("/+$", "") + "/"),
                options.get("--username"), password);
        try {
            traffic.signIn();
        }
        catch (IOException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        if (options.containsKey("--ready-file")) {
            Files.writeString(Path.of(options.get("--ready-file")), "ready\n");
        }
        Result result = traffic.run(Path.of(options.get("--stop-file")),
                Long.parseLong(options.get("--max-seconds")) * 1000, Long.parseLong(options.get("--interval-ms")),
                Integer.parseInt(options.get("--max-failures")));
        Path report = Path.of(options.get("--report"));
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, result.junitXml());
        System.out.println(result.summary());
        System.exit(result.passed() ? 0 : 1);
    }

}
