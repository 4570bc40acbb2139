package io.loadbench.cli.k8s;

import io.loadbench.cli.DurationOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of {@code loadbench k8s render} and {@code run} (a picocli mixin): raw values only, turned into a
 * {@link ScaleOutPlan}, which validates them. Defaults are {@link ScaleOutPlan.Defaults}.
 */
final class ScaleOutOptions {

    @Option(names = "--injectors", required = true, paramLabel = "N",
            description = "injector pods: the Indexed Job's completions and parallelism, each pod's LB_SHARD_COUNT")
    int injectors;

    @Option(names = "--results-uri", required = true, paramLabel = "URI",
            description = "where the shards write, <URI>/<run-id>/shard-<i>/, and the merge reads: file:///PATH (a shared "
                    + "volume: give --results-pvc) or s3://BUCKET/PREFIX")
    String resultsUri;

    @Option(names = "--results-pvc", paramLabel = "CLAIM",
            description = "the PersistentVolumeClaim (ReadWriteMany) mounted at a file:// URI's path in every pod")
    String resultsPvc;

    @Option(names = "--s3-secret", paramLabel = "SECRET",
            description = "the Secret with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (AWS_REGION and LB_S3_ENDPOINT optional) "
                    + "for an s3:// URI; without it the pods use their own identity (IRSA, workload identity)")
    String s3Secret;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "an S3-compatible endpoint (MinIO, Ceph), set as LB_S3_ENDPOINT (default: AWS's, or the Secret's)"
                    + "an S3-compatible endpoint (MinIO, Ceph), set as LB_S3_ENDPOINT (default: AWS's, or the Secret's)")
    String s3Endpoint;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = ScaleOutPlan.Defaults.IMAGE,
            description = "the loadbench image every pod runs (default ${DEFAULT-VALUE}; see the Dockerfile)")
    String image;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "the Jobs' namespace (default: kubectl's current one)")
    String namespace;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "names the Jobs (<ID>-injectors, ...) and every pod's LB_RUN_ID; a DNS label of at most "
                    + ScaleOutPlan.MAX_RUN_ID_LENGTH + " characters (default: lb-<yyyyMMdd-HHmmss>-<4 hex>, UTC)")
    String runId;

    @Option(names = "--start-delay", paramLabel = "DURATION", defaultValue = ScaleOutPlan.Defaults.START_DELAY,
            description = "from rendering the injectors Job to its --start-at, the instant every shard starts its schedule: "
                    + "from rendering the injectors Job to its --start-at, the instant every shard starts its schedule: "
                    + "time to schedule the pods, pull the image and warm up; a shard not ready by then exits 3, late "
                    + "(default ${DEFAULT-VALUE})")
    String startDelay;

    @Option(names = "--deadline-margin", paramLabel = "DURATION", defaultValue = ScaleOutPlan.Defaults.DEADLINE_MARGIN,
            description = "the injectors' activeDeadlineSeconds is --start-delay + the workload's duration + this margin "
                    + "the injectors' activeDeadlineSeconds is --start-delay + the workload's duration + this margin "
                    + "(the run's timeouts and verdict, a closed model's ramp, the upload) (default ${DEFAULT-VALUE})")
    String deadlineMargin;

    @Option(names = "--pg-url", paramLabel = "URL",
            description = "PostgreSQL under test, passed to every pod; one with a password needs --target-secret")
    String pgUrl;

    @Option(names = "--redis-url", paramLabel = "URL",
            description = "Redis under test, passed to every pod; one with a password needs --target-secret")
    String redisUrl;

    @Option(names = "--target-secret", paramLabel = "SECRET",
            description = "the Secret holding LOADBENCH_PG_URL and LOADBENCH_REDIS_URL: the pods read the URLs from it and no "
                    + "URL is written into the manifests (a key named by --pg-url/--redis-url must be there, the other may "
                    + "not)")
    String targetSecret;

    @Option(names = "--cpu", paramLabel = "QUANTITY", defaultValue = ScaleOutPlan.Defaults.CPU,
            description = "CPU of each pod: an injector's request and limit (Guaranteed QoS); a loader's request (default "
                    + "${DEFAULT-VALUE})")
    String cpu;

    @Option(names = "--memory", paramLabel = "QUANTITY", defaultValue = ScaleOutPlan.Defaults.MEMORY,
            description = "memory of each pod, request and limit; the JVM takes 75%% of it as heap (default ${DEFAULT-VALUE})"
                    + "memory of each pod, request and limit; the JVM takes 75%% of it as heap (default ${DEFAULT-VALUE})")
    String memory;

    @Option(names = "--load", paramLabel = "DATASET",
            description = "first load DATASET sharded (an Indexed Job, then its finish Job); needs a PostgreSQL URL")
    String load;

    @Option(names = "--rows", paramLabel = "N", description = "the load's rows: 1M, 20M (default: the dataset's)")
    String rows;

    @Option(names = "--load-shards", paramLabel = "S",
            description = "the load's shards: its Job's completions (default " + ScaleOutPlan.Defaults.LOAD_SHARDS + ")"
                    + "the load's shards: its Job's completions (default " + ScaleOutPlan.Defaults.LOAD_SHARDS + ")")
    Integer loadShards;

    @Option(names = "--load-parallelism", paramLabel = "P", description = "load shards running at once (default: --load-shards)")
    Integer loadParallelism;

    @Option(names = "--load-retries", paramLabel = "R",
            description = "retries of each load shard on its own: backoffLimitPerIndex, Kubernetes 1.29+ (default "
                    + ScaleOutPlan.Defaults.LOAD_RETRIES + ")")
    Integer loadRetries;

    @Option(names = "--load-timeout", paramLabel = "DURATION",
            description = "activeDeadlineSeconds of the load's Job and of its finish Job each (default "
                    + ScaleOutPlan.Defaults.LOAD_TIMEOUT + ")")
    String loadTimeout;

    @Option(names = "--merge-timeout", paramLabel = "DURATION", defaultValue = ScaleOutPlan.Defaults.MERGE_TIMEOUT,
            description = "activeDeadlineSeconds of the merge Job (default ${DEFAULT-VALUE})")
    String mergeTimeout;

    @Parameters(paramLabel = "WORKLOAD [OPTION...]",
            description = "the workload the injectors run and its options, as 'loadbench run' takes them (cache --rate 20000 "
                    + "--duration 120s); everything from the workload's name on, or after --, is its")
    List<String> workload = new ArrayList<>();

    /**
     * The plan these options describe.
     *
     * @param clock  the render's clock: the generated run id's time
     * @param random the generated run id's suffix
     * @throws IllegalArgumentException naming the first bad option
     */
    ScaleOutPlan plan(Clock clock, RandomGenerator random) {
        boolean loadOptions = rows != null || loadShards != null || loadParallelism != null || loadRetries != null
                || loadTimeout != null;
        if (load == null && loadOptions) {
            throw new IllegalArgumentException("--rows, --load-shards, --load-parallelism, --load-retries and --load-timeout "
                    + "size a load: give --load DATASET too");
        }
        Optional<ScaleOutPlan.LoadPlan> loadPlan = Optional.ofNullable(load).map(dataset -> {
            int shards = loadShards == null ? ScaleOutPlan.Defaults.LOAD_SHARDS : loadShards;
            return new ScaleOutPlan.LoadPlan(dataset.strip(), Optional.ofNullable(rows).map(String::strip), shards,
                    loadParallelism == null ? shards : loadParallelism,
                    loadRetries == null ? ScaleOutPlan.Defaults.LOAD_RETRIES : loadRetries,
                    DurationOption.positive("--load-timeout", loadTimeout == null ? ScaleOutPlan.Defaults.LOAD_TIMEOUT : loadTimeout));
        });
        ScaleOutPlan.Targets targets = new ScaleOutPlan.Targets(given(pgUrl), given(redisUrl), given(targetSecret));
        return new ScaleOutPlan(runId == null ? ScaleOutPlan.generatedRunId(clock, random) : runId.strip(), given(namespace),
                image.strip(), injectors, DurationOption.parse("--start-delay", startDelay),
                DurationOption.parse("--deadline-margin", deadlineMargin), WorkloadArguments.duration(workload), workload,
                targets, ResultsLocation.parse(resultsUri), given(resultsPvc), given(s3Secret), given(s3Endpoint),
                ScaleOutPlan.Resources.parse(cpu, memory), loadPlan, DurationOption.positive("--merge-timeout", mergeTimeout));
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip);
    }
}
