package io.loadbench.scenarios.live;

import java.util.Locale;
import java.util.Properties;

/**
 * How a run shows itself while it runs, read once from system properties (the {@code loadbench} command sets them
 * from its options) and validated; immutable. The defaults live here.
 *
 * @param progress    the progress line on stderr every second ({@value #PROGRESS}, default true)
 * @param metricsPort the port of {@code /metrics} and the live page ({@value #METRICS_PORT}, default 0: none)
 * @param metricsHost the address it binds ({@value #METRICS_HOST}, default {@value #DEFAULT_HOST}: this machine only)
 */
public record LiveOptions(boolean progress, int metricsPort, String metricsHost) {

    public static final String PROGRESS = "loadbench.progress";
    public static final String METRICS_PORT = "loadbench.metricsPort";
    public static final String METRICS_HOST = "loadbench.metricsHost";

    /** Loopback: the endpoint shows the run's plan to whoever reaches it, so it is opened wider only on request. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Progress on, no endpoint. */
    public static final LiveOptions DEFAULTS = new LiveOptions(true, 0, DEFAULT_HOST);

    public LiveOptions {
        if (metricsPort < 0 || metricsPort > 65_535) {
            throw new IllegalArgumentException("-D" + METRICS_PORT + ": expected a port from 1 to 65535, or 0 for none, got "
                    + metricsPort);
        }
        if (metricsHost == null || metricsHost.isBlank()) {
            throw new IllegalArgumentException("-D" + METRICS_HOST + ": expected a host name or address, got nothing");
        }
    }

    /** Reads the three properties; a value that is not one names its property. */
    public static LiveOptions from(Properties system) {
        return new LiveOptions(bool(system, PROGRESS, DEFAULTS.progress()), port(system),
                system.getProperty(METRICS_HOST, DEFAULTS.metricsHost()).strip());
    }

    /** The same progress display without the endpoint. */
    public LiveOptions withoutMetrics() {
        return new LiveOptions(progress, 0, metricsHost);
    }

    /** Whether {@code /metrics} and the live page are served. */
    public boolean metricsOn() {
        return metricsPort != 0;
    }

    private static boolean bool(Properties system, String name, boolean defaultValue) {
        String value = system.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("-D" + name + ": expected true or false, got '" + value.strip() + "'");
        };
    }

    private static int port(Properties system) {
        String value = system.getProperty(METRICS_PORT);
        if (value == null || value.isBlank()) {
            return DEFAULTS.metricsPort();
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below says what was expected
        }
        throw new IllegalArgumentException("-D" + METRICS_PORT + ": expected a port from 1 to 65535, or 0 for none, got '"
                + value.strip() + "'");
    }
}
