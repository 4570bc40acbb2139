package io.loadbench.report;

import io.loadbench.report.compare.Comparison;
import io.loadbench.report.compare.PlanCheck;
import io.loadbench.report.compare.WorkloadCheck;
import io.loadbench.report.html.ChartJs;
import io.loadbench.report.html.ChartSpecs;
import io.loadbench.report.html.HtmlReport;
import io.loadbench.report.merge.RunMerger;
import io.loadbench.report.merge.ShardMerger;
import io.loadbench.report.merge.ShardSet;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import io.loadbench.report.summarize.Summary;
import io.loadbench.report.text.Document;
import io.loadbench.report.text.MarkdownRenderer;
import io.loadbench.report.text.TextRenderer;
import io.loadbench.results.ResultFormatException;
import io.loadbench.results.RunStatus;
import io.loadbench.results.Secrets;
import io.loadbench.results.store.FileResultStore;
import io.loadbench.results.store.ResultStore;
import io.loadbench.results.store.ResultStoreException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code java -jar loadbench-report.jar summarize|compare|merge|merge-shards …}. Exit codes: 0 success, 1 the runs
 * cannot be reported as asked (bad input, different plans) or, for {@code merge-shards}, the merged run is FAILED,
 * 2 a usage error.
 */
@Command(name = "loadbench-report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Summarize, compare and merge saved loadbench run folders.",
        subcommands = {Main.Summarize.class, Main.Compare.class, Main.Merge.class, Main.MergeShards.class,
                CommandLine.HelpCommand.class})
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
            if (exception instanceof ReportException || exception instanceof ResultFormatException
                    || exception instanceof ResultStoreException) {
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

    @Command(name = "merge-shards", mixinStandardHelpOptions = true,
            description = {
                "Merge the shards of one scaled-out run (<results>/<run-id>/shard-<i>/, a second attempt in shard-<i>-2) "
                        + "into one run folder with one verdict: histograms added interval by interval, counts and "
                        + "arrivals summed, FAILED when any shard failed.",
                "",
                "Nothing is merged, and one line names the folders, when:",
                "  * a shard folder has no completion marker (shard-complete.json, written last);",
                "  * two folders hold the same shard index (keep the attempt that counts);",
                "  * the shard counts disagree, or the indexes are not exactly 0..N-1;",
                "  * a marker, its manifest and the run-id folder's name disagree on the run id;",
                "  * the shards' plans differ;",
                "  * the shards of a simulation started their schedules (corrected for each shard's clock offset "
                        + "against the system under test) further apart than --max-start-spread, or recorded no start, "
                        + "unless --allow-start-spread.",
                "",
                "The merged run is written to --out (default: RUN_ID_DIR itself; for s3:// the merged folder is uploaded "
                        + "beside the shards) as <timestamp>-merged-<name>/; its manifest's parameters.shardMerge records "
                        + "the run id, shard count, start spread and each shard's clock offset and round trip.",
                "",
                "Exit code: 0 when the merged run is OK or NOISY, 1 when it is FAILED or nothing could be merged."})
    static final class MergeShards implements Callable<Integer> {

        @CommandLine.ParentCommand
        Main main;

        @Parameters(paramLabel = "RUN_ID_DIR",
                description = "<results>/<run-id>, a file:// URI of it, or s3://BUCKET/PREFIX/<run-id> (downloaded under --out).")
        String runIdDir;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Directory in which the merged run folder is created (default: RUN_ID_DIR; for s3://, "
                        + "uploaded beside the shards).")
        Path out;

        @Option(names = "--max-start-spread", paramLabel = "DURATION", defaultValue = ShardMerger.DEFAULT_MAX_START_SPREAD,
                converter = SpreadConverter.class,
                description = "The most the shards' corrected schedule starts may be apart, e.g. 10ms, 1s (default: ${DEFAULT-VALUE}).")
        Duration maxStartSpread;

        @Option(names = "--allow-start-spread",
                description = "Merge whatever the start spread, and shards that recorded no start; the spread is recorded.")
        boolean allowStartSpread;

        @Override
        public Integer call() {
            ShardMerger.StartSpreadRule rule = new ShardMerger.StartSpreadRule(maxStartSpread, allowStartSpread);
            // a path, file:// or s3://; any other scheme is refused here, in one line
            if (ResultStore.of(runIdDir) instanceof FileResultStore local) {
                Path dir = runIdDir.regionMatches(true, 0, "file:", 0, 5) ? local.root() : Path.of(runIdDir);
                return merged(ShardSet.read(dir), out == null ? dir : out, rule);
            }
            String location = runIdDir.endsWith("/") ? runIdDir.substring(0, runIdDir.length() - 1) : runIdDir;
            int slash = location.lastIndexOf('/');
            if (slash < "s3://".length()) {
                throw new ReportException(runIdDir + ": expected s3://BUCKET/PREFIX/<run-id>");
            }
            ResultStore store = ResultStore.of(location.substring(0, slash));
            String runId = location.substring(slash + 1);
            Path download = null;
            try {
                Path work = out == null ? Path.of(System.getProperty("java.io.tmpdir")) : out;
                Files.createDirectories(work);
                download = Files.createTempDirectory(work, ".shards-");
                store.download(runId, download.resolve(runId));
                Path mergedInto = out == null ? Files.createDirectories(download.resolve(".merged")) : out;
                int exit = merged(ShardSet.read(download.resolve(runId)), mergedInto, rule);
                if (out == null) {
                    // the merged run goes where its shards are: a pod's local folder does not outlive the pod
                    try (Stream<Path> folders = Files.list(mergedInto)) {
                        for (Path folder : folders.toList()) {
                            store.upload(folder, runId + "/" + folder.getFileName());
                            main.out.println("uploaded the merged run to " + store.uri() + "/" + runId + "/" + folder.getFileName());
                        }
                    }
                }
                return exit;
            } catch (IOException e) {
                throw new ReportException((out == null ? "the temporary folder" : out.toString())
                        + ": cannot create the download folder: " + e.getMessage(), e);
            } finally {
                if (download != null) {
                    deleteTree(download);
                }
            }
        }

        private int merged(ShardSet shards, Path resultsDir, ShardMerger.StartSpreadRule rule) {
            Path merged = ShardMerger.merge(shards, resultsDir, rule, main.clock);
            RunStatus status = io.loadbench.results.ManifestReader.read(merged.resolve(io.loadbench.results.Run.MANIFEST_FILE)).status();
            main.out.println("merged " + shards.count() + " shards of run " + shards.runId() + " into " + merged + ": " + status);
            return status.succeeded() ? 0 : 1;
        }

        private static void deleteTree(Path dir) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException | UncheckedIOException e) {
                throw new ReportException(dir + ": cannot delete the downloaded shards: " + e.getMessage(), e);
            }
        }
    }

    /** {@code 250us}, {@code 10ms}, {@code 2s}: a start spread is a matter of milliseconds. */
    static final class SpreadConverter implements CommandLine.ITypeConverter<Duration> {

        private static final Pattern SPREAD = Pattern.compile("([0-9]{1,9})(us|ms|s)");

        @Override
        public Duration convert(String value) {
            Matcher matcher = SPREAD.matcher(value.strip());
            if (!matcher.matches()) {
                throw new CommandLine.TypeConversionException("expected a duration such as 10ms, 250us or 1s, got '" + value + "'");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "us" -> Duration.ofNanos(amount * 1_000);
                case "ms" -> Duration.ofMillis(amount);
                default -> Duration.ofSeconds(amount);
            };
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
