package io.loadbench.cli.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.loadbench.cli.Loadbench;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code loadbench k8s render}, read back: the YAML is parsed into fabric8's typed Jobs and held to what the
 * manifests promise, and no field may be one the Kubernetes model does not know (kubectl cannot check offline).
 */
class RenderCommandTest {

    static final Instant NOW = Instant.parse("2026-11-22T06:22:18Z");
    static final List<String> FILE_RESULTS = List.of("--results-uri", "file:///results", "--results-pvc", "lb-results");
    static final List<String> CACHE = List.of("cache", "--rate", "20000", "--duration", "120s");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int render(List<String> args) {
        List<String> all = new ArrayList<>(List.of("render"));
        all.addAll(args);
        return K8sCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.fixed(NOW, ZoneOffset.UTC),
                new SplittableRandom(42), duration -> { });
    }

    private static List<String> args(List<?>... parts) {
        List<String> args = new ArrayList<>();
        for (List<?> part : parts) {
            part.forEach(value -> args.add(String.valueOf(value)));
        }
        return args;
    }

    /** Renders and reads the Jobs back, asserting the render succeeded. */
    private List<Job> jobs(List<String> args) {
        assertThat(render(args)).as(err()).isZero();
        return ManifestYaml.readJobs(out());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Job job(List<Job> jobs, String suffix) {
        return jobs.stream().filter(job -> job.getMetadata().getName().endsWith("-" + suffix)).findFirst().orElseThrow();
    }

    private static PodSpec pod(Job job) {
        return job.getSpec().getTemplate().getSpec();
    }

    private static Container container(Job job) {
        assertThat(pod(job).getContainers()).hasSize(1);
        return pod(job).getContainers().get(0);
    }

    private static EnvVar env(Job job, String name) {
        return container(job).getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(job.getMetadata().getName() + " has no " + name));
    }

    @Test
    void theInjectorsJobIsIndexedAndEveryPodIsToldTheCompletionsAsItsShardCount() {
        Job injectors = job(jobs(args(List.of("--injectors", 4), FILE_RESULTS, CACHE)), "injectors");

        assertThat(injectors.getApiVersion()).isEqualTo("batch/v1");
        assertThat(injectors.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(injectors.getSpec().getCompletions()).isEqualTo(4);
        assertThat(injectors.getSpec().getParallelism()).isEqualTo(4);
        assertThat(env(injectors, "LB_SHARD_COUNT").getValue()).isEqualTo("4");
        assertThat(pod(injectors).getRestartPolicy()).isEqualTo("Never");
        assertThat(injectors.getSpec().getBackoffLimit()).isZero();
        assertThat(container(injectors).getArgs()).startsWith("run", "cache", "--rate", "20000", "--duration", "120s")
                .containsSubsequence("--results-uri", "file:///results");
    }

    @Test
    void anInjectorThatExitsWithAnythingButZeroFailsTheWholeJob() {
        Job injectors = job(jobs(args(List.of("--injectors", 3), FILE_RESULTS, CACHE)), "injectors");

        List<PodFailurePolicyRule> rules = injectors.getSpec().getPodFailurePolicy().getRules();
        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.getAction()).isEqualTo("FailJob");
            assertThat(rule.getOnExitCodes().getOperator()).isEqualTo("NotIn");
            assertThat(rule.getOnExitCodes().getValues()).containsExactly(0);
            assertThat(rule.getOnExitCodes().getContainerName()).isEqualTo(container(injectors).getName());
        });
    }

    @Test
    void theInjectorsStartAtTheRenderInstantPlusTheStartDelayAndTheirDeadlineCoversTheRun() {
        Job byDefault = job(jobs(args(List.of("--injectors", 2), FILE_RESULTS, CACHE)), "injectors");
        List<String> args = container(byDefault).getArgs();
        Instant startAt = Instant.parse(args.get(args.indexOf("--start-at") + 1));

        assertThat(startAt).isEqualTo(NOW.plusSeconds(90));
        // the start delay, the workload's 120 s, the 5-minute margin
        assertThat(byDefault.getSpec().getActiveDeadlineSeconds()).isEqualTo(90 + 120 + 300);

        out.reset();
        Job given = job(jobs(args(List.of("--injectors", 2, "--start-delay", "3m", "--deadline-margin", "1m"), FILE_RESULTS,
                List.of("cache", "--preset", "demo"))), "injectors");
        List<String> givenArgs = container(given).getArgs();
        assertThat(Instant.parse(givenArgs.get(givenArgs.indexOf("--start-at") + 1))).isEqualTo(NOW.plusSeconds(180));
        // the demo preset's 60 s
        assertThat(given.getSpec().getActiveDeadlineSeconds()).isEqualTo(180 + 60 + 60);
    }

    @Test
    void theInjectorsAreSpreadOverTheNodesWithoutRefusingToScheduleOnFewer() {
        Job injectors = job(jobs(args(List.of("--injectors", 8), FILE_RESULTS, CACHE)), "injectors");

        assertThat(pod(injectors).getTopologySpreadConstraints()).singleElement().satisfies(spread -> {
            assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(spread.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");
            assertThat(injectors.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(spread.getLabelSelector().getMatchLabels());
        });
    }

    @Test
    void everyPodGetsTheRunIdAndItsOwnUidFromTheDownwardApi() {
        List<Job> jobs = jobs(args(List.of("--injectors", 2, "--run-id", "bench-7", "--load", "events", "--rows", "1M",
                "--pg-url", "postgresql://bench@pg:5432/bench"), FILE_RESULTS, CACHE));

        assertThat(jobs).extracting(job -> job.getMetadata().getName())
                .containsExactly("bench-7-load", "bench-7-load-finish", "bench-7-injectors", "bench-7-merge");
        for (Job job : jobs) {
            assertThat(env(job, "LB_RUN_ID").getValue()).isEqualTo("bench-7");
            EnvVar uid = env(job, "POD_UID");
            assertThat(uid.getValue()).isNull();
            assertThat(uid.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.uid");
            assertThat(pod(job).getRestartPolicy()).isEqualTo("Never");
            assertThat(job.getMetadata().getLabels()).containsEntry(JobManifests.RUN_ID_LABEL, "bench-7");
        }
    }

    @Test
    void theLoadRetriesEachIndexOnItsOwnAndItsFinishRunsOnceWithTheSameOptions() {
        List<Job> jobs = jobs(args(List.of("--injectors", 2, "--run-id", "bench-7", "--load", "events", "--rows", "20M",
                "--load-shards", 8, "--load-parallelism", 3, "--load-retries", 4, "--load-timeout", "90m",
                "--pg-url", "postgresql://bench@pg:5432/bench"), FILE_RESULTS, CACHE));
        Job load = job(jobs, "load");
        Job finish = job(jobs, "load-finish");

        assertThat(load.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(load.getSpec().getCompletions()).isEqualTo(8);
        assertThat(load.getSpec().getParallelism()).isEqualTo(3);
        assertThat(load.getSpec().getBackoffLimitPerIndex()).isEqualTo(4);
        assertThat(load.getSpec().getBackoffLimit()).isNull();
        assertThat(load.getSpec().getActiveDeadlineSeconds()).isEqualTo(90 * 60);
        assertThat(env(load, "LB_SHARD_COUNT").getValue()).isEqualTo("8");
        List<String> shardArgs = List.of("load", "events", "--rows", "20M", "--run-id", "bench-7",
                "--pg-url", "postgresql://bench@pg:5432/bench", "--results", "/results/bench-7/load");
        assertThat(container(load).getArgs()).containsExactlyElementsOf(shardArgs);

        assertThat(finish.getSpec().getCompletionMode()).isNull();
        assertThat(finish.getSpec().getCompletions()).isEqualTo(1);
        assertThat(finish.getSpec().getBackoffLimit()).isZero();
        assertThat(container(finish).getArgs()).startsWith(shardArgs.toArray(String[]::new)).endsWith("--finish");
        assertThat(container(finish).getEnv()).extracting(EnvVar::getName).doesNotContain("LB_SHARD_COUNT");
    }

    @Test
    void theMergeJobMergesTheRunsFolderUnderTheResultsUri() {
        Job merge = job(jobs(args(List.of("--injectors", 2, "--run-id", "bench-7", "--results-uri", "s3://bench/runs/",
                "--s3-secret", "s3-creds"), CACHE)), "merge");

        assertThat(container(merge).getArgs()).containsExactly("report", "merge-shards", "s3://bench/runs/bench-7");
        assertThat(merge.getSpec().getCompletions()).isEqualTo(1);
        assertThat(merge.getSpec().getBackoffLimit()).isZero();
        assertThat(merge.getSpec().getActiveDeadlineSeconds()).isEqualTo(15 * 60);
    }

    @Test
    void noObjectHasAFieldTheKubernetesModelDoesNotKnow() {
        // every option that adds fields: a load, both targets from a Secret, S3 with its Secret and endpoint
        List<Job> jobs = jobs(args(List.of("--injectors", 3, "-n", "bench", "--load", "events", "--rows", "1M",
                "--target-secret", "targets", "--pg-url", "postgresql://u:pw@pg/db", "--redis-url", "redis://r:6379",
                "--results-uri", "s3://bench/runs", "--s3-secret", "s3-creds", "--s3-endpoint", "http://minio:9000"), CACHE));
        int[] visited = {0};
        List<String> unknown = new ArrayList<>();
        for (Job job : jobs) {
            unknown.addAll(unknownFields(job, job.getMetadata().getName(), visited));
        }

        assertThat(unknown).isEmpty();
        assertThat(visited[0]).as("model objects walked").isGreaterThan(100);
    }

    @Test
    void theUnknownFieldCheckCatchesATypoedField() {
        assertThat(render(args(List.of("--injectors", 2), FILE_RESULTS, CACHE))).isZero();
        String typo = out().replace("backoffLimit: 0", "backofLimit: 0").replace("restartPolicy: Never", "restartPolicy: Never\n      restartPolcy: Never");

        List<String> unknown = new ArrayList<>();
        for (Job job : ManifestYaml.readJobs(typo)) {
            unknown.addAll(unknownFields(job, job.getMetadata().getName(), new int[1]));
        }

        assertThat(unknown).anyMatch(field -> field.endsWith(".spec: [backofLimit]"))
                .anyMatch(field -> field.endsWith(".spec.template.spec: [restartPolcy]"));
    }

    @Test
    void numbersAndInstantsInStringFieldsAreQuotedStringsInTheYaml() throws IOException {
        assertThat(render(args(List.of("--injectors", 4), FILE_RESULTS, CACHE))).isZero();
        List<JsonNode> documents = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).<JsonNode>readValues(out()).readAll();
        JsonNode container = documents.get(0).at("/spec/template/spec/containers/0");

        // an unquoted 4 is a number, which the API server refuses for env[].value; an unquoted instant a YAML timestamp
        assertThat(container.at("/env/0/name").asText()).isEqualTo("LB_SHARD_COUNT");
        assertThat(container.at("/env/0/value").isTextual()).isTrue();
        container.get("args").forEach(arg -> assertThat(arg.isTextual()).as(arg.toString()).isTrue());
        assertThat(documents.get(0).at("/spec/completions").isInt()).isTrue();
    }

    @Test
    void aPasswordInAUrlNeverReachesTheManifestsWhenATargetSecretIsGiven() {
        List<Job> jobs = jobs(args(List.of("--injectors", 2, "--load", "events", "--target-secret", "targets",
                "--pg-url", "postgresql://u:hunter2pw@h/db"), FILE_RESULTS, CACHE));

        assertThat(out() + err()).doesNotContain("hunter2pw").doesNotContain("postgresql://");
        for (Job job : List.of(job(jobs, "load"), job(jobs, "load-finish"), job(jobs, "injectors"))) {
            assertThat(container(job).getArgs()).doesNotContain("--pg-url", "--redis-url");
            EnvVar pg = env(job, "LOADBENCH_PG_URL");
            assertThat(pg.getValueFrom().getSecretKeyRef().getName()).isEqualTo("targets");
            assertThat(pg.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("LOADBENCH_PG_URL");
            // named by --pg-url, so required; the Redis URL may be absent from the Secret
            assertThat(pg.getValueFrom().getSecretKeyRef().getOptional()).isFalse();
            assertThat(env(job, "LOADBENCH_REDIS_URL").getValueFrom().getSecretKeyRef().getOptional()).isTrue();
        }
    }

    @Test
    void aPasswordInAUrlWithoutATargetSecretIsRefusedInOneLine() {
        int exit = render(args(List.of("--injectors", 2, "--pg-url", "postgresql://u:hunter2pw@h/db"), FILE_RESULTS, CACHE));

        assertThat(exit).isEqualTo(Loadbench.EXIT_USAGE);
        assertThat(out()).isEmpty();
        assertThat(err().lines().toList()).singleElement().asString()
                .contains("--pg-url carries a password", "--target-secret").doesNotContain("hunter2pw");
    }

    @Test
    void aFileUriMountsTheClaimAtItsPathAndAnS3UriTakesItsCredentialsFromTheSecret() {
        Job onVolume = job(jobs(args(List.of("--injectors", 2), FILE_RESULTS, CACHE)), "injectors");
        assertThat(pod(onVolume).getVolumes()).anySatisfy(volume -> {
            assertThat(volume.getName()).isEqualTo("results");
            assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("lb-results");
        });
        assertThat(container(onVolume).getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("results");
            assertThat(mount.getMountPath()).isEqualTo("/results");
        });

        out.reset();
        Job onS3 = job(jobs(args(List.of("--injectors", 2, "--results-uri", "s3://bench/runs", "--s3-secret", "s3-creds"),
                CACHE)), "injectors");
        assertThat(pod(onS3).getVolumes()).extracting(v -> v.getName()).containsExactly("work", "tmp");
        assertThat(env(onS3, "AWS_SECRET_ACCESS_KEY").getValueFrom().getSecretKeyRef().getName()).isEqualTo("s3-creds");
        assertThat(env(onS3, "AWS_REGION").getValueFrom().getSecretKeyRef().getOptional()).isTrue();
    }

    @Test
    void theRunIdIsGeneratedFromTheClockAsADnsLabelUnlessGiven() {
        List<Job> jobs = jobs(args(List.of("--injectors", 2), FILE_RESULTS, CACHE));
        String runId = env(jobs.get(0), "LB_RUN_ID").getValue();

        assertThat(runId).matches("lb-20261122-062218-[0-9a-f]{4}");
        assertThat(jobs).allSatisfy(job -> assertThat(job.getMetadata().getName()).startsWith(runId + "-")
                .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63));
    }

    @Test
    void theOutFolderGetsOneFilePerJobNumberedInTheOrderToApplyThem() throws IOException {
        Path folder = dir.resolve("manifests");
        assertThat(render(args(List.of("--injectors", 2, "--run-id", "bench-7", "--out", folder, "--load", "events",
                "--pg-url", "postgresql://bench@pg/bench"), FILE_RESULTS, CACHE))).isZero();

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted()).containsExactly("01-bench-7-load.yaml",
                    "02-bench-7-load-finish.yaml", "03-bench-7-injectors.yaml", "04-bench-7-merge.yaml");
        }
        assertThat(ManifestYaml.readJobs(Files.readString(folder.resolve("03-bench-7-injectors.yaml"))))
                .singleElement().satisfies(job -> assertThat(job.getSpec().getCompletions()).isEqualTo(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "--injectors 0; --injectors: must be from 1 to 10000, got 0",
            "--results-uri http://x/y; --results-uri: expected file:///path",
            "--results-uri file:///results; --results-pvc: a file:// --results-uri is a shared volume",
            "--results-uri s3://b/p --results-pvc c; --results-pvc: an s3:// --results-uri needs no volume",
            "--run-id Bench_7; --run-id: expected a DNS label",
            "--cpu lots; --cpu: expected a positive Kubernetes quantity",
            "--memory 0; --memory: expected a positive Kubernetes quantity",
            "--start-delay 90; --start-delay: expected a duration such as 90s",
            "--rows 1M; --rows, --load-shards, --load-parallelism, --load-retries and --load-timeout size a load",
            "--load events; --load: a sharded load needs a PostgreSQL every shard reaches",
            "--load events --pg-url postgresql://h/db --load-shards 2 --load-parallelism 3; --load-parallelism: must be from 1 to 2",
            "--load events --pg-url postgresql://h/db --rows lots; invalid value for option '--rows'"})
    void badOptionsAreRefusedInOneLineNamingTheOption(String given, String problem) {
        List<String> args = new ArrayList<>(given.contains("--injectors") ? List.of() : List.of("--injectors", "2"));
        args.addAll(Arrays.asList(given.split(" ")));
        if (!given.contains("--results-uri")) {
            args.addAll(FILE_RESULTS);
        }
        args.addAll(CACHE);

        assertThat(render(args)).isEqualTo(Loadbench.EXIT_USAGE);
        assertThat(err().lines().toList()).singleElement().asString().startsWith("error: ").contains(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "cach --rate 10; unknown workload 'cach'",
            "cache --start-at 2026-01-01T00:00:00Z; --start-at after the workload: the manifests set",
            "cache --pg-url=postgresql://h/db; --pg-url after the workload",
            "cache --duration soon; cache --duration: expected a duration",
            "cache --preset huge; unknown preset 'huge' for cache"})
    void aWorkloadTheInjectorsCannotRunIsRefusedAtRender(String workload, String problem) {
        List<String> args = args(List.of("--injectors", 2), FILE_RESULTS, Arrays.asList(workload.split(" ")));

        assertThat(render(args)).isEqualTo(Loadbench.EXIT_USAGE);
        assertThat(err().lines().toList()).singleElement().asString().contains(problem);
    }

    @Test
    void aWorkloadAfterTheDoubleDashIsTheWorkloadsToo() {
        Job injectors = job(jobs(args(List.of("--injectors", 2), FILE_RESULTS, List.of("--"), CACHE)), "injectors");

        assertThat(container(injectors).getArgs()).startsWith("run", "cache", "--rate", "20000");
    }

    @Test
    void theHelpExplainsEveryOptionAndTheKubernetesVersionsNeeded() {
        assertThat(render(List.of("--help"))).isZero();

        assertThat(out()).contains("Kubernetes 1.26+", "1.29+", "backoffLimitPerIndex", "activeDeadlineSeconds")
                .contains("--injectors", "--results-uri", "--results-pvc", "--s3-secret", "--s3-endpoint", "--image",
                        "--namespace", "--run-id", "--start-delay", "--deadline-margin", "--pg-url", "--redis-url",
                        "--target-secret", "--cpu", "--memory", "--load", "--rows", "--load-shards", "--load-parallelism",
                        "--load-retries", "--load-timeout", "--merge-timeout", "--out");
    }

    /**
     * Every field fabric8 did not know, as {@code path: [names]}: each model object collects them in
     * {@code getAdditionalProperties()}; walks every getter that returns a model object, a list or a map.
     */
    static List<String> unknownFields(Object object, String path, int[] visited) {
        List<String> unknown = new ArrayList<>();
        if (object instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknown.addAll(unknownFields(list.get(i), path + "[" + i + "]", visited));
            }
            return unknown;
        }
        if (object instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknown.addAll(unknownFields(value, path + "." + key, visited)));
            return unknown;
        }
        if (object == null || !object.getClass().getPackageName().startsWith("io.fabric8")) {
            return unknown;
        }
        visited[0]++;
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(path + "." + getter.getName(), e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknown.addAll(unknownFields(value, path + "." + field, visited));
        }
        return unknown;
    }
}
