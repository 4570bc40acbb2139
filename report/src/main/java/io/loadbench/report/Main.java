package io.loadbench.report;

import io.loadbench.report.compare.Comparison;
import io.loadbench.report.compare.PlanCheck;
import io.loadbench.report.compare.WorkloadCheck;
import io.loadbench.report.html.ChartJs;
import io.loadbench.report.html.ChartSpecs;
import io.loadbench.report.html.HtmlReport;
import io.loadbench.report.merge.RunMerger;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import io.loadbench.report.summarize.Summary;
import io.loadbench.report.text.Document;
import io.loadbench.report.text.MarkdownRenderer;
import io.loadbench.report.text.TextRenderer;
import io.loadbench.results.ResultFormatException;
import io.loadbench.results.Secrets;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code java -jar loadbench-report.jar summarize|compare|merge …}. Exit codes: 0 success, 1 the runs
 * cannot be reported as asked (bad input, different plans), 2 a usage error.
 */
@Command(name = "loadbench-report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Summarize, compare and merge saved loadbench run folders.",
        subcommands = {Main.Summarize.class, Main.Compare.class, Main.Merge.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code when the input cannot be reported (missing folder, corrupt file, different plans). */
    public static final int EXIT_BAD_INPUT = 1;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    private final PrintWriter out;
    private final Clock clock;

    Main(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, new PrintWriter(stdout, true), new PrintWriter(stderr, true), Clock.systemUTC()));
    }

    /** Runs one command line; everything it prints goes to {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
        return run(args, out, err, clock, "loadbench-report");
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, Clock)}, naming the command {@code commandName} in help and errors. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock, String commandName) {
        Main main = new Main(out, clock);
        CommandLine commandLine = new CommandLine(main);
        commandLine.setCommandName(commandName);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            boolean verbose = main.verbose;
            if (exception instanceof ReportException || exception instanceof ResultFormatException) {
                err.println(commandName + ": " + Secrets.maskUrl(exception.getMessage()));
            } else {
                err.println(commandName + ": internal error: " + Secrets.maskUrl(String.valueOf(exception))
                        + (verbose ? "" : " (run with --verbose for the stack trace)"));
            }
            if (verbose) {
                // a trace quotes messages, which may hold a URL with its password: masked like the line above
                java.io.StringWriter trace = new java.io.StringWriter();
                exception.printStackTrace(new PrintWriter(trace));
                err.print(Secrets.maskUrl(trace.toString()));
            }
            err.flush();
            return EXIT_BAD_INPUT;
        });
        int exit = commandLine.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    static List<SavedRun> read(List<Path> dirs) {
        List<SavedRun> runs = new ArrayList<>();
        for (Path dir : dirs) {
            runs.add(RunReader.read(dir));
        }
        return runs;
    }

    @Command(name = "summarize", mixinStandardHelpOptions = true,
            description = "Key figures of one run: status, environment, plan, JMH scores, load rates, "
                    + "request throughput and latency percentiles, hit ratios.")
    static final class Summarize implements Callable<Integer> {

        @CommandLine.ParentCommand
        Main main;

        @Parameters(paramLabel = "RUN", description = "A run folder (the one holding manifest.json).")
        Path run;

        @Option(names = "--markdown", description = "Print Markdown instead of a terminal table.")
        boolean markdown;

        @Override
        public Integer call() {
            Document document = Summary.of(RunReader.read(run));
            main.out.print((markdown ? MarkdownRenderer.INSTANCE : TextRenderer.INSTANCE).render(document));
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare runs side by side, with ratios to the first run. Runs of different plans are "
                    + "refused unless --allow-plan-mismatch is given.")
    static final class Compare implements Callable<Integer> {

        @CommandLine.ParentCommand
        Main main;

        @Parameters(paramLabel = "RUN", arity = "2..*", description = "Two or more run folders; the first is the base of the ratios.")
        List<Path> runs;

        @Option(names = "--markdown", description = "Print Markdown instead of a terminal table.")
        boolean markdown;

        @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with charts to FILE.")
        Path html;

        @Option(names = "--allow-plan-mismatch", description = "Compare runs whose plans differ; the differences are printed above the tables.")
        boolean allowPlanMismatch;

        @Override
        public Integer call() {
            List<SavedRun> saved = read(runs);
            // a different script set is a plan difference too; this says which scripts, where the plan names a hash
            java.util.Optional<String> otherWorkload = WorkloadCheck.refusal(saved);
            if (otherWorkload.isPresent() && !allowPlanMismatch) {
                throw new ReportException(otherWorkload.get() + " (--allow-plan-mismatch compares them anyway)");
            }
            List<String> differences = PlanCheck.differences(saved);
            if (!differences.isEmpty() && !allowPlanMismatch) {
                throw new ReportException("cannot compare runs of different plans: " + String.join("; ", differences)
                        + " (--allow-plan-mismatch compares them anyway)");
            }
            Document document = Comparison.of(saved, differences);
            main.out.print((markdown ? MarkdownRenderer.INSTANCE : TextRenderer.INSTANCE).render(document));
            if (html != null) {
                String page = new HtmlReport(ChartSpecs.of(saved), ChartJs.source()).render(document);
                try {
                    Path parent = html.toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    Files.writeString(html, page, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new ReportException(html + ": cannot write the HTML page: " + e.getMessage(), e);
                }
                main.out.println();
                main.out.println("HTML page written to " + html);
            }
            return 0;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Join runs of one plan made at the same time on several injector machines into one run "
                    + "folder: histograms added, throughputs summed, source manifests kept.")
    static final class Merge implements Callable<Integer> {

        @CommandLine.ParentCommand
        Main main;

        @Parameters(paramLabel = "RUN", arity = "2..*", description = "The run folders to merge.")
        List<Path> runs;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
                description = "Directory in which the merged run folder is created (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() {
            Path merged = RunMerger.merge(read(runs), out, main.clock);
            main.out.println("merged " + runs.size() + " runs into " + merged);
            return 0;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"loadbench-report " + (version == null ? "(development build)" : version)};
        }
    }
}
