package io.loadbench.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a simulation in this JVM the way the gatling-maven-plugin runs it in a fork ({@code -s}, {@code -rf}),
 * with the given system properties set for the duration of the run, and finds the run folder it wrote.
 */
public final class GatlingLauncher {

    /** What a run produced: Gatling's exit code (0 OK, 2 assertions failed) and the run folder. */
    public record Result(int exitCode, Path runFolder) {
    }

    /** What a run that could not start left: why Gatling gave up, and the run folder. */
    public record Failure(Throwable cause, Path runFolder) {
    }

    private GatlingLauncher() {
    }

    /**
     * Runs a simulation that must fail before its load starts (a bad target or option): Gatling throws, and the
     * simulation's run folder says why.
     */
    public static synchronized Failure runExpectingFailure(Class<?> simulation, Path resultsDir, Map<String, String> properties) {
        try {
            Result result = run(simulation, resultsDir, properties);
            throw new AssertionError(simulation.getSimpleName() + " ran (exit code " + result.exitCode() + ") instead of failing");
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable e) {
            // Gatling rethrows the simulation constructor's InvocationTargetException as is, though it is checked
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null ? e.getCause() : e;
            return new Failure(cause, onlyRunFolder(resultsDir));
        }
    }

    public static synchronized Result run(Class<?> simulation, Path resultsDir, Map<String, String> properties) {
        Path gatlingLink = gatlingLink(resultsDir);
        Map<String, String> all = launchProperties(resultsDir, properties);
        Map<String, String> previous = new HashMap<>();
        all.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        try {
            int exitCode = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                    "-s", simulation.getName(), "-rf", gatlingLink.toString()});
            return new Result(exitCode, onlyRunFolder(resultsDir));
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    /**
     * Runs a simulation in a child JVM whose environment lacks {@code LOADBENCH_PG_URL} and
     * {@code LOADBENCH_REDIS_URL}, so the target is exactly what the properties name (CI sets both variables,
     * and an option only overrides its own store's variable). Bounded: the child is killed after
     * {@code timeout}.
     */
    public static Result runWithoutTargetEnvironment(Class<?> simulation, Path resultsDir, Map<String, String> properties,
                                                     java.time.Duration timeout) throws IOException, InterruptedException {
        Path gatlingLink = gatlingLink(resultsDir);
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xmx512m"));
        launchProperties(resultsDir, properties).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "-s", simulation.getName(), "-rf", gatlingLink.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(resultsDir.resolve(".child-jvm.log").toFile());
        builder.environment().remove("LOADBENCH_PG_URL");
        builder.environment().remove("LOADBENCH_REDIS_URL");
        Process child = builder.start();
        if (!child.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            throw new AssertionError(simulation.getSimpleName() + " did not end within " + timeout);
        }
        return new Result(child.exitValue(), onlyRunFolder(resultsDir));
    }

    private static Path gatlingLink(Path resultsDir) {
        return resultsDir.resolve(".gatling-link");
    }

    /** The properties a run gets beside the test's own, as the gatling-maven-plugin's fork gets them. */
    private static Map<String, String> launchProperties(Path resultsDir, Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("loadbench.results", resultsDir.toString());
        all.put("loadbench.gatling.resultsFolder", gatlingLink(resultsDir).toString());
        all.put("gatling.data.enableAnalytics", "false");
        return all;
    }

    private static Path onlyRunFolder(Path resultsDir) {
        try (Stream<Path> entries = Files.list(resultsDir)) {
            List<Path> folders = entries.filter(Files::isDirectory).filter(p -> !Files.isSymbolicLink(p))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            if (folders.size() != 1) {
                throw new IllegalStateException("expected one run folder in " + resultsDir + ", found " + folders);
            }
            return folders.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
