package io.loadbench.loader.cli;

import io.loadbench.datastores.DatastoreException;
import io.loadbench.datastores.InvalidTargetException;
import io.loadbench.loader.run.TargetNotEmptyException;
import io.loadbench.loader.sink.postgres.CopyLoadException;
import io.loadbench.loader.cli.options.DatasetOptions;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetRegistry;
import io.loadbench.loader.spi.InvalidOptionException;
import io.loadbench.results.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The {@code loadbench-loader} command line. {@link #run(String...)} is the only entry point and returns
 * the exit code (0 success, 1 the work failed, 2 bad usage or configuration); only {@link LoaderMain} exits.
 * Every failure becomes one line on stderr naming what and where, with the stack trace behind
 * {@code --verbose}.
 */
public final class LoaderCli {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    final Clock clock;
    final boolean interactive;
    final Supplier<String> defaultLabel;
    private final DatasetRegistry registry;
    boolean verbose;
    private ArgumentSecrets secrets = ArgumentSecrets.of();
    private String commandName = "loadbench-loader";

    public LoaderCli(DatasetRegistry registry, PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
                     boolean interactive, Supplier<String> defaultLabel) {
        this.registry = registry;
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
        this.interactive = interactive;
        this.defaultLabel = defaultLabel;
    }

    /** Names the command in help and messages as the user typed it ({@code loadbench}, not {@code loadbench-loader}). */
    public LoaderCli commandName(String name) {
        this.commandName = name;
        return this;
    }

    String commandName() {
        return commandName;
    }

    public int run(String... args) {
        verbose = Arrays.asList(args).contains("--verbose");
        secrets = ArgumentSecrets.of(args);
        CommandLine commandLine = build();
        commandLine.registerConverter(LocalDate.class, LoaderCli::date);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler(this::onBadUsage);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> onFailure(e));
        return commandLine.execute(args);
    }

    private CommandLine build() {
        CommandLine root = new CommandLine(new Root());
        root.setCommandName(commandName);
        String[] footer = root.getCommandSpec().usageMessage().footer();
        for (int i = 0; i < footer.length; i++) {
            footer[i] = footer[i].replace("loadbench-loader", commandName);
        }
        root.getCommandSpec().usageMessage().footer(footer);
        root.addSubcommand("datasets", new CommandLine(new DatasetsCommand(registry)));
        for (Action action : Action.values()) {
            CommandLine actionLine = new CommandLine(new ActionCommand(action, registry));
            actionLine.getCommandSpec().usageMessage().description(action.description);
            for (DatasetDefinition<?> definition : registry.all()) {
                actionLine.addSubcommand(definition.name(), datasetCommand(action, definition));
            }
            root.addSubcommand(action.commandName(), actionLine);
        }
        return root;
    }

    private <S extends Record> CommandLine datasetCommand(Action action, DatasetDefinition<S> definition) {
        DatasetOptions<S> options = DatasetOptions.forDefinition(definition);
        ShardOptions shardOptions = action.takesShard() ? new ShardOptions() : null;
        ShardOptions.Finish finishOption = action == Action.LOAD ? new ShardOptions.Finish() : null;
        CommandLine leaf = new CommandLine(new DatasetCommand<>(action, definition, options, shardOptions, finishOption, this));
        if (shardOptions != null) {
            leaf.addMixin("shardOptions", shardOptions);
        }
        if (finishOption != null) {
            leaf.addMixin("finishOption", finishOption);
        }
        leaf.addMixin("datasetOptions", options);
        leaf.getCommandSpec().usageMessage().description(action.description, definition.summary());
        return leaf;
    }

    private int onBadUsage(CommandLine.ParameterException e, String[] args) {
        String message = e.getMessage();
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && spec.userObject() instanceof ActionCommand
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            message = "unknown dataset '" + unmatched.getUnmatched().get(0) + "' (available: " + registry.names() + ")";
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && unmatched.getUnmatched().get(0).startsWith("-")) {
            // picocli lists every unmatched word ('--rowz', '1M'): the option is the news, and what it probably meant
            String option = unmatched.getUnmatched().get(0).replaceFirst("=.*$", "");
            List<String> suggestions = unmatched.getSuggestions();
            message = "unknown option " + option + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?");
        }
        // a converter's failure reads "... (java.lang.NumberFormatException: ...)": the user needs neither
        message = firstLine(message).replaceAll("\\s*\\([\\w.$]+(Exception|Error): [^)]*\\)", "");
        printError("error: " + message + " (see '" + spec.qualifiedName() + " --help')", e);
        return EXIT_USAGE;
    }

    private int onFailure(Exception e) {
        int code;
        String message;
        if (e instanceof InvalidOptionException || e instanceof InvalidTargetException) {
            code = EXIT_USAGE;
            message = "error: " + e.getMessage();
        } else if (e instanceof VerificationFailedException) {
            code = EXIT_FAILED;
            message = "verification failed: " + e.getMessage();
        } else if (e instanceof TargetNotEmptyException) {
            code = EXIT_FAILED;
            message = "error: " + e.getMessage();
        } else if (e instanceof CopyLoadException || e instanceof DatastoreException) {
            code = EXIT_FAILED;
            message = "load failed: " + e.getMessage();
            if (e instanceof DatastoreException) {
                message = "error: " + e.getMessage();
            }
        } else {
            code = EXIT_FAILED;
            message = "error: " + describe(e);
        }
        printError(firstLine(message), e);
        return code;
    }

    /**
     * The one way an error reaches stderr: its line, and with {@code --verbose} the stack trace, both through
     * {@link Secrets} (a picocli message quotes the argument it could not place, which may be a URL with a
     * password).
     */
    private void printError(String line, Throwable cause) {
        err.println(secrets.mask(line));
        if (verbose) {
            java.io.StringWriter trace = new java.io.StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            err.print(secrets.mask(trace.toString()));
            err.flush();
        }
    }

    /** {@code --end-date} and other dates: picocli's own message would quote the JDK exception. */
    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date YYYY-MM-DD");
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }

    @Command(name = "loadbench-loader", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Generates realistic datasets and bulk-loads them into PostgreSQL (COPY) and Redis, "
                    + "resumably, verifying the result.",
            footer = {"", "Examples:", "  loadbench-loader datasets",
                    "  loadbench-loader plan events --rows 100M",
                    "  loadbench-loader load events --rows 1M --pg-url 'jdbc:postgresql://localhost:5432/test?user=postgres'",
                    "  loadbench-loader load events --rows 1M --resume",
                    "  loadbench-loader load events --rows 1M --shard 0/2 --pg-url ...   (and 1/2, then --finish)",
                    "  loadbench-loader verify events --rows 1M", "  loadbench-loader drop events"})
    static final class Root implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return EXIT_USAGE;
        }
    }

    /** {@code plan|load|verify|drop} without a dataset. */
    @Command(mixinStandardHelpOptions = true)
    static final class ActionCommand implements Callable<Integer> {
        private final Action action;
        private final DatasetRegistry registry;
        @Spec
        CommandSpec spec;

        ActionCommand(Action action, DatasetRegistry registry) {
            this.action = action;
            this.registry = registry;
        }

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing dataset: '" + action.commandName()
                    + " <dataset>' (available: " + registry.names() + ")");
        }
    }

    /** Lists the registered datasets with their default size and own options. */
    @Command(name = "datasets", mixinStandardHelpOptions = true, description = "List the datasets and their own options.")
    static final class DatasetsCommand implements Callable<Integer> {
        private final DatasetRegistry registry;
        @Spec
        CommandSpec spec;

        DatasetsCommand(DatasetRegistry registry) {
            this.registry = registry;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (DatasetDefinition<?> d : registry.all()) {
                out.printf(Locale.ROOT, "%-10s %s%n", d.name(), d.summary());
                out.printf(Locale.ROOT, "%-10s default --rows %,d%n", "", d.defaultRows());
                CommandSpec options = CommandSpec.forAnnotatedObject(DatasetOptions.forDefinition(d));
                for (CommandLine.Model.OptionSpec o : options.options()) {
                    Object initial = o.defaultValue() != null ? o.defaultValue() : o.initialValue();
                    out.printf(Locale.ROOT, "%-10s %s %s: %s%n", "", o.longestName(), o.paramLabel(),
                            String.join(" ", o.description()).replace("${DEFAULT-VALUE}", String.valueOf(initial)).replace("%%", "%"));
                }
            }
            out.flush();
            return EXIT_OK;
        }
    }

    /** The tool version from the jar manifest (or "development" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LoaderCli.class.getPackage().getImplementationVersion();
            return new String[]{"loadbench-loader " + (version == null ? "development build" : version)};
        }
    }
}
