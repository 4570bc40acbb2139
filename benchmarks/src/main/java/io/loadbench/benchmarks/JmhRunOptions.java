package io.loadbench.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The JMH options of one suite run: the user's command line, unchanged, plus what the suite adds.
 *
 * <p>The suite adds exactly three things, each only where the user said nothing: {@code -foe true} (a
 * benchmark that throws fails the run instead of leaving a hole in the results), the result format
 * (JSON), and the result file (inside the run folder, named {@code jmh.<format>}). The target's URLs are
 * appended to the forks' JVM arguments after any {@code -jvmArgsAppend} the user gave. Two options are
 * rejected because they would break the run folder's contract: {@code -rff} (the results belong in the
 * run folder) and {@code -f 0} (benchmarks would run inside the launcher JVM, which the measurement rules
 * forbid).
 */
public final class JmhRunOptions {

    private final List<String> arguments;
    private final CommandLineOptions commandLine;

    private JmhRunOptions(List<String> arguments, CommandLineOptions commandLine) {
        this.arguments = List.copyOf(arguments);
        this.commandLine = commandLine;
    }

    /**
     * @param arguments JMH's command-line options as the user typed them
     * @throws IllegalArgumentException with one line naming the problem when JMH cannot parse them or the
     *     suite does not accept them
     */
    public static JmhRunOptions parse(List<String> arguments) {
        CommandLineOptions commandLine;
        try {
            commandLine = new CommandLineOptions(arguments.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("invalid JMH option: " + e.getMessage());
        }
        if (commandLine.getResult().hasValue()) {
            throw new IllegalArgumentException("-rff is not accepted: results are written into the run folder"
                    + " as jmh.<format> (choose the format with -rf)");
        }
        if (commandLine.getForkCount().orElse(1) < 1) {
            throw new IllegalArgumentException("-f " + commandLine.getForkCount().get()
                    + " is not accepted: benchmarks must run in forked JVMs (-f 1 or more)");
        }
        return new JmhRunOptions(arguments, commandLine);
    }

    /** @return the arguments as given, for the manifest */
    public List<String> arguments() {
        return arguments;
    }

    /** @return JMH's parsed view of the command line (listing, help) */
    public CommandLineOptions commandLine() {
        return commandLine;
    }

    /**
     * @return true when the command line only asks for information ({@code -h}, {@code -l}, {@code -lp},
     *     {@code -lprof}, {@code -lrf}): nothing is measured, so no target is started and no run folder made
     */
    public boolean onlyLists() {
        return commandLine.shouldHelp() || commandLine.shouldList() || commandLine.shouldListWithParams()
                || commandLine.shouldListProfilers() || commandLine.shouldListResultFormats();
    }

    /** @return the result format: the user's {@code -rf}, else JSON */
    public ResultFormatType resultFormat() {
        return commandLine.getResultFormat().orElse(ResultFormatType.JSON);
    }

    /** @return the result file's name inside the run folder: {@code jmh.json} by default */
    public String resultFileName() {
        ResultFormatType format = resultFormat();
        String extension = switch (format) {
            case TEXT -> "txt";
            case LATEX -> "tex";
            default -> format.name().toLowerCase(Locale.ROOT);
        };
        return "jmh." + extension;
    }

    /** @return whether a failing benchmark fails the run: the user's {@code -foe}, else true */
    public boolean failOnError() {
        return commandLine.shouldFailOnError().orElse(true);
    }

    /**
     * @param runFolder where the result file goes
     * @param forkJvmArguments appended to the benchmark JVMs' arguments, after the user's {@code -jvmArgsAppend}
     * @return the options JMH's {@code Runner} is given
     */
    public Options forRun(Path runFolder, List<String> forkJvmArguments) {
        List<String> append = new ArrayList<>(commandLine.getJvmArgsAppend().orElse(List.of()));
        append.addAll(forkJvmArguments);
        return new OptionsBuilder()
                .parent(commandLine)
                .resultFormat(resultFormat())
                .result(runFolder.resolve(resultFileName()).toString())
                .shouldFailOnError(failOnError())
                .jvmArgsAppend(append.toArray(String[]::new))
                .build();
    }
}
