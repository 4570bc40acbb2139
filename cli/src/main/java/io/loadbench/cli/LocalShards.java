package io.loadbench.cli;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;
import io.loadbench.results.ManifestReader;
import io.loadbench.results.RunManifest;
import io.loadbench.results.shard.ShardContract;
import io.loadbench.results.shard.ShardMarker;
import io.loadbench.scenarios.run.SimulationRun;
import io.loadbench.scenarios.run.Workload;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ParseResult;

/**
 * {@code loadbench run WORKLOAD --local-shards N}: a scaled-out run on one machine, under the same contract a
 * Kubernetes Indexed Job gives its pods. It starts N processes of this command, shard {@code i/N} each, with one run
 * id and one start instant ({@code --start-delay} from now), waits for them, and merges their folders
 * ({@code RESULTS/RUN-ID/shard-i}) with {@code report merge-shards}. Each shard's output goes to
 * {@code RESULTS/RUN-ID/shard-i.log}. What it cannot show: a cluster's scheduler, image pulls and real clock skew.
 */
final class LocalShards {

    static final Duration DEFAULT_START_DELAY = Duration.ofSeconds(30);
    /** How long the shards may take to end after they are told to stop, before they are killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock = Clock.systemUTC();

    LocalShards(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Workload workload, String[] args, ParseResult parsed) {
        for (String refused : List.of("--shard", "--start-at")) {
            if (parsed.hasMatchedOption(refused)) {
                err.println("error: --local-shards gives every shard its " + refused + "; leave " + refused + " out");
                return Loadbench.EXIT_USAGE;
            }
        }
        String countText = parsed.matchedOptionValue("--local-shards", "");
        int count;
        try {
            count = Integer.parseInt(countText.strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 64) {
            err.println("error: --local-shards: expected a number of processes from 1 to 64, got '" + countText + "'");
            return Loadbench.EXIT_USAGE;
        }
        String delayText = parsed.matchedOptionValue("--start-delay", null);
        Duration delay;
        try {
            delay = delayText == null ? DEFAULT_START_DELAY : DurationOption.positive("--start-delay", delayText);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Loadbench.EXIT_USAGE;
        }
        String runId = parsed.matchedOptionValue("--run-id", "local-" + RUN_ID_TIME.format(clock.instant()));
        try {
            ShardContract.resolve("0/" + count, runId, Map.of());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Loadbench.EXIT_USAGE;
        }
        Path runDir = Path.of(parsed.matchedOptionValue("--results", "results")).resolve(runId);
        if (Files.exists(runDir)) {
            err.println("error: " + runDir + " exists already: give another --run-id (a run id names one run)");
            return Loadbench.EXIT_USAGE;
        }
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            err.println("error: cannot create " + runDir + ": " + e.getMessage());
            return Loadbench.EXIT_FAILED;
        }
        // the shards share one target: embedded servers are started here, once, and named to them by the environment
        Optional<Datastores> embedded = Optional.empty();
        Map<String, String> targetEnvironment = Map.of();
        if (wantsEmbedded(parsed)) {
            out.println("starting the embedded PostgreSQL and Redis the shards share");
            try {
                embedded = Optional.of(Datastores.open(TargetSpec.embedded()));
                targetEnvironment = ServersCommand.targetEnvironment(embedded.get().postgres(), embedded.get().redis());
            } catch (RuntimeException e) {
                embedded.ifPresent(Datastores::close);
                err.println("error: cannot start the embedded servers: " + e.getMessage());
                return Loadbench.EXIT_FAILED;
            }
        }
        try {
            return runShards(workload, count, runId, runDir, clock.instant().plus(delay).truncatedTo(ChronoUnit.MILLIS),
                    delay, without(args, embedded.isPresent() ? Set.of("--target", "--pg-url", "--redis-url") : Set.of()),
                    targetEnvironment);
        } finally {
            embedded.ifPresent(Datastores::close);
        }
    }

    /** No URL is given, by option or environment, and no target named: the shards would each start their own servers. */
    private static boolean wantsEmbedded(ParseResult parsed) {
        String target = parsed.matchedOptionValue("--target", null);
        boolean urls = parsed.hasMatchedOption("--pg-url") || parsed.hasMatchedOption("--redis-url")
                || System.getenv("LOADBENCH_PG_URL") != null || System.getenv("LOADBENCH_REDIS_URL") != null;
        return target == null ? !urls : target.equals("embedded");
    }

