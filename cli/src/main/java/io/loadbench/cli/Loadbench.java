package io.loadbench.cli;

import io.loadbench.benchmarks.BenchmarksMain;
import io.loadbench.cli.k8s.K8sCommand;
import io.loadbench.loader.cli.LoaderCli;
import io.loadbench.loader.spi.DatasetRegistry;
import io.loadbench.results.Labels;
import io.loadbench.scenarios.run.SimulationOptions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code loadbench} command line. {@link #run(String...)} is the only entry point and returns the exit code
 * (0 success, 1 the work failed or its verdict is FAILED, 2 bad usage); only {@link LoadbenchMain} exits.
 */
public final class Loadbench {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    /** A shard of a scaled-out run that was not ready by its start instant, and did not join late. */
    public static final int EXIT_LATE = 3;
    public static final String NAME = "loadbench";

    /** The loader's commands, passed to its command line as they are. */
    private static final List<String> LOADER_COMMANDS = List.of("datasets", "plan", "load", "verify", "drop");

    /** Every command, with what it does: the overview {@code loadbench --help} prints. */
    private static final Map<String, String> COMMANDS = commands();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private final boolean interactive;

    public Loadbench(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, boolean interactive) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
        this.interactive = interactive;
    }

    private static Map<String, String> commands() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("datasets", "list the datasets and their options");
        commands.put("plan", "dry run of a load: rows, bytes, estimated time");
        commands.put("load", "generate a dataset and bulk-load it (COPY, Redis pipelines), then verify it");
        commands.put("verify", "re-run a loaded dataset's checks and print its checksums");
        commands.put("drop", "remove a dataset's tables, keys and load records");
        commands.put("workloads", "list the workloads: seed, model, presets, options with defaults and units");
        commands.put("run", "run a workload (a Gatling simulation) and judge it: OK, NOISY or FAILED");
        commands.put("bench", "run the JMH suite (JMH's options: -l lists, -h helps)");
        commands.put("report", "summarize, compare or merge saved runs");
        commands.put("servers", "start the embedded PostgreSQL and Redis and keep them up for other tools");
        commands.put("k8s", "scale a run out on Kubernetes Indexed Jobs: render the Jobs, or run them with kubectl");
        return commands;
    }

    public int run(String... args) {
        if (args.length == 0) {
            usage(err);
            return EXIT_USAGE;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (LOADER_COMMANDS.contains(command) || command.equals("--version") || command.equals("-V")) {
            return new LoaderCli(DatasetRegistry.builtIn(), out, err, env, clock, interactive, Labels::defaultLabel)
                    .commandName(NAME).run(args);
        }
        return switch (command) {
            case "-h", "--help", "help" -> {
                usage(out);
                yield EXIT_OK;
            }
            case "workloads" -> new WorkloadsCommand(out, err).run(rest);
            case "run" -> new RunCommand(out, err).run(rest);
            case "bench" -> BenchmarksMain.run(jmhArguments(rest), NAME + " bench");
            case "report" -> io.loadbench.report.Main.run(rest, writer(out), writer(err), clock, NAME + " report");
            case "servers" -> ServersCommand.run(rest, out, err, System.in);
            case "k8s" -> K8sCommand.run(rest, out, err, env, clock);
            default -> unknown(command);
        };
    }

    /** JMH spells help {@code -h}; {@code --help} works on every loadbench command. */
    private static String[] jmhArguments(String[] args) {
        return Arrays.stream(args).map(arg -> arg.equals("--help") ? "-h" : arg).toArray(String[]::new);
    }

    private int unknown(String command) {
        Optional<String> meant = SimulationOptions.closest(command, COMMANDS.keySet());
        err.println("error: unknown command '" + command + "'" + meant.map(m -> "; did you mean " + m + "?").orElse("")
                + " (see '" + NAME + " --help')");
        return EXIT_USAGE;
    }

    private void usage(PrintStream stream) {
        stream.println("Usage: " + NAME + " COMMAND [OPTIONS]");
        stream.println();
        stream.println("Benchmarks PostgreSQL and Redis: realistic bulk loads, workloads measured from their schedule,");
        stream.println("JMH benchmarks, and reports that compare runs across machines.");
        stream.println();
        stream.println("Commands:");
        COMMANDS.forEach((name, what) -> stream.printf("  %-10s %s%n", name, what));
        stream.println();
        stream.println("'" + NAME + " COMMAND --help' explains a command. Examples:");
        stream.println("  " + NAME + " load events --rows 1M");
        stream.println("  " + NAME + " run cache --preset demo");
        stream.println("  " + NAME + " run sql --script my.sql --rate 500 --duration 1m");
        stream.println("  " + NAME + " report compare results/RUN-A results/RUN-B");
        stream.flush();
    }

    static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
