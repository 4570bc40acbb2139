package io.loadbench.cli.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.loadbench.cli.DurationOption;
import io.loadbench.cli.Loadbench;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loadbench k8s run}: renders each Job when its turn comes, applies it with {@code kubectl apply -f -}, and
 * waits for it to complete or fail before the next: the load and its finish (with {@code --load}), the injectors, the
 * merge. Every wait is bounded by the Job's own {@code activeDeadlineSeconds} plus {@link #WAIT_MARGIN}, and polls
 * the Job every {@code --poll-interval}, printing its pods' counts. Exit code 0 when the merged run's verdict is OK
 * or NOISY, 1 when a Job failed, a wait ran out or kubectl could not be used, 2 bad usage.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Render the run's Jobs and apply them one after the other with kubectl, each once the one before it "
                + "has completed: the load and its finish (with --load), the injectors, then the merge; then print "
                + "where the merged run is and its verdict. Every wait is bounded (a Job's activeDeadlineSeconds + 2 "
                + "min).",
        footer = {"", K8sCommand.VERSIONS, "",
                "Example:",
                "  loadbench k8s run --context bench -n loadbench --injectors 4 --results-uri file:///results --results-pvc lb-results \\",
                "      --target-secret targets cache --rate 20000 --duration 120s"})
final class K8sRunCommand implements Callable<Integer> {

    /** What a wait allows beyond a Job's deadline: Kubernetes marks a Job failed a few seconds after it. */
    static final Duration WAIT_MARGIN = Duration.ofMinutes(2);
    static final int MERGE_LOG_LINES = 40;
    /** The oldest Kubernetes whose Jobs have every field the manifests use, without and with a load. */
    static final int MIN_MINOR = 26;
    static final int MIN_MINOR_WITH_LOAD = 29;

    /** Waits between two polls of a Job (tests pass one that moves their clock instead). */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    @Mixin
    ScaleOutOptions options;

    @Option(names = "--context", paramLabel = "NAME", description = "the kubeconfig context kubectl uses (default: its current one)")
    String context;

