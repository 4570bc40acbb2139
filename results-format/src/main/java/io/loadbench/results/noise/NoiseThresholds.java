package io.loadbench.results.noise;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Properties;

/**
 * Above which noise a run is marked {@link io.loadbench.results.RunStatus#NOISY}. Both limits apply to the run's
 * mean: a second of noise in a long run is not a noisy run, a steady hog is.
 *
 * @param maxStealMeanPercent           CPU steal, in percent of the machine's CPU time (system property
 *                                      {@value #STEAL_PROPERTY}, default {@value #DEFAULT_MAX_STEAL_MEAN_PERCENT})
 * @param maxForeignCpuMeanPercentOfCore other processes' CPU, in percent of one core (100 = one core kept busy;
 *                                      system property {@value #FOREIGN_CPU_PROPERTY}, default
 *                                      {@value #DEFAULT_MAX_FOREIGN_CPU_MEAN_PERCENT_OF_CORE})
 */
@JsonPropertyOrder({"maxStealMeanPercent", "maxForeignCpuMeanPercentOfCore"})
public record NoiseThresholds(double maxStealMeanPercent, double maxForeignCpuMeanPercentOfCore) {

    public static final String STEAL_PROPERTY = "loadbench.noise.maxStealPercent";
    public static final String FOREIGN_CPU_PROPERTY = "loadbench.noise.maxForeignCpuPercent";
    public static final double DEFAULT_MAX_STEAL_MEAN_PERCENT = 5.0;
    public static final double DEFAULT_MAX_FOREIGN_CPU_MEAN_PERCENT_OF_CORE = 10.0;

    public static final NoiseThresholds DEFAULTS =
            new NoiseThresholds(DEFAULT_MAX_STEAL_MEAN_PERCENT, DEFAULT_MAX_FOREIGN_CPU_MEAN_PERCENT_OF_CORE);

    public NoiseThresholds {
        requireLimit(STEAL_PROPERTY, maxStealMeanPercent);
        requireLimit(FOREIGN_CPU_PROPERTY, maxForeignCpuMeanPercentOfCore);
    }

    /**
     * The thresholds the system properties {@value #STEAL_PROPERTY} and {@value #FOREIGN_CPU_PROPERTY} set, the
     * defaults where they are absent.
     *
     * @throws IllegalArgumentException naming the property whose value is not a non-negative number
     */
    public static NoiseThresholds fromSystemProperties(Properties properties) {
        return new NoiseThresholds(limit(properties, STEAL_PROPERTY, DEFAULT_MAX_STEAL_MEAN_PERCENT),
                limit(properties, FOREIGN_CPU_PROPERTY, DEFAULT_MAX_FOREIGN_CPU_MEAN_PERCENT_OF_CORE));
    }

    private static double limit(Properties properties, String name, double fallback) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + ": expected a percentage such as 5 or 12.5, got '" + value + "'");
        }
    }

    private static void requireLimit(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("-D" + name + ": expected a percentage of at least 0, got " + value);
        }
    }
}
