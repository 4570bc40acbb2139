package io.loadbench.jmhplugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn -pl benchmarks jmh:run [-Djmh.args="..."]}: runs the project's JMH suite in a separate JVM.
 *
 * <p>The launcher JVM starts with the project's test classpath (compiled classes, JMH's generated
 * benchmark list, every dependency). It decides everything about the run; this goal only forwards
 * arguments and a handful of {@code loadbench.*} properties, streams the output and turns a non-zero
 * exit into a build failure.
 *
 * <p>It compiles the project first (a forked lifecycle up to {@code test-compile}), so the suite that runs is the
 * source as it is now, never the classes of an earlier build.
 */
@Execute(phase = LifecyclePhase.TEST_COMPILE)
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, requiresProject = true, threadSafe = true)
public class RunMojo extends AbstractMojo {

    /** JMH options, passed through unchanged, e.g. {@code -lp}, {@code Copy -f 1 -wi 1 -i 3}, {@code -h}. */
    @Parameter(property = "jmh.args")
    private String jmhArgs;

    /** The launcher class; it must accept JMH's command-line options. */
    @Parameter(property = "jmh.mainClass", defaultValue = "io.loadbench.benchmarks.BenchmarksMain")
    private String mainClass;

    /** Options for the launcher JVM (not for the benchmark forks: use JMH's {@code -jvmArgsAppend} for those). */
    @Parameter(property = "jmh.launcherJvmArgs")
    private String launcherJvmArgs;

    /** The {@code java} that runs the launcher; the JVM running Maven by default. */
    @Parameter(property = "jmh.java")
    private File javaExecutable;

    /** Where run folders are created; handed to the launcher as {@code loadbench.results}. */
    @Parameter(property = "loadbench.results", defaultValue = "${project.basedir}/results")
    private File resultsDirectory;

    /** An existing PostgreSQL (JDBC URL) instead of the embedded one. */
    @Parameter(property = "loadbench.pg.url")
    private String pgUrl;

    /** An existing Redis ({@code redis://host:port}) instead of the embedded one. */
    @Parameter(property = "loadbench.redis.url")
    private String redisUrl;

    /** Names the machine in the run folder; the host name by default. */
    @Parameter(property = "loadbench.label")
    private String label;

    /** {@code containers} runs the suite against Testcontainers instead of embedded servers. */
    @Parameter(property = "loadbench.target")
    private String target;

    /** Prints stack traces behind the launcher's one-line errors. */
    @Parameter(property = "loadbench.verbose")
    private String verbose;

    /** {@code false} keeps the embedded servers and the benchmark JVMs on every CPU (isolated by default). */
    @Parameter(property = "loadbench.cpuIsolation")
    private String cpuIsolation;

    @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true, required = true)
    private List<String> classpathElements;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    private File classesDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!Files.isRegularFile(classesDirectory.toPath().resolve("META-INF/BenchmarkList"))) {
            throw new MojoFailureException("no JMH benchmark list in " + classesDirectory
                    + ": build the module first (mvn install, or mvn -pl benchmarks -am test-compile)");
        }
        LaunchCommand command;
        try {
            command = new LaunchCommand(java(), JmhArguments.split(launcherJvmArgs), launcherProperties(),
                    classpathElements, mainClass, JmhArguments.split(jmhArgs));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        getLog().info("jmh:run launching " + command.describe());
        int exitCode = run(command.toList());
        if (exitCode != 0) {
            throw new MojoFailureException(mainClass + " exited with status " + exitCode + " (see its output above)");
        }
    }

    private Path java() {
        if (javaExecutable != null) {
            return javaExecutable.toPath();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private Map<String, String> launcherProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("loadbench.pg.url", pgUrl);
        properties.put("loadbench.redis.url", redisUrl);
        properties.put("loadbench.label", label);
        properties.put("loadbench.target", target);
        properties.put("loadbench.verbose", verbose);
        properties.put("loadbench.cpuIsolation", cpuIsolation);
        properties.put("loadbench.results", resultsDirectory.toPath().toAbsolutePath().normalize().toString());
        return properties;
    }

    private int run(List<String> command) throws MojoExecutionException {
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        // Maven killed (Ctrl-C) must not leave a benchmark JVM, and its embedded servers, behind.
        Thread stopLauncher = new Thread(process::destroy, "jmh-run-stop-launcher");
        Runtime.getRuntime().addShutdownHook(stopLauncher);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while the benchmarks ran", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopLauncher);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook runs and stops the launcher
            }
        }
    }
}
