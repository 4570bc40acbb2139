package io.loadbench.report.merge;

import io.loadbench.report.ReportException;
import io.loadbench.results.RunKind;
import io.loadbench.results.shard.ShardContract;
import io.loadbench.results.shard.ShardTiming;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code merge-shards RUN_ID_DIR}: the shards of one scaled-out run, checked as one ({@link ShardSet}) and then for
 * their start, joined by {@link RunMerger}'s addition into one run with one verdict.
 *
 * <p>The shards of a simulation must have started their schedules together, or the merged intervals add up arrivals
 * of different moments: the spread of their {@link ShardTiming#correctedScheduleStart() schedule starts}, each read on
 * the system under test's clock, may not exceed {@link StartSpreadRule#max()}. Every shard of a simulation records its
 * timing, or none does (then the spread is unknown, and only {@link StartSpreadRule#allowed()} merges them); a mix is
 * refused, since it means shards of different injector builds. A load's shards have no schedule and no timing.
 *
 * <p>The merged manifest's parameters are shard 0's, without what belongs to one shard ({@code shard},
 * {@code shardTiming}, {@code podUid}, {@code shardAttempt}), with {@value #SHARD_MERGE_KEY} added: the run id, the
 * shard count, the start spread and the rule it was judged by, and every shard's folder, status, pod and clock.
 */
public final class ShardMerger {

    /** The merged manifest's {@code parameters} key of what the shard merge checked. */
    public static final String SHARD_MERGE_KEY = "shardMerge";

    /**
     * The default of {@code --max-start-spread}: 1% of a one-second interval, so a late shard moves at most a hundredth
     * of its first interval's arrivals into the next one; clocks kept by NTP on one network are well within it.
     */
    public static final String DEFAULT_MAX_START_SPREAD = "10ms";

    /** Parameters of a shard's manifest that describe that shard alone, left out of the merged manifest. */
    private static final List<String> PER_SHARD_PARAMETERS = List.of(ShardContract.SHARD_KEY, ShardContract.POD_UID_KEY,
            ShardTiming.KEY, "shardAttempt");

    private ShardMerger() {
    }

    /**
     * How far apart a simulation's shards may have started.
     *
     * @param max     the largest spread of the corrected schedule starts merged without {@code allowed}
     * @param allowed merge whatever the spread (it is recorded), and merge shards that recorded no timing
     */
    public record StartSpreadRule(Duration max, boolean allowed) {
        public StartSpreadRule {
            Objects.requireNonNull(max, "max");
            if (max.isNegative()) {
                throw new IllegalArgumentException("--max-start-spread must not be negative, got " + max);
            }
        }
    }

    /**
     * Checks the shards' start and merges them into a new run folder in {@code resultsDir}.
     *
     * @throws ReportException when the shards started too far apart (or their start is unknown) and the rule does not
     *                         allow it, or when {@link RunMerger} refuses them (different plans, an unfinished run)
     */
    public static Path merge(ShardSet shards, Path resultsDir, StartSpreadRule rule, Clock clock) {
        Optional<Duration> spread = startSpread(shards, rule);
        Map<String, Object> parameters = new LinkedHashMap<>(shards.shards().get(0).run().manifest().parameters());
        PER_SHARD_PARAMETERS.forEach(parameters::remove);
        parameters.put(SHARD_MERGE_KEY, describe(shards, rule, spread));
        return RunMerger.merge(shards.runs(), resultsDir, clock, parameters);
    }

    /**
     * The spread of a simulation's corrected schedule starts; empty for a load's shards and for shards without timing.
     *
     * @throws ReportException when the rule refuses the spread, or the timings cannot be compared
     */
    static Optional<Duration> startSpread(ShardSet shards, StartSpreadRule rule) {
        if (shards.runs().stream().noneMatch(run -> run.manifest().kind() == RunKind.GATLING)) {
            return Optional.empty();
        }
        List<ShardSet.ShardFolder> timed = shards.shards().stream().filter(shard -> shard.timing().isPresent()).toList();
        List<ShardSet.ShardFolder> untimed = shards.shards().stream().filter(shard -> shard.timing().isEmpty()).toList();
        if (timed.isEmpty()) {
            if (!rule.allowed()) {
                throw new ReportException(shards.dir() + ": no shard recorded its start (parameters." + ShardTiming.KEY
                        + "), so their start spread is unknown (--allow-start-spread merges them anyway)");
            }
            return Optional.empty();
        }
        if (!untimed.isEmpty()) {
            // a shard that failed before its schedule began (late, or its preparation failed) recorded no start
            List<String> failedBefore = untimed.stream().filter(shard -> !shard.run().manifest().status().succeeded())
                    .map(shard -> shard.folder() + " " + shard.run().manifest().status()
                            + shard.run().manifest().failureReason().map(reason -> ": " + reason).orElse(""))
                    .toList();
            throw new ReportException(names(untimed) + ": manifest.json has no " + ShardTiming.KEY + " where " + names(timed)
                    + " have one (" + (failedBefore.isEmpty() ? "shards of different injector builds?"
                    : "failed before its schedule began: " + String.join("; ", failedBefore)) + ")");
        }
        List<Instant> startAts = timed.stream().map(shard -> shard.timing().orElseThrow().startAt()).distinct().toList();
        if (startAts.size() > 1) {
            throw new ReportException("the shards were given different start instants (--start-at): " + timed.stream()
                    .map(shard -> shard.folder() + " " + shard.timing().orElseThrow().startAt()).collect(Collectors.joining(", ")));
        }
        Comparator<ShardSet.ShardFolder> byStart = Comparator.comparing(shard -> shard.timing().orElseThrow().correctedScheduleStart());
        ShardSet.ShardFolder first = timed.stream().min(byStart).orElseThrow();
        ShardSet.ShardFolder last = timed.stream().max(byStart).orElseThrow();
        Duration spread = Duration.between(first.timing().orElseThrow().correctedScheduleStart(),
                last.timing().orElseThrow().correctedScheduleStart());
        if (spread.compareTo(rule.max()) > 0 && !rule.allowed()) {
            throw new ReportException(last.folder() + " started its schedule " + format(millis(spread)) + " ms after " + first.folder()
                    + " (on the system under test's clock), more than --max-start-spread " + format(millis(rule.max()))
                    + " ms (--allow-start-spread merges them anyway)");
        }
        return Optional.of(spread);
    }

    private static Map<String, Object> describe(ShardSet shards, StartSpreadRule rule, Optional<Duration> spread) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("runId", shards.runId());
        described.put("shardCount", shards.count());
        described.put("startSpreadMs", spread.map(ShardMerger::millis).orElse(null));
        described.put("maxStartSpreadMs", millis(rule.max()));
        described.put("startSpreadAllowed", rule.allowed());
        List<Map<String, Object>> list = new ArrayList<>();
        for (ShardSet.ShardFolder shard : shards.shards()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("index", shard.shard().index());
            one.put("folder", shard.folder());
            one.put("status", shard.run().manifest().status().name());
            one.put("podUid", shard.marker().podUid().orElse(null));
            one.put("clockOffsetMs", shard.timing().map(ShardTiming::clockOffsetMs).orElse(null));
            one.put("clockRttMs", shard.timing().map(ShardTiming::clockRttMs).orElse(null));
            one.put("clockSource", shard.timing().map(ShardTiming::clockSource).orElse(null));
            one.put("scheduleStart", shard.timing().map(timing -> timing.scheduleStart().toString()).orElse(null));
            one.put("correctedScheduleStart", shard.timing().map(timing -> timing.correctedScheduleStart().toString()).orElse(null));
            list.add(one);
        }
        described.put("shards", list);
        return described;
    }

    /** Milliseconds with three decimals: a spread is judged to the microsecond. */
    private static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
    }

    private static String names(List<ShardSet.ShardFolder> shards) {
        return shards.stream().map(ShardSet.ShardFolder::folder).collect(Collectors.joining(", "));
    }

    /** {@code 12.5} as {@code 12.500}, locale-independent, for messages. */
    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis);
    }
}
