package io.loadbench.cli.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.loadbench.cli.Loadbench;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loadbench k8s run} against a fake kubectl that records its arguments and stdin and answers as kubectl would:
 * a Job completes, fails, or never ends, as the test says. The clock moves only when the command pauses.
 */
class K8sRunCommandTest {

    /**
     * The fake kubectl. FAKE_FAIL names the stage whose Job fails, FAKE_RUNNING the one that never ends, FAKE_MINOR
     * the server's minor version.
     */
    private static final String FAKE_KUBECTL = """
            #!/usr/bin/env bash
            dir="$(dirname "$0")"
            n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$dir/count"
            printf '%s\\n' "$*" >> "$dir/calls"
            case " $* " in
              *" apply -f - "*) cat > "$dir/apply-$n.yaml"; echo "job.batch/created" ;;
              *" version -o json "*) echo '{"clientVersion":{"major":"1","minor":"31"},"serverVersion":{"major":"1","minor":"'"${FAKE_MINOR:-30}"'"}}' ;;
              *" get job "*)
                name=$(printf '%s\\n' "$@" | grep -A1 -x job | tail -1)
                if [ -n "${FAKE_FAIL:-}" ] && [[ "$name" == *-"$FAKE_FAIL" ]]; then
                  echo '{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"'"$name"'"},"status":{"failed":1,"active":0,"conditions":[{"type":"FailureTarget","status":"True"},{"type":"Failed","status":"True","reason":"PodFailurePolicy","message":"Container injector for pod x failed with exit code 3 matching FailJob rule at index 0"}]}}'
                elif [ -n "${FAKE_RUNNING:-}" ] && [[ "$name" == *-"$FAKE_RUNNING" ]]; then
                  echo '{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"'"$name"'"},"status":{"active":2}}'
                else
                  echo '{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"'"$name"'"},"status":{"succeeded":2,"conditions":[{"type":"Complete","status":"True"}]}}'
                fi ;;
              *" logs "*) echo "merged 2 shards into run-1: OK" ;;
              *) echo "fake kubectl: unexpected $*" >&2; exit 1 ;;
            esac
            """;

    static final Instant NOW = Instant.parse("2026-11-22T06:22:18Z");

    @TempDir
    Path dir;

    private Path kubectl;
    private final Map<String, String> env = new HashMap<>();
    private final MovingClock clock = new MovingClock(NOW);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void fakeKubectl() throws IOException {
        kubectl = dir.resolve("kubectl");
        Files.writeString(kubectl, FAKE_KUBECTL);
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwx------"));
        env.put(Kubectl.KUBECTL_ENV, kubectl.toString());
    }