    private int runShards(Workload workload, int count, String runId, Path runDir, Instant startAt, Duration delay,
                          List<String> shardArgs, Map<String, String> targetEnvironment) {
        out.println(workload.name() + ": " + count + " local shards, run id " + runId + ", starting at " + startAt
                + " (in " + delay.toSeconds() + " s); logs in " + runDir + "/shard-*.log");
        List<Process> shards = new ArrayList<>();
        Thread stopper = new Thread(() -> stop(shards), "local-shards-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            for (int i = 0; i < count; i++) {
                List<String> command = new ArrayList<>(javaCommand());
                command.add("run");
                command.addAll(shardArgs);
                command.addAll(List.of("--shard", i + "/" + count, "--run-id", runId, "--start-at", startAt.toString()));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(runDir.resolve("shard-" + i + ".log").toFile());
                // the contract's variables of an enclosing Indexed Job would fight the options given
                builder.environment().remove(ShardContract.INDEX_ENV);
                builder.environment().remove(ShardContract.COUNT_ENV);
                builder.environment().putAll(targetEnvironment);
                shards.add(builder.start());
            }
            int late = 0;
            int failed = 0;
            for (int i = 0; i < count; i++) {
                int exit = shards.get(i).waitFor();
                String status = shardStatus(runDir.resolve(ShardMarker.folderName(i)));
                out.println("  shard " + i + "/" + count + ": exit " + exit + ", " + status);
                late += exit == Loadbench.EXIT_LATE ? 1 : 0;
                failed += exit == 0 ? 0 : 1;
            }
            if (late > 0) {
                err.println("warning: " + late + " shard(s) were not ready by " + startAt + " (exit 3): give a longer --start-delay");
            }
            int merged = io.loadbench.report.Main.run(new String[] {"merge-shards", runDir.toString()},
                    Loadbench.writer(out), Loadbench.writer(err), clock, Loadbench.NAME + " report");
            return merged == 0 && failed == 0 ? Loadbench.EXIT_OK : Loadbench.EXIT_FAILED;
        } catch (IOException e) {
            err.println("error: cannot start a shard process: " + e.getMessage());
            stop(shards);
            return Loadbench.EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(shards);
            return Loadbench.EXIT_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the hook runs
            }
        }
    }

    /** What only this command reads, and the shards are given otherwise. */
    private static final Set<String> LOCAL_FLAGS = Set.of("--local-shards", "--start-delay", "--run-id");

    /**
     * The shards' arguments: the run's, without this command's own flags and {@code dropped} (each flag with its
     * value, as {@code --flag value} or {@code --flag=value}); the workload, {@code args[0]}, first as given.
     */
    static List<String> without(String[] args, Set<String> dropped) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (LOCAL_FLAGS.contains(flag) || dropped.contains(flag)) {
                i += arg.contains("=") ? 0 : 1;
            } else {
                kept.add(arg);
            }
        }
        return kept;
    }

    /** This JVM's java, options (but a flight recording's or an agent's) and class path, running loadbench. */
    private static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-XX:StartFlightRecording") && !option.startsWith("-agentlib") && !option.startsWith("-javaagent")) {
                command.add(option);
            }
        }
        command.add("-D" + SimulationRun.LOCAL_SHARD_PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path") + File.pathSeparator);
        command.add(LoadbenchMain.class.getName());
        return command;
    }

    private static String shardStatus(Path shardDir) {
        try {
            RunManifest manifest = ManifestReader.read(shardDir.resolve("manifest.json"));
            return manifest.status() + manifest.failureReason().map(reason -> " (" + reason + ")").orElse("")
                    + (ShardMarker.readFrom(shardDir).isPresent() ? "" : ", no completion marker");
        } catch (RuntimeException e) {
            return "no run folder";
        }
    }

    /** Asks every shard still running to stop, then kills those that do not within {@link #STOP_GRACE}. */
    private static void stop(List<Process> shards) {
        shards.forEach(Process::destroy);
        for (Process shard : shards) {
            try {
                if (!shard.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    shard.destroyForcibly();
                }
            } catch (InterruptedException e) {
                shard.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
