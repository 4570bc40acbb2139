package io.loadbench.report.read;

import io.loadbench.results.RunManifest;
import io.loadbench.results.RunStatus;
import io.loadbench.results.merge.MergeInfo;
import io.loadbench.results.noise.NoiseSummary;
import java.util.List;
import java.util.Locale;

/**
 * A run's noise as the report shows it: the manifest's {@code noise} section (schema version 2) in one line, and
 * whether it makes the run's figures suspect. A merged run has no noise of its own (the merge measured nothing): its
 * noise is its sources', as {@code merge.json} keeps them, and it is noisy when any source was. Runs of schema
 * version 1 have none recorded.
 */
public final class RunNoise {

    /** What the report says of a run whose manifest has no noise section. */
    public static final String NOT_RECORDED = "not recorded";

    private RunNoise() {
    }

    /** True when the run is NOISY, its noise exceeded its thresholds (a FAILED run can be both), or a merged source was noisy. */
    public static boolean noisy(SavedRun run) {
        return noisy(run.manifest()) || (run.merge() != null && run.merge().sources().stream().anyMatch(MergeInfo.Source::noisy));
    }

    /** What each noisy source of a merged run exceeded, {@code folder: steal mean 19.3% > 5.0%}; empty for other runs. */
    public static List<String> noisySources(SavedRun run) {
        if (run.merge() == null) {
            return List.of();
        }
        return run.merge().sources().stream().filter(MergeInfo.Source::noisy)
                .map(source -> source.folder() + ": " + source.noise().map(noise -> String.join("; ", noise.exceeded()))
                        .filter(exceeded -> !exceeded.isEmpty()).orElse(source.status().name()))
                .toList();
    }

    /** {@link #full(RunManifest)}, and for a merged run each source's. */
    public static String full(SavedRun run) {
        if (run.merge() == null) {
            return full(run.manifest());
        }
        return perSource(run, source -> source.noise().map(NoiseSummary::describe).orElse(NOT_RECORDED));
    }

    /** {@link #brief(RunManifest)}, and for a merged run each source's. */
    public static String brief(SavedRun run) {
        if (run.merge() == null) {
            return brief(run.manifest());
        }
        return perSource(run, source -> source.noise().map(RunNoise::brief).orElse(NOT_RECORDED));
    }

    private static String perSource(SavedRun run, java.util.function.Function<MergeInfo.Source, String> figures) {
        StringBuilder out = new StringBuilder("merged sources: ");
        List<MergeInfo.Source> sources = run.merge().sources();
        for (int i = 0; i < sources.size(); i++) {
            out.append(i == 0 ? "" : "; ").append(sources.get(i).label().orElse(sources.get(i).folder())).append(' ')
                    .append(figures.apply(sources.get(i)));
        }
        return out.toString();
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
        return manifest.noise().map(RunNoise::brief).orElse(NOT_RECORDED);
    }

    private static String brief(NoiseSummary noise) {
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
