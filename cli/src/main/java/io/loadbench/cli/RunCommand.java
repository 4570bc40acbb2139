package io.loadbench.cli;

import io.loadbench.results.ManifestReader;
import io.loadbench.results.RunManifest;
import io.loadbench.results.RunStatus;
import io.loadbench.results.Secrets;
import io.loadbench.results.shard.Shard;
import io.loadbench.results.shard.ShardContract;
import io.loadbench.results.shard.ShardContractException;
import io.loadbench.results.shard.ShardMarker;
import io.loadbench.results.store.FileResultStore;
import io.loadbench.results.store.ResultStore;
import io.loadbench.results.store.ResultStoreException;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.SimulationRun;
import io.loadbench.scenarios.run.Workload;
import io.loadbench.scenarios.simulations.Workloads;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code loadbench run WORKLOAD [--option value]...}: checks the flags against the workload's options (an
 * unknown one is refused with what it probably meant), sets them as the system properties the simulation reads
 * ({@code --rate 500} → {@code -DqueriesPerSec=500} for the cache workload), runs the simulation in this JVM
 * through Gatling's launcher, and reports the run folder and its verdict. Exit code: 0 OK or NOISY, 1 FAILED
 * (or the run could not start), 2 bad usage, 3 a shard not ready by its {@code --start-at} (late).
 *
 * <p>A shard of a scaled-out run ({@code --shard}, {@code --run-id}, {@code --start-at}, or the Indexed Job's
 * environment) writes its folder as {@code RESULTS/RUN-ID/shard-INDEX} and, once everything in it is written, its
 * completion marker; {@code --local-shards N} runs N such shards on this machine and merges them
 * ({@link LocalShards}).
 */