    @Option(names = "--kubectl", paramLabel = "PATH",
            description = "the kubectl to run (default: $" + Kubectl.KUBECTL_ENV + ", else kubectl on the PATH)")
    String kubectl;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "10s",
            description = "how often a Job's state is read and printed while waiting (default ${DEFAULT-VALUE})")
    String pollInterval;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private final RandomGenerator random;
    private final Pause pause;

    K8sRunCommand(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, RandomGenerator random, Pause pause) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
        this.random = random;
        this.pause = pause;
    }

    /** How a wait for a Job ended. */
    private record Outcome(boolean completed, String why) {
    }

    @Override
    public Integer call() throws InterruptedException {
        ScaleOutPlan plan = options.plan(clock, random);
        Duration poll = DurationOption.positive("--poll-interval", pollInterval);
        Kubectl cluster = new Kubectl(Kubectl.locate(Optional.ofNullable(kubectl), env), Optional.ofNullable(context),
                plan.namespace(), env);
        requireVersion(cluster, plan);
        out.println(K8sCommand.summary(plan));
        JobManifests manifests = new JobManifests(plan);
        for (JobManifests.Stage stage : manifests.stages()) {
            Job job = manifests.job(stage, clock.instant());
            String name = job.getMetadata().getName();
            cluster.apply(ManifestYaml.document(stage.description(), job));
            if (stage == JobManifests.Stage.INJECTORS) {
                out.println(name + ": applied; " + plan.injectors() + " injectors start at " + argAfter(job, "--start-at"));
            } else {
                out.println(name + ": applied");
            }
            out.flush();
            Duration bound = Duration.ofSeconds(job.getSpec().getActiveDeadlineSeconds()).plus(WAIT_MARGIN);
            Outcome last = await(cluster, name, bound, poll);
            if (stage == JobManifests.Stage.MERGE) {
                printMergeLog(cluster, name);
            }
            if (!last.completed()) {
                err.println("FAILED: " + name + " " + last.why() + " (kubectl describe job " + name + "; kubectl logs -l "
                        + JobManifests.RUN_ID_LABEL + "=" + plan.runId() + "," + JobManifests.COMPONENT_LABEL + "="
                        + stage.component() + ")");
                return Loadbench.EXIT_FAILED;
            }
        }
        out.println(plan.runId() + ": OK, the merged run is in " + plan.results().runUri(plan.runId()));
        return Loadbench.EXIT_OK;
    }

    /** Polls the Job until it completes or fails, or the bound runs out; prints its counts at each poll. */
    private Outcome await(Kubectl cluster, String name, Duration bound, Duration poll) throws InterruptedException {
        Instant start = clock.instant();
        Instant limit = start.plus(bound);
        while (true) {
            Job job = ManifestYaml.readJobJson(cluster.jobJson(name));
            JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
            Optional<JobCondition> complete = condition(status, "Complete");
            if (complete.isPresent()) {
                out.println(name + ": complete (" + counts(status) + ")");
                return new Outcome(true, "complete");
            }
            Optional<JobCondition> failed = condition(status, "Failed");
            if (failed.isPresent()) {
                return new Outcome(false, "failed: " + failed.get().getReason()
                        + Optional.ofNullable(failed.get().getMessage()).map(m -> ": " + m).orElse(""));
            }
            Instant now = clock.instant();
            out.println(name + ": " + counts(status) + " (" + Duration.between(start, now).toSeconds() + " s of at most "
                    + bound.toSeconds() + " s)");
            out.flush();
            if (!now.isBefore(limit)) {
                return new Outcome(false, "did not end within " + bound.toSeconds() + " s (its deadline and "
                        + WAIT_MARGIN.toSeconds() + " s); it may still run: kubectl delete job " + name + " stops it");
            }
            Duration left = Duration.between(now, limit);
            pause.sleep(left.compareTo(poll) < 0 ? left : poll);
        }
    }

    private static Optional<JobCondition> condition(JobStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    private static String counts(JobStatus status) {
        return zero(status.getActive()) + " active, " + zero(status.getSucceeded()) + " succeeded, "
                + zero(status.getFailed()) + " failed";
    }

    private static int zero(Integer count) {
        return count == null ? 0 : count;
    }

    private void printMergeLog(Kubectl cluster, String name) {
        try {
            cluster.logs(name, MERGE_LOG_LINES).lines().forEach(line -> out.println("  " + line));
        } catch (Kubectl.KubectlException e) {
            err.println("warning: " + e.getMessage());
        }
    }

    private static String argAfter(Job job, String flag) {
        var args = job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        int at = args.indexOf(flag);
        return at < 0 || at + 1 >= args.size() ? "?" : args.get(at + 1);
    }

    /**
     * Refuses a server older than the manifests need: there, the API server drops the fields it does not know (the
     * pod failure policy, the per-index retries) and the Jobs would run under other rules than rendered.
     */
    private void requireVersion(Kubectl cluster, ScaleOutPlan plan) {
        JsonNode server;
        try {
            server = new ObjectMapper().readTree(cluster.versionJson()).path("serverVersion");
        } catch (IOException e) {
            throw new Kubectl.KubectlException("kubectl version -o json: not JSON: " + e.getMessage());
        }
        Matcher minor = Pattern.compile("(\\d+).*").matcher(server.path("minor").asText(""));
        if (!"1".equals(server.path("major").asText()) || !minor.matches()) {
            throw new Kubectl.KubectlException("kubectl version -o json: no server version (is the cluster reachable?)");
        }
        int needed = plan.load().isPresent() ? MIN_MINOR_WITH_LOAD : MIN_MINOR;
        if (Integer.parseInt(minor.group(1)) < needed) {
            throw new Kubectl.KubectlException("the cluster runs Kubernetes 1." + minor.group(1) + "; these Jobs need 1." + needed
                    + "+ (" + (needed == MIN_MINOR_WITH_LOAD ? "backoffLimitPerIndex" : "podFailurePolicy") + ")");
        }
    }
}
