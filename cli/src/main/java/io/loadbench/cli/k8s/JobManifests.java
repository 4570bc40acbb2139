package io.loadbench.cli.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnExitCodesRequirementBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRuleBuilder;
import io.loadbench.results.shard.ShardContract;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jobs of a {@link ScaleOutPlan}, as typed Kubernetes objects, one per {@link Stage}. Each stage is rendered when
 * it is applied: the injectors' {@code --start-at} is the render's instant plus the start delay, so an injectors Job
 * rendered before a load that takes an hour would start its schedule in the past.
 *
 * <p>Every pod: restart policy Never (a restarted injector would replay a schedule already under way), no service
 * account token, a non-root user, a read-only root file system with {@value #WORK_DIR} and {@code /tmp} as empty
 * directories, the run id in {@code LB_RUN_ID} and its own uid in {@code POD_UID}.
 */
final class JobManifests {

    /** The image's working directory (the Dockerfile's WORKDIR): the JVM and Gatling write there. */
    static final String WORK_DIR = "/var/lib/loadbench";
    static final String INJECTOR_CONTAINER = "injector";
    static final String LOADER_CONTAINER = "loader";
    static final String MERGE_CONTAINER = "merge";
    static final String RUN_ID_LABEL = "loadbench.io/run-id";
    static final String COMPONENT_LABEL = "app.kubernetes.io/component";

    /** The Jobs of a run, in the order they run: each starts once the one before it has completed. */
    enum Stage {
        LOAD("load", "loads the dataset: one shard per index, each index retried on its own"),
        LOAD_FINISH("load-finish", "checks every shard of the load, then builds the indexes and verifies"),
        INJECTORS("injectors", "one injector per index, all starting their schedule at the same instant"),
        MERGE("merge", "merges the injectors' shards into one run and judges it");

        private final String suffix;
        private final String description;

        Stage(String suffix, String description) {
            this.suffix = suffix;
            this.description = description;
        }

        String jobName(String runId) {
            return runId + "-" + suffix;
        }

        /** The pods' {@value #COMPONENT_LABEL} label. */
        String component() {
            return suffix;
        }

        String description() {
            return description;
        }
    }

    private final ScaleOutPlan plan;

    JobManifests(ScaleOutPlan plan) {
        this.plan = plan;
    }

    /** The stages of the plan, in order: the load's two when it has one, then the injectors and the merge. */
    List<Stage> stages() {
        return plan.load().isPresent() ? List.of(Stage.values()) : List.of(Stage.INJECTORS, Stage.MERGE);
    }

    /** The Job of {@code stage}, rendered at {@code now}. */
    Job job(Stage stage, Instant now) {
        return switch (stage) {
            case LOAD -> load();
            case LOAD_FINISH -> loadFinish();
            case INJECTORS -> injectors(startAt(now));
            case MERGE -> merge();
        };
    }

    /** The instant every injector starts its schedule, to the second. */
    Instant startAt(Instant now) {
        return now.plus(plan.startDelay()).truncatedTo(ChronoUnit.SECONDS);
    }

    private Job injectors(Instant startAt) {
        List<String> args = new ArrayList<>();
        args.add("run");
        args.addAll(plan.workloadArgs());
        args.addAll(plan.targets().urlArgs());
        args.addAll(List.of("--start-at", startAt.toString(), "--results-uri", plan.results().uri()));
        List<EnvVar> env = sharded(plan.injectors());
        PodSpec pod = pod(Stage.INJECTORS, container(INJECTOR_CONTAINER, args, env, true));
        // one injector per node where the cluster has the nodes: two on one node share its CPU and network
        pod.setTopologySpreadConstraints(List.of(new TopologySpreadConstraintBuilder().withMaxSkew(1)
                .withTopologyKey("kubernetes.io/hostname").withWhenUnsatisfiable("ScheduleAnyway")
                .withNewLabelSelector().withMatchLabels(selector(Stage.INJECTORS)).endLabelSelector().build()));
        return new JobBuilder().withMetadata(metadata(Stage.INJECTORS)).withSpec(new JobSpecBuilder()
                .withCompletionMode("Indexed").withCompletions(plan.injectors()).withParallelism(plan.injectors())
                // a failed injector is not retried: its replacement would start after the schedule did
                .withBackoffLimit(0)
                .withPodFailurePolicy(failJobUnless(INJECTOR_CONTAINER, "NotIn", 0))
                .withActiveDeadlineSeconds(plan.injectorsDeadline().toSeconds())
                .withNewTemplate().withMetadata(podMetadata(Stage.INJECTORS)).withSpec(pod).endTemplate()
                .build()).build();
    }

    private Job load() {
        ScaleOutPlan.LoadPlan load = plan.load().orElseThrow();
        List<String> args = loadArgs(load);
        PodSpec pod = pod(Stage.LOAD, container(LOADER_CONTAINER, args, sharded(load.shards()), false));
        return new JobBuilder().withMetadata(metadata(Stage.LOAD)).withSpec(new JobSpecBuilder()
                .withCompletionMode("Indexed").withCompletions(load.shards()).withParallelism(load.parallelism())
                // a shard continues its own slice when retried; the first index out of retries fails the Job
                .withBackoffLimitPerIndex(load.retries()).withMaxFailedIndexes(0)
                // bad usage (exit code 2) fails the same way on every retry
                .withPodFailurePolicy(failJobUnless(LOADER_CONTAINER, "In", 2))
                .withActiveDeadlineSeconds(load.timeout().toSeconds())
                .withNewTemplate().withMetadata(podMetadata(Stage.LOAD)).withSpec(pod).endTemplate()
                .build()).build();
    }

    private Job loadFinish() {
        ScaleOutPlan.LoadPlan load = plan.load().orElseThrow();
        List<String> args = loadArgs(load);
        args.add("--finish");
        return single(Stage.LOAD_FINISH, container(LOADER_CONTAINER, args, common(), false), load.timeout());
    }

    private Job merge() {
        List<String> args = List.of("report", "merge-shards", plan.results().runUri(plan.runId()));
        return single(Stage.MERGE, container(MERGE_CONTAINER, args, resultsEnv(), false), plan.mergeTimeout());
    }

    /** {@code load DATASET [--rows N] --run-id ID [URLs] [--results DIR]}: the same for every shard and the finish. */
    private List<String> loadArgs(ScaleOutPlan.LoadPlan load) {
        List<String> args = new ArrayList<>(List.of("load", load.dataset()));
        load.rows().ifPresent(rows -> args.addAll(List.of("--rows", rows)));
        args.addAll(List.of(ShardContract.RUN_ID_OPTION, plan.runId()));
        args.addAll(plan.targets().urlArgs());
        // on a shared volume the load's run folders are kept beside the run's; on S3 they stay in the pods' logs
        plan.results().mountPath().ifPresent(path -> args.addAll(List.of("--results", path + "/" + plan.runId() + "/load")));
        return args;
    }

    /** A Job of one pod, not retried. */
    private Job single(Stage stage, Container container, Duration deadline) {
        return new JobBuilder().withMetadata(metadata(stage)).withSpec(new JobSpecBuilder()
                .withCompletions(1).withParallelism(1).withBackoffLimit(0)
                .withActiveDeadlineSeconds(deadline.toSeconds())
                .withNewTemplate().withMetadata(podMetadata(stage)).withSpec(pod(stage, container)).endTemplate()
                .build()).build();
    }

    private static PodFailurePolicy failJobUnless(String container, String operator, int exitCode) {
        return new PodFailurePolicyBuilder().withRules(new PodFailurePolicyRuleBuilder().withAction("FailJob")
                .withOnExitCodes(new PodFailurePolicyOnExitCodesRequirementBuilder().withContainerName(container)
                        .withOperator(operator).withValues(exitCode).build())
                .build()).build();
    }

    private ObjectMeta metadata(Stage stage) {
        ObjectMetaBuilder metadata = new ObjectMetaBuilder().withName(stage.jobName(plan.runId())).withLabels(labels(stage));
        plan.namespace().ifPresent(metadata::withNamespace);
        return metadata.build();
    }

    private ObjectMeta podMetadata(Stage stage) {
        return new ObjectMetaBuilder().withLabels(labels(stage)).build();
    }

    private Map<String, String> labels(Stage stage) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "loadbench");
        labels.putAll(selector(stage));
        return labels;
    }

    /** The labels that pick out the pods of one stage of one run. */
    private Map<String, String> selector(Stage stage) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(COMPONENT_LABEL, stage.component());
        labels.put(RUN_ID_LABEL, plan.runId());
        return labels;
    }

    private PodSpec pod(Stage stage, Container container) {
        List<Volume> volumes = new ArrayList<>(List.of(
                new VolumeBuilder().withName("work").withNewEmptyDir().endEmptyDir().build(),
                new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build()));
        plan.resultsPvc().ifPresent(claim -> volumes.add(new VolumeBuilder().withName("results")
                .withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim().build()));
        return new PodSpecBuilder().withRestartPolicy("Never").withAutomountServiceAccountToken(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withNewSeccompProfile().withType("RuntimeDefault")
                .endSeccompProfile().endSecurityContext()
                .withContainers(container).withVolumes(volumes).build();
    }

    /**
     * A container. The injectors get the plan's resources, requested and limited alike; the loader and the merge the
     * same requests with a memory limit only, so a short CPU-bound step may use an idle node's spare cores.
     */
    private Container container(String name, List<String> args, List<EnvVar> env, boolean guaranteed) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(
                new VolumeMountBuilder().withName("work").withMountPath(WORK_DIR).build(),
                new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build()));
        plan.results().mountPath().ifPresent(path -> mounts.add(new VolumeMountBuilder().withName("results")
                .withMountPath(path).build()));
        Map<String, Quantity> requests = Map.of("cpu", plan.resources().cpu(), "memory", plan.resources().memory());
        Map<String, Quantity> limits = guaranteed ? requests : Map.of("memory", plan.resources().memory());
        return new ContainerBuilder().withName(name).withImage(plan.image()).withArgs(args).withEnv(env)
                .withNewResources().withRequests(new java.util.TreeMap<>(requests)).withLimits(new java.util.TreeMap<>(limits))
                .endResources()
                .withVolumeMounts(mounts)
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .build();
    }

    /** The environment of an Indexed Job's pod: {@link #common()} and the shard count (Kubernetes sets the index). */
    private List<EnvVar> sharded(int count) {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVarBuilder().withName(ShardContract.COUNT_ENV).withValue(Integer.toString(count)).build());
        env.addAll(common());
        return env;
    }

    /** The run id, the pod's uid, the targets' URLs from their Secret, and the results' credentials. */
    private List<EnvVar> common() {
        List<EnvVar> env = new ArrayList<>(resultsEnv());
        ScaleOutPlan.Targets targets = plan.targets();
        targets.secret().ifPresent(secret -> {
            // a URL given as an option says that target is used: its key must be in the Secret
            env.add(fromSecret(ScaleOutPlan.Targets.PG_URL_KEY, secret, ScaleOutPlan.Targets.PG_URL_KEY,
                    targets.pgUrl().isEmpty()));
            env.add(fromSecret(ScaleOutPlan.Targets.REDIS_URL_KEY, secret, ScaleOutPlan.Targets.REDIS_URL_KEY,
                    targets.redisUrl().isEmpty()));
        });
        return env;
    }

    private List<EnvVar> resultsEnv() {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVarBuilder().withName(ShardContract.RUN_ID_ENV).withValue(plan.runId()).build());
        env.add(new EnvVarBuilder().withName(ShardContract.POD_UID_ENV).withNewValueFrom()
                .withNewFieldRef().withApiVersion("v1").withFieldPath("metadata.uid").endFieldRef().endValueFrom().build());
        plan.s3Secret().ifPresent(secret -> {
            env.add(fromSecret("AWS_ACCESS_KEY_ID", secret, "AWS_ACCESS_KEY_ID", false));
            env.add(fromSecret("AWS_SECRET_ACCESS_KEY", secret, "AWS_SECRET_ACCESS_KEY", false));
            env.add(fromSecret("AWS_REGION", secret, "AWS_REGION", true));
            if (plan.s3Endpoint().isEmpty()) {
                env.add(fromSecret("LB_S3_ENDPOINT", secret, "LB_S3_ENDPOINT", true));
            }
        });
        plan.s3Endpoint().ifPresent(endpoint -> env.add(new EnvVarBuilder().withName("LB_S3_ENDPOINT").withValue(endpoint).build()));
        return env;
    }

    private static EnvVar fromSecret(String name, String secret, String key, boolean optional) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(secret).withKey(key)
                .withOptional(optional).endSecretKeyRef().endValueFrom().build();
    }
}
