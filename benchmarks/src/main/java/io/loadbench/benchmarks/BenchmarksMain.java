package io.loadbench.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import io.loadbench.benchmarks.datasets.BenchmarkDatasets;
import io.loadbench.benchmarks.fork.ForkTarget;
import io.loadbench.results.Run;
import io.loadbench.results.RunKind;
import io.loadbench.results.RunStatus;
import io.loadbench.results.Secrets;
import io.loadbench.datastores.CpuIsolation;
import io.loadbench.datastores.DatastoreException;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;

/**
 * Runs the JMH suite as one self-describing run: {@code results/<timestamp>-<label>-jmh/} with
 * {@code manifest.json} and {@code jmh.json}.
 *
 * <p>Order of work: parse JMH's options (a bad option fails before anything starts); answer listing and
 * help requests directly; check that the include patterns match a benchmark; start the datastore target
 * once for the whole suite; create the run folder; run JMH with the target's URLs appended to every fork's
 * JVM arguments; finish the manifest OK, or FAILED with the reason. The target is stopped on every path.
 *
 * <p>Configuration comes from system properties (set by {@code jmh:run}) and the environment:
 * {@code loadbench.results} (run folder parent, default {@code results}), {@code loadbench.label}
 * (default: the host name), {@code loadbench.pg.url}/{@code LOADBENCH_PG_URL},
 * {@code loadbench.redis.url}/{@code LOADBENCH_REDIS_URL}, {@code loadbench.target}
 * ({@code containers} to use Testcontainers), {@code loadbench.verbose} (stack traces on failure).
 */
public final class BenchmarksMain {

    private final SuiteSettings settings;
    /** What the user typed to get here ({@code jmh:run}, {@code loadbench bench}): every line this prints starts with it. */
    private final String commandName;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    BenchmarksMain(SuiteSettings settings, PrintStream out, PrintStream err, Clock clock) {
        this(settings, out, err, clock, "jmh:run");
    }

    BenchmarksMain(SuiteSettings settings, PrintStream out, PrintStream err, Clock clock, String commandName) {
        this.commandName = commandName;
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(run(args, "jmh:run"));
    }

    /**
     * Runs the suite with JMH's options {@code args}, configured from the system properties and environment, and
     * returns the exit status; {@code commandName} prefixes a configuration error ({@code loadbench bench}).
     */
    public static int run(String[] args, String commandName) {
        try {
            SuiteSettings settings = SuiteSettings.from(System.getProperties(), System.getenv());
            return new BenchmarksMain(settings, System.out, System.err, Clock.systemUTC(), commandName).run(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(commandName + ": " + Secrets.maskUrl(e.getMessage()));
            return 2;
        }
    }

    /** @return the process exit status: 0 when every benchmark ran, 1 when the run failed, 2 for bad options */
    int run(List<String> arguments) {
        JmhRunOptions options;
        try {
            options = JmhRunOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            err.println(commandName + ": " + e.getMessage());
            return 2;
        }
        if (options.onlyLists()) {
            return list(options);
        }
        SortedSet<BenchmarkListEntry> benchmarks = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(out, VerboseMode.SILENT),
                options.commandLine().getIncludes(), options.commandLine().getExcludes());
        if (benchmarks.isEmpty()) {
            err.println(commandName + ": no benchmark matches " + options.commandLine().getIncludes()
                    + " (list them with -Djmh.args=-l)");
            return 2;
        }
        // the run starts once the command line is understood: from here on every failure ends the folder FAILED
        try (Run run = Run.start(settings.resultsDirectory(), settings.label(), RunKind.JMH, "jmh", clock)) {
            try (Datastores datastores = Datastores.open(
                    TargetSpec.resolve(settings.target(), settings.pgUrl(), settings.redisUrl(), settings.env()))) {
                return runSuite(options, benchmarks, datastores, run);
            } catch (DatastoreException e) {
                if (settings.verbose()) {
                    // masked as every line of this command is: a trace quotes the URL a connection failed on
                    java.io.StringWriter trace = new java.io.StringWriter();
                    e.printStackTrace(new java.io.PrintWriter(trace));
                    err.print(io.loadbench.results.Secrets.maskUrl(trace.toString()));
                }
                return failed(run, e.getMessage());
            }
        }
    }

