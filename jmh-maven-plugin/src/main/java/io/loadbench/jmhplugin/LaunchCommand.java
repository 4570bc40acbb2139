package io.loadbench.jmhplugin;

import io.loadbench.results.Secrets;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The command line of the launcher JVM: {@code java [jvm args] -D<properties> -cp <classpath> <main class>
 * [JMH args]}.
 *
 * <p>Immutable and validated at construction; building it has no side effects, so it is tested without
 * starting anything. System properties are written sorted by name, so the same configuration always gives
 * the same command.
 */
public final class LaunchCommand {

    private final Path javaExecutable;
    private final List<String> launcherJvmArguments;
    private final SortedMap<String, String> systemProperties;
    private final List<String> classpath;
    private final String mainClass;
    private final List<String> jmhArguments;

    /**
     * @param javaExecutable the {@code java} binary that runs the launcher
     * @param launcherJvmArguments options for the launcher JVM itself (not the benchmark forks)
     * @param systemProperties {@code -D} properties for the launcher; entries with a {@code null} value are left out
     * @param classpath the project's test classpath, in order; must not be empty
     * @param mainClass the launcher class
     * @param jmhArguments passed after the main class, unchanged
     */
    public LaunchCommand(Path javaExecutable, List<String> launcherJvmArguments, Map<String, String> systemProperties,
            List<String> classpath, String mainClass, List<String> jmhArguments) {
        this.javaExecutable = Objects.requireNonNull(javaExecutable, "javaExecutable");
        this.launcherJvmArguments = List.copyOf(launcherJvmArguments);
        SortedMap<String, String> properties = new TreeMap<>();
        systemProperties.forEach((name, value) -> {
            if (value != null) {
                properties.put(name, value);
            }
        });
        this.systemProperties = Collections.unmodifiableSortedMap(properties);
        this.classpath = List.copyOf(classpath);
        if (this.classpath.isEmpty()) {
            throw new IllegalArgumentException("the project classpath is empty: nothing to launch");
        }
        if (mainClass == null || mainClass.isBlank()) {
            throw new IllegalArgumentException("jmh.mainClass is empty");
        }
        this.mainClass = mainClass;
        this.jmhArguments = List.copyOf(jmhArguments);
    }

    /** @return the full command, ready for {@link ProcessBuilder} */
    public List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(launcherJvmArguments);
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(jmhArguments);
        return command;
    }

    /**
     * @return the command for a log line: the classpath is summarized (it is long and says nothing new) and
     *     passwords in URLs ({@code user:secret@host}, {@code password=secret}) are masked by {@link Secrets}, the
     *     one masking rule of the project
     */
    public String describe() {
        List<String> shown = new ArrayList<>(toList());
        int classpathIndex = shown.indexOf("-cp") + 1;
        shown.set(classpathIndex, "<" + classpath.size() + " classpath entries>");
        return maskPasswords(String.join(" ", shown));
    }

    static String maskPasswords(String text) {
        return Secrets.maskUrl(text);
    }
}
