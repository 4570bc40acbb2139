package io.loadbench.cli.k8s;

import io.fabric8.kubernetes.api.model.Quantity;
import io.loadbench.results.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * One scaled-out run on Kubernetes, validated and sealed: what {@code loadbench k8s render} writes and
 * {@code loadbench k8s run} applies. Every value is checked here, naming its option; nothing is repaired.
 *
 * @param runId            names the Jobs and is every pod's {@code LB_RUN_ID}
 * @param namespace        the Jobs' namespace; empty: kubectl's current one
 * @param injectors        the injectors Job's completions and parallelism, and every injector's {@code LB_SHARD_COUNT}
 * @param startDelay       from rendering the injectors Job to the instant every shard starts its schedule
 * @param deadlineMargin   added to the start delay and the workload's duration for the injectors'
 *                         {@code activeDeadlineSeconds}
 * @param workloadDuration the workload's duration (its {@code --duration}, else its preset's)
 * @param workloadArgs     the workload's name and its options, passed to {@code loadbench run} as given
 * @param targets          the systems under test, and where their URLs come from
 * @param results          where the shards write and the merge reads
 * @param resultsPvc       the claim mounted at a {@code file://} results path
 * @param s3Secret         the Secret with the S3 credentials ({@code AWS_ACCESS_KEY_ID}, ...)
 * @param s3Endpoint       an S3-compatible endpoint ({@code LB_S3_ENDPOINT}); empty: AWS's
 * @param load             the sharded load before the run, if any
 */
record ScaleOutPlan(String runId, Optional<String> namespace, String image, int injectors, Duration startDelay,
                    Duration deadlineMargin, Duration workloadDuration, List<String> workloadArgs, Targets targets,
                    ResultsLocation results, Optional<String> resultsPvc, Optional<String> s3Secret,
                    Optional<String> s3Endpoint, Resources resources, Optional<LoadPlan> load, Duration mergeTimeout) {

    /** Every default of {@code loadbench k8s}, in one place. */
    static final class Defaults {
        static final String IMAGE = "loadbench:0.1.0";
        /** Scheduling, pulling a ~200 MB image on a cold node and the JVM's start take about a minute; 90 s leaves slack. */
        static final String START_DELAY = "90s";
        /** The run's query and pool timeouts, its verdict, a closed model's ramp and the upload of the shard's folder. */
        static final String DEADLINE_MARGIN = "5m";
        /** Whole cores requested and limited alike: Guaranteed QoS, so the kubelet's static CPU policy can pin them. */
        static final String CPU = "2";
        static final String MEMORY = "4Gi";
        static final int LOAD_SHARDS = 4;
        static final int LOAD_RETRIES = 2;
        static final String LOAD_TIMEOUT = "2h";
        static final String MERGE_TIMEOUT = "15m";

        private Defaults() {
        }
    }

    /** The longest run id: the Job names add up to 12 characters, a pod's name its index and 6 more, within 63. */
    static final int MAX_RUN_ID_LENGTH = 40;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    ScaleOutPlan {
        requireLabel("--run-id", runId, MAX_RUN_ID_LENGTH);
        namespace.ifPresent(ns -> requireLabel("--namespace", ns, 63));
        if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("--image: expected an image reference such as registry.example.com/loadbench:0.1.0, got '"
                    + image + "'");
        }
        requireRange("--injectors", injectors, 1, io.loadbench.results.shard.Shard.MAX_COUNT);
        if (workloadArgs.isEmpty()) {
            throw new IllegalArgumentException("name the workload the injectors run: loadbench k8s render [OPTIONS] WORKLOAD [ITS OPTIONS]");
        }
        if (results.isFile() && resultsPvc.isEmpty()) {
            throw new IllegalArgumentException("--results-pvc: a file:// --results-uri is a shared volume: name the "
                    + "PersistentVolumeClaim (ReadWriteMany) every pod mounts at " + results.mountPath().get());
        }
        if (!results.isFile() && resultsPvc.isPresent()) {
            throw new IllegalArgumentException("--results-pvc: an s3:// --results-uri needs no volume; leave it out");
        }
        if (results.isFile() && (s3Secret.isPresent() || s3Endpoint.isPresent())) {
            throw new IllegalArgumentException((s3Secret.isPresent() ? "--s3-secret" : "--s3-endpoint")
                    + ": only for an s3:// --results-uri");
        }
        resultsPvc.ifPresent(name -> requireSubdomain("--results-pvc", name));
        s3Secret.ifPresent(name -> requireSubdomain("--s3-secret", name));
        if (load.isPresent() && !targets.hasPostgres()) {
            throw new IllegalArgumentException("--load: a sharded load needs a PostgreSQL every shard reaches: give --pg-url, "
                    + "or --target-secret with LOADBENCH_PG_URL in it");
        }
        workloadArgs = List.copyOf(workloadArgs);
    }

    /**
     * The injectors' {@code activeDeadlineSeconds}: the start delay (the schedule starts then), plus the workload's
     * duration, plus the margin. Kubernetes counts it from the Job's start, so a pod that is not running by then is
     * cut off with the rest (and would have been late anyway).
     */
    Duration injectorsDeadline() {
        return startDelay.plus(workloadDuration).plus(deadlineMargin);
    }

    /** {@code lb-<yyyyMMdd-HHmmss>-<4 hex>}, UTC: sorts by time, and two renders in the same second still differ. */
    static String generatedRunId(Clock clock, RandomGenerator random) {
        return "lb-" + RUN_ID_TIME.format(clock.instant()) + "-" + HexFormat.of().toHexDigits((short) random.nextInt(0x10000));
    }

    /** The systems under test: their URLs go into the args, or come from a Secret. */
    record Targets(Optional<String> pgUrl, Optional<String> redisUrl, Optional<String> secret) {

        static final String PG_URL_KEY = io.loadbench.datastores.TargetSpec.PG_URL_ENV;
        static final String REDIS_URL_KEY = io.loadbench.datastores.TargetSpec.REDIS_URL_ENV;

        Targets {
            secret.ifPresent(name -> requireSubdomain("--target-secret", name));
            if (secret.isEmpty()) {
                refusePassword("--pg-url", pgUrl);
                refusePassword("--redis-url", redisUrl);
            }
        }

        private static void refusePassword(String option, Optional<String> url) {
            if (url.isPresent() && !Secrets.maskUrl(url.get()).equals(url.get())) {
                throw new IllegalArgumentException(option + " carries a password, which the manifests would show in clear: "
                        + "put the URLs in a Secret (keys " + PG_URL_KEY + ", " + REDIS_URL_KEY + ") and give --target-secret NAME");
            }
        }

        /**
         * The URL flags for a container's args: none with a Secret, since a flag would win over the Secret's
         * variables; the Secret's keys are then required for the URLs given, optional for the others.
         */
        List<String> urlArgs() {
            if (secret.isPresent()) {
                return List.of();
            }
            List<String> args = new java.util.ArrayList<>();
            pgUrl.ifPresent(url -> args.addAll(List.of("--pg-url", url)));
            redisUrl.ifPresent(url -> args.addAll(List.of("--redis-url", url)));
            return args;
        }

        boolean hasPostgres() {
            return pgUrl.isPresent() || secret.isPresent();
        }
    }

    /** One container's CPU and memory, requested and limited alike. */
    record Resources(Quantity cpu, Quantity memory) {

        static Resources parse(String cpu, String memory) {
            return new Resources(quantity("--cpu", cpu), quantity("--memory", memory));
        }

        private static Quantity quantity(String option, String text) {
            Quantity quantity;
            try {
                quantity = new Quantity(text.strip());
                if (Quantity.getAmountInBytes(quantity).signum() <= 0) {
                    throw new IllegalArgumentException("not positive");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(option + ": expected a positive Kubernetes quantity such as "
                        + (option.equals("--cpu") ? "2 or 500m" : "4Gi or 512Mi") + ", got '" + text + "'");
            }
            return quantity;
        }
    }

    /**
     * The sharded load before the run: an Indexed Job of {@code shards} completions, {@code parallelism} at a time,
     * each index retried up to {@code retries} times, then the finish Job.
     */
    record LoadPlan(String dataset, Optional<String> rows, int shards, int parallelism, int retries, Duration timeout) {

        LoadPlan {
            if (!DNS_SUBDOMAIN.matcher(dataset).matches()) {
                throw new IllegalArgumentException("--load: expected a dataset name ('loadbench datasets' lists them), got '"
                        + dataset + "'");
            }
            rows.ifPresent(text -> io.loadbench.loader.cli.RowCounts.parse("--rows", text));
            requireRange("--load-shards", shards, 1, io.loadbench.results.shard.Shard.MAX_COUNT);
            requireRange("--load-parallelism", parallelism, 1, shards);
            requireRange("--load-retries", retries, 0, 100);
        }
    }

    private static void requireLabel(String option, String value, int maxLength) {
        if (value.length() > maxLength || !DNS_LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException(option + ": expected a DNS label (lower-case letters, digits and '-', "
                    + "starting and ending with a letter or digit, at most " + maxLength + " characters), got '" + value + "'");
        }
    }

    private static void requireSubdomain(String option, String value) {
        if (value.length() > 253 || !DNS_SUBDOMAIN.matcher(value).matches()) {
            throw new IllegalArgumentException(option + ": expected a Kubernetes object name (lower-case letters, digits, "
                    + "'-' and '.'), got '" + value + "'");
        }
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + ": must be from " + min + " to " + max + ", got " + value);
        }
    }
}