    private int run(String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--context", "bench", "-n", "lb", "--run-id", "run-1",
                "--injectors", "2", "--results-uri", "file:///results", "--results-pvc", "lb-results", "--poll-interval", "5s"));
        args.addAll(List.of(more));
        if (!args.contains("cache")) {
            args.addAll(RenderCommandTest.CACHE);
        }
        return K8sCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, clock, new SplittableRandom(42), clock::advance);
    }

    private List<String> calls() throws IOException {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    /** The Jobs kubectl apply got on its stdin, in order. */
    private List<Job> applied() throws IOException {
        List<Job> jobs = new ArrayList<>();
        List<String> calls = calls();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).contains(" apply -f -")) {
                jobs.addAll(ManifestYaml.readJobs(Files.readString(dir.resolve("apply-" + (i + 1) + ".yaml"))));
            }
        }
        return jobs;
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runAppliesTheInjectorsThenTheMergeAndPrintsTheMergedRun() throws IOException {
        assertThat(run()).as(err()).isEqualTo(Loadbench.EXIT_OK);

        assertThat(calls()).extracting(call -> call.replaceAll(" --request-timeout=30s$", ""))
                .containsExactly("--context bench --namespace lb version -o json",
                        "--context bench --namespace lb apply -f -",
                        "--context bench --namespace lb get job run-1-injectors -o json",
                        "--context bench --namespace lb apply -f -",
                        "--context bench --namespace lb get job run-1-merge -o json",
                        "--context bench --namespace lb logs job/run-1-merge --tail=40");
        List<Job> applied = applied();
        assertThat(applied).extracting(job -> job.getMetadata().getName()).containsExactly("run-1-injectors", "run-1-merge");
        Job injectors = applied.get(0);
        List<String> args = injectors.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        assertThat(Instant.parse(args.get(args.indexOf("--start-at") + 1))).isEqualTo(NOW.plusSeconds(90));
        assertThat(injectors.getSpec().getCompletions()).isEqualTo(2);
        assertThat(out()).contains("merged 2 shards into run-1: OK", "run-1: OK, the merged run is in file:///results/run-1");
    }

    @Test
    void everyKubectlCallIsBoundedByARequestTimeout() throws IOException {
        run("--load", "events", "--pg-url", "postgresql://bench@pg/bench");

        assertThat(calls()).hasSizeGreaterThan(5).allSatisfy(call -> assertThat(call).endsWith(" --request-timeout=30s"));
    }

    @Test
    void withALoadItsJobAndItsFinishCompleteBeforeTheInjectorsAreRendered() throws IOException {
        assertThat(run("--load", "events", "--pg-url", "postgresql://bench@pg/bench")).as(err()).isEqualTo(Loadbench.EXIT_OK);

        assertThat(applied()).extracting(job -> job.getMetadata().getName())
                .containsExactly("run-1-load", "run-1-load-finish", "run-1-injectors", "run-1-merge");
    }

    @Test
    void aFailedInjectorsJobEndsTheRunWithExitOneAndOneLineAndNoMerge() throws IOException {
        env.put("FAKE_FAIL", "injectors");

        assertThat(run()).isEqualTo(Loadbench.EXIT_FAILED);

        assertThat(err().lines().toList()).singleElement().asString()
                .startsWith("FAILED: run-1-injectors failed: PodFailurePolicy: Container injector")
                .contains("exit code 3");
        assertThat(applied()).extracting(job -> job.getMetadata().getName()).containsExactly("run-1-injectors");
    }

    @Test
    void aJobThatNeverEndsIsGivenUpAtItsDeadlinePlusTheMargin() throws IOException {
        env.put("FAKE_RUNNING", "injectors");

        assertThat(run()).isEqualTo(Loadbench.EXIT_FAILED);

        // 90 s start delay + 120 s workload + 5 min margin, plus the wait's 2 min
        long boundSeconds = 90 + 120 + 300 + 120;
        assertThat(Duration.between(NOW, clock.instant())).isEqualTo(Duration.ofSeconds(boundSeconds));
        assertThat(calls()).filteredOn(call -> call.contains("get job run-1-injectors")).hasSize((int) (boundSeconds / 5) + 1);
        assertThat(err().lines().toList()).singleElement().asString()
                .contains("run-1-injectors did not end within " + boundSeconds + " s", "kubectl delete job run-1-injectors");
        assertThat(out()).contains("run-1-injectors: 2 active, 0 succeeded, 0 failed (5 s of at most 630 s)");
    }

    @Test
    void aMissingKubectlIsOneLineAndExitOne() throws IOException {
        env.clear();
        env.put("PATH", Files.createDirectory(dir.resolve("empty")).toString());

        assertThat(run()).isEqualTo(Loadbench.EXIT_FAILED);

        assertThat(err().lines().toList()).singleElement().asString().startsWith("error: kubectl not found on the PATH");
    }

    @Test
    void aClusterTooOldForTheJobsFieldsIsRefusedBeforeAnythingIsApplied() throws IOException {
        env.put("FAKE_MINOR", "28");

        assertThat(run("--load", "events", "--pg-url", "postgresql://bench@pg/bench")).isEqualTo(Loadbench.EXIT_FAILED);

        assertThat(err().lines().toList()).singleElement().asString()
                .contains("Kubernetes 1.28", "need 1.29+ (backoffLimitPerIndex)");
        assertThat(calls()).noneMatch(call -> call.contains("apply"));
    }

    /** A clock that moves only when the command under test pauses. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
