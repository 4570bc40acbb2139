package io.loadbench.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.loadbench.datastores.CpuIsolation;
import io.loadbench.results.Labels;

/**
 * Where a suite run writes and which target it uses: read once from system properties and the
 * environment, validated, then immutable.
 *
 * @param resultsDirectory parent of the run folder ({@code loadbench.results}, default {@code results})
 * @param label the machine's name in the run folder ({@code loadbench.label}, default: the host name)
 * @param target {@code loadbench.target}: null (URLs, else embedded) or {@code containers}
 * @param pgUrl {@code loadbench.pg.url}, else null (the environment is consulted by the target resolution)
 * @param redisUrl {@code loadbench.redis.url}, else null
 * @param verbose {@code loadbench.verbose}: print stack traces behind the one-line errors
 * @param cpuIsolation {@code loadbench.cpuIsolation} (default true): embedded servers and benchmark JVMs on disjoint CPUs
 * @param env the process environment, for {@code LOADBENCH_PG_URL}/{@code LOADBENCH_REDIS_URL}
 */
public record SuiteSettings(Path resultsDirectory, String label, String target, String pgUrl, String redisUrl,
        boolean verbose, boolean cpuIsolation, Map<String, String> env) {

    public SuiteSettings {
        if (label.isBlank()) {
            throw new IllegalArgumentException("loadbench.label is empty");
        }
        env = Map.copyOf(env);
    }

    static SuiteSettings from(Properties properties, Map<String, String> env) {
        String label = blankToNull(properties.getProperty("loadbench.label"));
        return new SuiteSettings(
                Path.of(properties.getProperty("loadbench.results", "results")).toAbsolutePath().normalize(),
                label == null ? Labels.defaultLabel() : label,
                blankToNull(properties.getProperty("loadbench.target")),
                blankToNull(properties.getProperty("loadbench.pg.url")),
                blankToNull(properties.getProperty("loadbench.redis.url")),
                Boolean.parseBoolean(properties.getProperty("loadbench.verbose", "false")),
                CpuIsolation.wanted(properties.getProperty(CpuIsolation.PROPERTY)),
                env);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
