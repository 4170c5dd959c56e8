package com.example.movies.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything a deployment may choose, read from CDK context
 * ({@code cdk deploy -c key=value}), in groups of what belongs together. Defaults live
 * here only; {@code infra/README.md} documents each key.
 *
 * @param target where and what to deploy
 * @param preset the defaults the counts and the database came from
 * @param api the API's tasks
 * @param frontend the frontend's tasks
 * @param apiShutdown how an API task stops
 * @param network NAT, VPC endpoints and the custom domain of the edge
 * @param database the PostgreSQL instance and the API's pools
 * @param accounts sign-up and the mail it sends
 * @param alarmEmail the address the alerts topic mails, if any
 */
public record DeploymentParameters(Target target, Preset preset, Service api, Service frontend, Shutdown apiShutdown,
        Network network, Database database, Accounts accounts, Optional<String> alarmEmail) {

    /**
     * The environment's name (it prefixes every name), its region, the tag of both images
     * and the OpenAPI document the gateway's routes come from.
     */
    public record Target(String environmentName, String region, String imageTag, Path openApiDocument) {
        public Target {
            if (!environmentName.matches("[a-z][a-z0-9-]{0,19}")) {
                // Part of resource names (the ALB's name caps it at 32 characters) and of
                // the ALB's DNS name, which must be lowercase to equal the browser's
                // Origin header.
                throw new IllegalArgumentException("environment must match [a-z][a-z0-9-]{0,19}: " + environmentName);
            }
        }
    }

    /**
     * A service's tasks: their size, the autoscaling minimum (0 for a first deploy,
     * before any image exists) and maximum.
     */
    public record Service(TaskSize task, int desiredCount, int maxCount) {
    }

    /**
     * NAT gateways (0-2) or VPC endpoints instead, and the custom domain the ALB serves
     * over HTTPS.
     */
    public record Network(int natGateways, boolean vpcEndpoints, Optional<CustomDomain> domain) {
        public Network {
            if (natGateways < 0 || natGateways > 2) {
                throw new IllegalArgumentException("natGateways must be 0, 1 or 2 (one per availability zone)");
            }
            if (natGateways == 0 && !vpcEndpoints) {
                throw new IllegalArgumentException(
                        "natGateways=0 needs vpcEndpoints=true: without NAT, tasks reach ECR, CloudWatch Logs and Secrets Manager only through VPC endpoints");
            }
        }
    }

    /**
     * Self-service sign-up, and the SES identity (an address or a domain) the API's mails
     * are sent from; without one the API logs its mails.
     */
    public record Accounts(boolean signUp, Optional<String> sesIdentity) {
        public Accounts {
            if (sesIdentity.isPresent()
                    && !sesIdentity.get().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+|([a-z0-9-]+\\.)+[a-z]{2,}")) {
                throw new IllegalArgumentException(
                        "sesIdentity must be an e-mail address (you@example.com) or a domain (example.com): "
                                + sesIdentity.get());
            }
        }

        /** The API's optional features this deployment turns on. */
        public Set<String> features() {
            return signUp ? Set.of(SIGN_UP) : Set.of();
        }

        /**
         * The sender of the API's mails: the SES identity's address, or no-reply at its
         * domain.
         */
        public Optional<String> mailFrom() {
            return sesIdentity.map(identity -> identity.contains("@") ? identity : "no-reply@" + identity);
        }
    }

    /**
     * A set of defaults ({@code -c preset=...}): {@link #DEV}, the cheapest that works
     * (one of everything), or {@link #PRODUCTION}, with no single point of failure (two
     * tasks of each service across the two zones, a NAT gateway per zone, a Multi-AZ
     * database, the frontend autoscaled). Any key given with {@code -c} overrides its
     * preset's value.
     */
    public record Preset(String name, int apiDesiredCount, int apiMaxCount, int frontendDesiredCount,
            int frontendMaxCount, int natGateways, String databaseSize, boolean multiAzDatabase) {

        // @formatter:off
        public static final Preset DEV = named("dev")
            .apiTasks(1).apiMaxTasks(4)
            .frontendTasks(1).frontendMaxTasks(1)
            .natGateways(1)
            .database("micro").multiAzDatabase(false)
            .build();

        public static final Preset PRODUCTION = named("production")
            .apiTasks(2).apiMaxTasks(6)
            .frontendTasks(2).frontendMaxTasks(4)
            .natGateways(2)
            .database("small").multiAzDatabase(true)
            .build();
        // @formatter:on

        static Preset parse(String name) {
            return List.of(DEV, PRODUCTION)
                .stream()
                .filter(preset -> preset.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("preset must be dev or production: " + name));
        }

        private static Builder named(String name) {
            return new Builder(name);
        }

        /** Names each value of a preset, so that none is read by its position. */
        private static final class Builder {

            private final String name;

            private int apiTasks;

            private int apiMaxTasks;

            private int frontendTasks;

            private int frontendMaxTasks;

            private int natGateways;

            private String database;

            private boolean multiAzDatabase;

            private Builder(String name) {
                this.name = name;
            }

            Builder apiTasks(int count) {
                this.apiTasks = count;
                return this;
            }

            Builder apiMaxTasks(int count) {
                this.apiMaxTasks = count;
                return this;
            }

            Builder frontendTasks(int count) {
                this.frontendTasks = count;
                return this;
            }

            Builder frontendMaxTasks(int count) {
                this.frontendMaxTasks = count;
                return this;
            }

            Builder natGateways(int count) {
                this.natGateways = count;
                return this;
            }

            Builder database(String size) {
                this.database = size;
                return this;
            }

            Builder multiAzDatabase(boolean multiAz) {
                this.multiAzDatabase = multiAz;
                return this;
            }

            Preset build() {
                return new Preset(this.name, this.apiTasks, this.apiMaxTasks, this.frontendTasks, this.frontendMaxTasks,
                        this.natGateways, this.database, this.multiAzDatabase);
            }

        }

    }

    /**
     * The API's optional feature that {@code signUp} turns on (its OpenAPI
     * {@code x-feature}).
     */
    public static final String SIGN_UP = "sign-up";

    /**
     * Database connections per API task: its requests run at most two per vCPU at once
     * (movies.request.max-active), so a few connections serve them.
     */
    public static final int DEFAULT_POOL_SIZE = 8;

    /**
     * The PostgreSQL instance ({@code db.t4g.<size>}), whether it has a standby in the
     * other zone, and each API task's connection pool.
     */
    public record Database(String size, boolean multiAz, int poolSizePerTask) {

        /**
         * RDS PostgreSQL's default max_connections (LEAST(memory / 9531392, 5000)) per
         * db.t4g size, rounded down, less the connections RDS reserves for itself.
         */
        static final Map<String, Integer> CONNECTION_LIMITS = Map.of("micro", 80, "small", 180, "medium", 400, "large",
                850);

        public Database {
            if (!CONNECTION_LIMITS.containsKey(size)) {
                throw new IllegalArgumentException("databaseSize must be one of "
                        + new java.util.TreeSet<>(CONNECTION_LIMITS.keySet()) + ": " + size);
            }
            if (poolSizePerTask < 1) {
                throw new IllegalArgumentException("apiDbPoolSize must be at least 1: " + poolSizePerTask);
            }
        }

        public int connectionLimit() {
            return CONNECTION_LIMITS.get(size);
        }

    }

    /**
     * Fargate task size. The frontend (nginx) needs no more than the smallest; the API's
     * default is 1 vCPU / 2 GiB: a new API task serves within about 5 s there, against 20
     * s at 0.25 vCPU and 9 s at 0.5 (the image's JVM starts on its CPU quota;
     * bench/FINDINGS.md, "Seventh session").
     */
    public record TaskSize(int cpu, int memoryMiB) {

        /**
         * The memory sizes (MiB) Fargate accepts for each CPU size (its task-size table),
         * all of them: RegisterTaskDefinition refuses any other pair.
         */
        private static final Map<Integer, List<Integer>> FARGATE_MEMORY = Map.of(256, List.of(512, 1024, 2048), 512,
                steps(1024, 4096, 1024), 1024, steps(2048, 8192, 1024), 2048, steps(4096, 16384, 1024), 4096,
                steps(8192, 30720, 1024), 8192, steps(16384, 61440, 4096), 16384, steps(32768, 122880, 8192));

        public static final TaskSize SMALLEST = new TaskSize(256, 512);

        public static final TaskSize API_DEFAULT = new TaskSize(1024, 2048);

        public TaskSize {
            List<Integer> memory = FARGATE_MEMORY.get(cpu);
            if (memory == null) {
                throw new IllegalArgumentException("Not a Fargate task size: cpu " + cpu + "; Fargate accepts cpu "
                        + new java.util.TreeSet<>(FARGATE_MEMORY.keySet()));
            }
            if (!memory.contains(memoryMiB)) {
                throw new IllegalArgumentException("Not a Fargate task size: cpu " + cpu + " with memoryMiB "
                        + memoryMiB + "; with cpu " + cpu + " Fargate accepts memoryMiB " + memory);
            }
        }

        private static List<Integer> steps(int from, int to, int step) {
            return java.util.stream.IntStream.iterate(from, size -> size <= to, size -> size + step).boxed().toList();
        }
    }

    /**
     * How an API task stops. ECS removes it from Cloud Map and sends SIGTERM at the same
     * moment; API Gateway keeps sending to it from its own cache of Cloud Map's answer
     * for a while no one documents. So the API keeps serving for the drain (readiness
     * DOWN), then lets in-flight requests finish for at most
     * {@link #GRACEFUL_SHUTDOWN_SECONDS}; ECS sends SIGKILL at the stop timeout, which
     * must come after both (infra/README.md, "Stopping an API task").
     */
    public record Shutdown(int drainSeconds, int stopTimeoutSeconds) {

        /**
         * The longest a request may still run after the drain: the API's
         * spring.lifecycle.timeout-per-shutdown-phase (application.yaml).
         */
        public static final int GRACEFUL_SHUTDOWN_SECONDS = 20;

        /** The longest stop timeout Fargate allows. */
        public static final int FARGATE_MAX_STOP_TIMEOUT_SECONDS = 120;

        public static final Shutdown DEFAULT = new Shutdown(30, 60);

        public Shutdown {
            if (drainSeconds < 0) {
                throw new IllegalArgumentException("apiDrainSeconds must be at least 0: " + drainSeconds);
            }
            if (stopTimeoutSeconds > FARGATE_MAX_STOP_TIMEOUT_SECONDS) {
                throw new IllegalArgumentException("apiStopTimeoutSeconds must be at most "
                        + FARGATE_MAX_STOP_TIMEOUT_SECONDS + " (Fargate's limit): " + stopTimeoutSeconds);
            }
            if (stopTimeoutSeconds <= drainSeconds + GRACEFUL_SHUTDOWN_SECONDS) {
                throw new IllegalArgumentException("apiStopTimeoutSeconds (" + stopTimeoutSeconds
                        + ") must exceed apiDrainSeconds (" + drainSeconds + ") plus the longest request the API lets "
                        + "finish (" + GRACEFUL_SHUTDOWN_SECONDS + "), or ECS kills requests in flight");
            }
        }

    }

    /**
     * A domain the user owns (pointed at the ALB) and an ACM certificate for it, in the
     * stack's region.
     */
    public record CustomDomain(String name, String certificateArn) {
        public CustomDomain {
            if (name.isBlank() || certificateArn.isBlank()) {
                throw new IllegalArgumentException("domainName and certificateArn must both be set");
            }
        }
    }

    public DeploymentParameters {
        // 0 tasks is allowed: a first deploy creates the ECR repositories before any
        // image is in them.
        if (api.desiredCount() < 0 || frontend.desiredCount() < 0 || api.maxCount() < Math.max(1, api.desiredCount())) {
            throw new IllegalArgumentException(
                    "desired counts must be at least 0 and apiMaxCount at least 1 and at least apiDesiredCount");
        }
        if (frontend.maxCount() < Math.max(1, frontend.desiredCount())) {
            throw new IllegalArgumentException("frontendMaxCount must be at least 1 and at least frontendDesiredCount");
        }
        // During a rolling deploy the old and the new tasks are both up (max healthy
        // 200 %): every pool may be open at once.
        int connections = api.maxCount() * database.poolSizePerTask() * 2;
        if (connections >= database.connectionLimit()) {
            throw new IllegalArgumentException(
                    "The API can open " + connections + " database connections (apiMaxCount " + api.maxCount()
                            + " x apiDbPoolSize " + database.poolSizePerTask() + " x 2 during a deploy), but a db.t4g."
                            + database.size() + " admits about " + database.connectionLimit()
                            + ": lower apiMaxCount or apiDbPoolSize, or choose a larger " + "databaseSize");
        }
    }

    /**
     * Reads the parameters. {@code context} looks a key up in CDK context (values from
     * {@code -c} are strings, values from JSON may be numbers or booleans);
     * {@code defaultRegion} is the CLI's {@code CDK_DEFAULT_REGION}.
     */
    static DeploymentParameters from(Function<String, Object> context, Optional<String> defaultRegion) {
        Function<String, Optional<String>> text = key -> Optional.ofNullable(context.apply(key))
            .map(String::valueOf)
            .map(String::trim)
            .filter(value -> !value.isEmpty());
        Function<String, Integer> number = key -> text.apply(key).map(value -> {
            try {
                return Integer.valueOf(value);
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("context " + key + " must be a whole number: " + value, e);
            }
        }).orElse(null);
        Function<String, Optional<Boolean>> flag = key -> text.apply(key).map(value -> bool(key, value));
        Optional<String> domainName = text.apply("domainName");
        Optional<String> certificateArn = text.apply("certificateArn");
        if (domainName.isPresent() != certificateArn.isPresent()) {
            throw new IllegalArgumentException("domainName and certificateArn must both be set, or neither");
        }
        Preset preset = text.apply("preset").map(Preset::parse).orElse(Preset.DEV);
        Target target = new Target(text.apply("environment").orElse("dev"), text.apply("region")
            .or(() -> defaultRegion)
            .orElseThrow(() -> new IllegalArgumentException(
                    "no region: configure one for the AWS CLI profile (cdk passes it as CDK_DEFAULT_REGION) or pass -c region=...")),
                text.apply("imageTag")
                    .orElseThrow(() -> new IllegalArgumentException("no imageTag: pass the tag of the images to run, "
                            + "-c imageTag=<tag> (the pipeline passes each build's commit); there is no default, "
                            + "so that no deploy runs an image nobody chose")),
                Path.of(text.apply("openApiDocument").orElse("target/openapi.json")));
        Service api = new Service(
                taskSize("api", orDefault(number.apply("apiCpu"), TaskSize.API_DEFAULT.cpu()),
                        orDefault(number.apply("apiMemoryMiB"), TaskSize.API_DEFAULT.memoryMiB())),
                orDefault(number.apply("apiDesiredCount"), preset.apiDesiredCount()),
                orDefault(number.apply("apiMaxCount"), preset.apiMaxCount()));
        Service frontend = new Service(
                taskSize("frontend", orDefault(number.apply("frontendCpu"), TaskSize.SMALLEST.cpu()),
                        orDefault(number.apply("frontendMemoryMiB"), TaskSize.SMALLEST.memoryMiB())),
                orDefault(number.apply("frontendDesiredCount"), preset.frontendDesiredCount()),
                orDefault(number.apply("frontendMaxCount"), preset.frontendMaxCount()));
        Shutdown apiShutdown = new Shutdown(orDefault(number.apply("apiDrainSeconds"), Shutdown.DEFAULT.drainSeconds()),
                orDefault(number.apply("apiStopTimeoutSeconds"), Shutdown.DEFAULT.stopTimeoutSeconds()));
        Network network = new Network(orDefault(number.apply("natGateways"), preset.natGateways()),
                flag.apply("vpcEndpoints").orElse(false),
                domainName.map(name -> new CustomDomain(name, certificateArn.orElseThrow())));
        Database database = new Database(text.apply("databaseSize").orElse(preset.databaseSize()),
                flag.apply("multiAzDatabase").orElse(preset.multiAzDatabase()),
                orDefault(number.apply("apiDbPoolSize"), DEFAULT_POOL_SIZE));
        Accounts accounts = new Accounts(flag.apply("signUp").orElse(false), text.apply("sesIdentity"));
        return new DeploymentParameters(target, preset, api, frontend, apiShutdown, network, database, accounts,
                text.apply("alarmEmail"));
    }

    /** The task size, refused with the keys that chose it ({@code apiCpu}, ...). */
    private static TaskSize taskSize(String service, int cpu, int memoryMiB) {
        try {
            return new TaskSize(cpu, memoryMiB);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(service + "Cpu / " + service + "MemoryMiB: " + e.getMessage(), e);
        }
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static boolean bool(String key, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false: " + value);
        };
    }

    /**
     * The URL users open: the custom domain over HTTPS, else the ALB over HTTP (resolved
     * at deploy time).
     */
    public String frontendUrl(String loadBalancerDnsName) {
        return network.domain().map(d -> "https://" + d.name()).orElse("http://" + loadBalancerDnsName);
    }

    /** Physical name prefix, e.g. {@code movies-dev}. */
    public String namePrefix() {
        return "movies-" + target.environmentName();
    }
}
