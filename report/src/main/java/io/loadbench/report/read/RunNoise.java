package io.loadbench.report.read;

import io.loadbench.results.RunManifest;
import io.loadbench.results.RunStatus;
import io.loadbench.results.noise.NoiseSummary;
import java.util.Locale;

/**
 * A run's noise as the report shows it: the manifest's {@code noise} section (schema version 2) in one line, and
 * whether it makes the run's figures suspect. Runs of schema version 1 and merges have no noise recorded.
 */
public final class RunNoise {

    /** What the report says of a run whose manifest has no noise section. */
    public static final String NOT_RECORDED = "not recorded";

    private RunNoise() {
    }

    /** True when the run is NOISY, or its noise exceeded its thresholds (a FAILED run can be both). */
    public static boolean noisy(RunManifest manifest) {
        return manifest.status() == RunStatus.NOISY || manifest.noise().map(NoiseSummary::noisy).orElse(false);
    }

    /** Every figure with its p95 and max, and the verdict: {@link NoiseSummary#describe()}. */
    public static String full(RunManifest manifest) {
        return manifest.noise().map(NoiseSummary::describe).orElse(NOT_RECORDED);
    }

    /** The means only, for a table cell: {@code steal 0.4%, foreign 3.1% of a core, load 0.5}. */
    public static String brief(RunManifest manifest) {
        if (manifest.noise().isEmpty()) {
            return NOT_RECORDED;
        }
        NoiseSummary noise = manifest.noise().get();
        if (noise.samples() == 0) {
            return "not measured";
        }
        StringBuilder out = new StringBuilder();
        if (noise.stealPercent() != null) {
            out.append("steal ").append(decimal(noise.stealPercent().mean())).append('%');
        }
        if (noise.foreignCpuPercentOfCore() != null) {
            out.append(out.length() == 0 ? "" : ", ").append("foreign ")
                    .append(decimal(noise.foreignCpuPercentOfCore().mean())).append("% of a core");
        }
        if (noise.loadAverage1m() != null) {
            out.append(out.length() == 0 ? "" : ", ").append("load ").append(decimal(noise.loadAverage1m().mean()));
        }
        return out + (noise.noisy() ? " (NOISY)" : "");
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