    private int runSuite(JmhRunOptions options, SortedSet<BenchmarkListEntry> benchmarks, Datastores datastores, Run run) {
        // the embedded servers' CPU is the benchmark's own, as the forks' is (they are this JVM's children)
        run.countAsOwn(datastores::serverPids);
        // servers start (and connection problems surface) before the benchmarks do
        List<String> forkArguments = forkArguments(datastores);
        Map<String, Object> target = datastores.describe();
        // once the servers run: they keep the upper CPUs, this JVM (and the forks it starts) the lower ones
        CpuIsolation.Outcome isolation = CpuIsolation.apply(datastores, settings.cpuIsolation());
        List<String> benchmarkNames = new ArrayList<>();
        benchmarks.forEach(b -> benchmarkNames.add(b.getUsername()));

        Map<String, Object> parameters = new TreeMap<>();
        parameters.put("jmhArguments", options.arguments());
        parameters.put("resultFormat", options.resultFormat().name());
        parameters.put("failOnError", options.failOnError());
        parameters.put("forkJvmArgumentsAppended", forkArguments.stream().map(Secrets::maskUrl).toList());
        parameters.put("datasetSeed", BenchmarkDatasets.SEED);
        parameters.put("datasetRows", BenchmarkDatasets.defaultRows());
        parameters.put("benchmarks", benchmarkNames);
        parameters.put("cpuIsolation", isolation.describe());
        // the plan is what was measured: which benchmarks, which parameter values, how many threads, which rows
        Map<String, Object> plan = new TreeMap<>();
        plan.put("benchmarks", benchmarkNames);
        Map<String, Object> parameterOverrides = new TreeMap<>();
        for (BenchmarkListEntry benchmark : benchmarks) {
            for (String name : benchmark.getParams().orElse(Map.of()).keySet()) {
                var values = options.commandLine().getParameter(name);
                if (values.hasValue()) {
                    parameterOverrides.put(name, List.copyOf(values.get()));
                }
            }
        }
        plan.put("parameterOverrides", parameterOverrides);
        plan.put("threads", options.commandLine().getThreads().hasValue() ? options.commandLine().getThreads().get() : null);
        plan.put("datasetSeed", BenchmarkDatasets.SEED);
        plan.put("datasetRows", BenchmarkDatasets.defaultRows());
        run.manifest().putParameters(parameters).putPlan(plan).target(target);
        run.writeManifest();

        out.println(commandName + ": " + benchmarkNames.size() + " benchmark(s) on the " + datastores.kind()
                + " target; run folder " + run.dir());
        out.println(commandName + ": " + (isolation.applied()
                ? "CPU isolation: servers on CPU " + isolation.serverCpus() + ", benchmark JVMs on CPU " + isolation.measuringCpus()
                + " (-D" + CpuIsolation.PROPERTY + "=false turns it off)"
                : "no CPU isolation: " + isolation.reason()));
        try {
            // JMH prints each fork's JVM arguments, the target's URLs among them: its output goes out masked
            PrintStream jmhOut = new PrintStream(new MaskingOutputStream(out), true, StandardCharsets.UTF_8);
            Runner runner = new Runner(options.forRun(run.dir(), forkArguments), OutputFormatFactory.createFormatInstance(
                    jmhOut, options.commandLine().verbosity().orElse(VerboseMode.NORMAL)));
            Collection<RunResult> results;
            Path resultFile = run.dir().resolve(options.resultFileName());
            try {
                results = runner.run();
            } finally {
                jmhOut.close();
                // JMH copies the forks' arguments (the target's URLs) into its result file, also of a failed run
                if (Files.isRegularFile(resultFile)) {
                    JmhResultSanitizer.sanitize(resultFile);
                }
            }
            if (results.isEmpty() || !Files.isRegularFile(resultFile)) {
                return failed(run, "JMH produced no results");
            }
            RunStatus status = run.succeeded();
            out.println(commandName + ": " + status + ", results in " + resultFile);
            run.noise().ifPresent(noise -> out.println(commandName + ": noise: " + noise.describe()));
            return 0;
        } catch (NoBenchmarksException e) {
            return failed(run, "no benchmark matches " + options.commandLine().getIncludes());
        } catch (RunnerException e) {
            if (settings.verbose()) {
                e.printStackTrace(err);
            }
            return failed(run, "a benchmark failed: " + rootCause(e));
        } catch (RuntimeException e) {
            if (settings.verbose()) {
                e.printStackTrace(err);
            }
            return failed(run, rootCause(e));
        }
    }

    private int failed(Run run, String unmasked) {
        String reason = Secrets.maskUrl(unmasked);
        run.failed(reason);
        err.println(commandName + ": FAILED: " + reason + " (manifest: " + run.dir().resolve("manifest.json") + ")");
        return 1;
    }

    private static List<String> forkArguments(Datastores datastores) {
        List<String> arguments = new ArrayList<>();
        ForkTarget.handOver(datastores).forEach((name, value) -> arguments.add("-D" + name + "=" + value));
        return arguments;
    }

    private int list(JmhRunOptions options) {
        try {
            Runner runner = new Runner(options.commandLine(), OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL));
            if (options.commandLine().shouldHelp()) {
                options.commandLine().showHelp();
            } else if (options.commandLine().shouldList()) {
                runner.list();
            } else if (options.commandLine().shouldListWithParams()) {
                runner.listWithParams(options.commandLine());
            } else if (options.commandLine().shouldListProfilers()) {
                options.commandLine().listProfilers();
            } else {
                options.commandLine().listResultFormats();
            }
            return 0;
        } catch (java.io.IOException e) {
            err.println(commandName + ": cannot print JMH's help: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The line that says what went wrong. JMH wraps a benchmark's exception (as a cause, or as suppressed
     * exceptions of "Benchmark error during the run"), so the innermost exception with a message is the one
     * that names the problem.
     */
    static String rootCause(Throwable e) {
        Throwable specific = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getSuppressed().length > 0) {
                t = t.getSuppressed()[0];
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                specific = t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String message = String.valueOf(specific.getMessage()).strip();
        int newline = message.indexOf('\n');
        return specific.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