final class RunCommand {

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (args.length == 0 || args[0].startsWith("-")) {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.println("Usage: loadbench run WORKLOAD [OPTIONS]   (workloads: " + Workloads.names() + ")");
                out.println("'loadbench workloads' lists them with their options; 'loadbench run WORKLOAD --help' explains one.");
                return Loadbench.EXIT_OK;
            }
            err.println("error: name a workload: loadbench run WORKLOAD (one of " + Workloads.names() + ")");
            return Loadbench.EXIT_USAGE;
        }
        Optional<Workload> found = Workloads.byName(args[0]);
        if (found.isEmpty()) {
            err.println(WorkloadsCommand.unknownWorkload(args[0]));
            return Loadbench.EXIT_USAGE;
        }
        Workload workload = found.get();
        WorkloadFlags flags = new WorkloadFlags(workload);
        CommandLine commandLine = new CommandLine(spec(workload, flags));
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(Arrays.copyOfRange(args, 1, args.length));
        } catch (CommandLine.UnmatchedArgumentException e) {
            String typed = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
            String hint = typed.startsWith("-") ? flags.suggestion(typed).map(s -> "; " + s).orElse("") : "";
            err.println(Secrets.maskUrl("error: " + (typed.startsWith("-") ? "unknown option " + typed + " for " + workload.name()
                    : "unexpected argument '" + typed + "'") + hint + " (see 'loadbench run " + workload.name() + " --help')"));
            return Loadbench.EXIT_USAGE;
        } catch (CommandLine.ParameterException e) {
            err.println(Secrets.maskUrl("error: " + e.getMessage() + " (see 'loadbench run " + workload.name() + " --help')"));
            return Loadbench.EXIT_USAGE;
        }
        if (parsed.isUsageHelpRequested()) {
            commandLine.usage(out);
            return Loadbench.EXIT_OK;
        }
        if (parsed.hasMatchedOption("--local-shards")) {
            return new LocalShards(out, err).run(workload, args, parsed);
        }
        Optional<ResultStore> store;
        try {
            String uri = parsed.matchedOptionValue("--results-uri", null);
            store = uri == null ? Optional.empty() : Optional.of(ResultStore.of(uri));
        } catch (ResultStoreException e) {
            err.println(Secrets.maskUrl("error: --results-uri: " + e.getMessage()));
            return Loadbench.EXIT_USAGE;
        }
        Map<String, String> properties = properties(workload, flags, parsed);
        // a shared volume is written in place; a bucket gets the folder once it is complete
        store.filter(FileResultStore.class::isInstance)
                .ifPresent(files -> properties.put("loadbench.results", ((FileResultStore) files).root().toString()));
        Optional<ResultStore> upload = store.filter(s -> !(s instanceof FileResultStore));
        String report = parsed.matchedOptionValue("--gatling-report", "true");
        if (!report.equals("true") && !report.equals("false")) {
            err.println("error: --gatling-report: expected true or false, got '" + report + "'");
            return Loadbench.EXIT_USAGE;
        }
        Optional<String> shardProblem = shardProblem(properties, upload.isPresent());
        if (shardProblem.isPresent()) {
            err.println("error: " + shardProblem.get() + " (see 'loadbench run " + workload.name() + " --help')");
            return Loadbench.EXIT_USAGE;
        }
        if (verbose) {
            properties.put(RunCrashedLogFilter.VERBOSE_PROPERTY, "true");
            properties.put("verbose", "true");
        }
        return launch(workload, properties, verbose, report.equals("true"), upload);
    }

    /** The command line of one workload: the run's flags, then the workload's options with their preset values. */
    private static CommandSpec spec(Workload workload, WorkloadFlags flags) {
        CommandSpec spec = CommandSpec.create().name("loadbench run " + workload.name());
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage().description(workload.summary(), workload.seed() + "; " + workload.model() + " model; presets "
                + String.join(", ", WorkloadsCommand.presetOrder(workload)) + ".",
                "Option values start from the preset's (in brackets: smoke, then the others where they differ).");
        WorkloadFlags.RUN_FLAGS.forEach((flag, description) -> spec.addOption(OptionSpec.builder("--" + flag)
                .paramLabel(flag.equals("metrics-port") ? "PORT" : flag.endsWith("url") ? "URL" : flag.toUpperCase(java.util.Locale.ROOT))
                .type(String.class).description(description).build()));
        spec.addOption(OptionSpec.builder("--verbose").description("print the stack trace of a failure").build());
        flags.options().forEach((flag, option) -> {
            OptionSpec.Builder builder = OptionSpec.builder("--" + flag).paramLabel("VALUE")
                    .description(workload.describe(option) + " " + WorkloadsCommand.values(workload, option));
            if (WorkloadFlags.REPEATABLE.contains(option)) {
                builder.type(String[].class).auxiliaryTypes(String.class).arity("1");
            } else {
                builder.type(String.class);
            }
            spec.addOption(builder.build());
        });
        return spec;
    }

    /** The system properties the simulation reads, from the flags given. */
    private static Map<String, String> properties(Workload workload, WorkloadFlags flags, ParseResult parsed) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(SimulationOptions.CLI_SYNTAX_PROPERTY, "cli");
        properties.put("gatling.data.enableAnalytics", "false");
        String results = parsed.matchedOptionValue("--results", "results");
        properties.put("loadbench.results", results);
        Map<String, String> runProperties = Map.of("preset", "preset", "pg-url", "pgUrl", "redis-url", "redisUrl",
                "target", "target", "label", "label", "metrics-port", "loadbench.metricsPort",
                "shard", SimulationRun.SHARD_PROPERTY, "run-id", SimulationRun.RUN_ID_PROPERTY,
                "start-at", SimulationRun.START_AT_PROPERTY);
        runProperties.forEach((flag, property) -> {
            String value = parsed.matchedOptionValue("--" + flag, null);
            if (value != null) {
                properties.put(property, value);
            }
        });
        flags.options().forEach((flag, option) -> {
            if (WorkloadFlags.REPEATABLE.contains(option)) {
                String[] values = parsed.matchedOptionValue("--" + flag, null);
                if (values != null) {
                    properties.put(option, String.join("\n", values));
                }
                return;
            }
            String value = parsed.matchedOptionValue("--" + flag, null);
            if (value != null) {
                properties.put(option, value);
            }
        });
        return properties;
    }

    /**
     * What is wrong with the run's shard contract (options and environment), checked before anything starts: also a
     * bucket to publish to for a run that is no shard, which would otherwise be refused only after its load.
     */
    private static Optional<String> shardProblem(Map<String, String> properties, boolean publishes) {
        Properties given = new Properties();
        given.putAll(properties);
        try {
            boolean sharded = SimulationRun.Sharding.resolve(given, System.getenv()).sharded();
            return publishes && !sharded ? Optional.of("--results-uri: only a shard (--shard, or an Indexed Job's "
                    + "environment) publishes its folder to a bucket") : Optional.empty();
        } catch (ShardContractException e) {
            return Optional.of(e.getMessage());
        }
    }

    private int launch(Workload workload, Map<String, String> properties, boolean verbose, boolean gatlingReport,
                       Optional<ResultStore> upload) {
        Path results = Path.of(properties.get("loadbench.results"));
        Path gatlingLink = results.resolve(".gatling-" + ProcessHandle.current().pid());
        properties.put("loadbench.gatling.resultsFolder", gatlingLink.toString());
        Map<String, String> previous = new HashMap<>();
        properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        try {
            Files.createDirectories(results);
            List<String> gatlingArgs = new java.util.ArrayList<>(List.of("-s", workload.className(), "-rf", gatlingLink.toString()));
            if (!gatlingReport) {
                gatlingArgs.add("-nr");
            }
            int gatlingExit = io.gatling.app.Gatling$.MODULE$.fromArgs(gatlingArgs.toArray(String[]::new));
            Optional<Path> folder = runFolder(gatlingLink);
            boolean finished = finishShard(folder, upload);
            int exit = verdict(workload, folder, gatlingExit);
            return finished ? exit : Loadbench.EXIT_FAILED;
        } catch (Throwable e) {
            Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
            Optional<Path> folder = runFolder(gatlingLink);
            finishShard(folder, upload);
            Optional<String> reason = folder.flatMap(RunCommand::manifest).flatMap(RunManifest::failureReason);
            err.println(Secrets.maskUrl("error: " + workload.name() + ": " + reason.orElseGet(() -> firstLine(cause))));
            folder.ifPresent(dir -> err.println("run folder: " + dir));
            if (verbose) {
                StringWriter trace = new StringWriter();
                cause.printStackTrace(new PrintWriter(trace));
                err.print(Secrets.maskUrl(trace.toString()));
            }
            return late(reason) ? Loadbench.EXIT_LATE : Loadbench.EXIT_FAILED;
        } finally {
            removeLink(gatlingLink);
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    private int verdict(Workload workload, Optional<Path> folder, int gatlingExit) {
        Optional<RunManifest> manifest = folder.flatMap(RunCommand::manifest);
        if (manifest.isEmpty()) {
            err.println("error: " + workload.name() + ": the run left no run folder (Gatling exit code " + gatlingExit + ")");
            return Loadbench.EXIT_FAILED;
        }
        RunStatus status = manifest.get().status();
        gatlingReport(folder.get()).ifPresent(report -> out.println("Gatling's report: " + report));
        out.println(workload.name() + ": " + status + "  " + folder.get());
        if (!status.succeeded()) {
            err.println(Secrets.maskUrl("FAILED: " + manifest.get().failureReason().orElse("see " + folder.get().resolve("scenario.json"))));
            return late(manifest.get().failureReason()) ? Loadbench.EXIT_LATE : Loadbench.EXIT_FAILED;
        }
        return Loadbench.EXIT_OK;
    }

    /** Whether the run failed because it was not ready by its start instant. */
    private static boolean late(Optional<String> failureReason) {
        return failureReason.filter(reason -> reason.startsWith(SimulationRun.LATE_REASON)).isPresent();
    }

    /**
     * Ends a shard's folder once everything else in it is written (Gatling's report included): its completion marker
     * last, by which the merge takes the folder as complete; then, with a bucket as {@code --results-uri}, the upload
     * as {@code RUN-ID/shard-I} (or the next free {@code shard-I-K}: an earlier attempt's folder is never replaced),
     * the marker last again. A run that was not a shard has no marker, and publishes nothing.
     *
     * @return false when the folder was to be published and could not be (said in one line)
     */
    private boolean finishShard(Optional<Path> folder, Optional<ResultStore> store) {
        Optional<RunManifest> manifest = folder.flatMap(RunCommand::manifest);
        Optional<Shard> shard = manifest.flatMap(ShardContract::shardOf);
        Optional<String> runId = manifest.flatMap(ShardContract::runIdOf);
        if (shard.isEmpty() || runId.isEmpty()) {
            if (folder.isPresent() && store.isPresent()) {
                // a run that is no shard is refused before it starts: here its manifest could not be read
                err.println("error: cannot publish " + folder.get() + ": its manifest names no shard; it stays here");
                return false;
            }
            return true;
        }
        Optional<String> podUid = Optional.ofNullable(manifest.get().parameters().get(ShardContract.POD_UID_KEY)).map(String::valueOf);
        new ShardMarker(runId.get(), shard.get(), manifest.get().status(), Instant.now(), podUid).writeInto(folder.get());
        if (store.isEmpty()) {
            return true;
        }
        try {
            List<String> taken = store.get().list(runId.get());
            String name = ShardMarker.folderName(shard.get().index());
            for (int attempt = 2; taken.contains(name); attempt++) {
                name = ShardMarker.folderName(shard.get().index()) + "-" + attempt;
            }
            store.get().upload(folder.get(), runId.get() + "/" + name);
            out.println("published " + folder.get() + " to " + store.get().uri() + "/" + runId.get() + "/" + name);
            return true;
        } catch (ResultStoreException e) {
            err.println(Secrets.maskUrl("error: cannot publish " + folder.get() + ": " + e.getMessage()));
            return false;
        }
    }

    /** Gatling's HTML report in the run folder (Gatling names it after the hidden link it was written through). */
    private static Optional<Path> gatlingReport(Path folder) {
        try (var files = Files.walk(folder.resolve("gatling"), 2)) {
            return files.filter(file -> file.getFileName().toString().equals("index.html")).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The run folder the simulation linked Gatling's results folder into, while the link stands. */
    private static Optional<Path> runFolder(Path gatlingLink) {
        try {
            if (Files.isSymbolicLink(gatlingLink)) {
                return Optional.ofNullable(Files.readSymbolicLink(gatlingLink).getParent());
            }
        } catch (IOException e) {
            // no link: the run failed before it had a folder
        }
        return Optional.empty();
    }

    private static Optional<RunManifest> manifest(Path folder) {
        Path file = folder.resolve("manifest.json");
        try {
            return Files.isRegularFile(file) ? Optional.of(ManifestReader.read(file)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Gatling's results folder link is this command's: removed when the run ends, so nothing is left in results/. */
    private static void removeLink(Path gatlingLink) {
        try {
            if (Files.isSymbolicLink(gatlingLink)) {
                Files.delete(gatlingLink);
            } else if (Files.isDirectory(gatlingLink)) {
                try (var entries = Files.list(gatlingLink)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(gatlingLink);
                    }
                }
            }
        } catch (IOException e) {
            // best effort: an empty hidden folder is harmless
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

}
