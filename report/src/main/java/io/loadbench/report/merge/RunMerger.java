package io.loadbench.report.merge;

import io.loadbench.report.ReportException;
import io.loadbench.report.compare.PlanCheck;
import io.loadbench.report.read.RequestLatency;
import io.loadbench.report.read.SavedRun;
import io.loadbench.results.Run;
import io.loadbench.results.RunKind;
import io.loadbench.results.RunManifest;
import io.loadbench.results.RunStatus;
import io.loadbench.results.ToolInfo;
import io.loadbench.results.latency.LatencyHistograms;
import io.loadbench.results.latency.LatencyKind;
import io.loadbench.results.latency.LatencyLogFiles;
import io.loadbench.results.latency.LatencyLogReader;
import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.latency.LatencyRecorders;
import io.loadbench.results.load.LoadResult;
import io.loadbench.results.load.LoadResultWriter;
import io.loadbench.results.merge.MergeInfo;
import io.loadbench.results.merge.MergeInfoWriter;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.results.scenario.ScenarioResultWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Merges the runs of several injector machines into one run folder: interval logs are added interval by interval,
 * and the sources' typed {@code load.json} and {@code scenario.json} records are added into records of the same
 * formats, written through the results format's writers. Latency figures come from the added histograms, never
 * from the sources' percentiles.
 */
public final class RunMerger {

    static final String LABEL = "merged";
    static final String LOAD_NOTE = "rows, bytes, rates and workers are the sums over the sources; seconds are the longest "
            + "source's; checks are each source's, prefixed with its folder";
    static final String SCENARIO_NOTE = "rates, counts, crashed requests, arrivals (per interval, by index), users, dropped "
            + "requests, CPU and processors are summed over the sources; hit ratios are recomputed from the summed hits "
            + "and misses; latencies, the latency of record (failures included) too, are read from the added "
            + "interval logs; the injector stall figures are those of the source with the longest stall, its lag "
            + "figures those of the source that lagged most, its CPU per request over every source's requests; "
            + "SLOs and failures are each source's, prefixed with its folder";

    private RunMerger() {
    }

    /**
     * {@code merge RUN…}: joins runs of one plan made at the same time by several injector machines; the merged
     * manifest's parameters are the first source's.
     *
     * @param resultsDir where the merged run folder is created
     * @return the new run folder
     */
    public static Path merge(List<SavedRun> sources, Path resultsDir, Clock clock) {
        if (sources.size() < 2) {
            throw new ReportException("merge needs at least two runs (got " + sources.size() + ")");
        }
        return merge(sources, resultsDir, clock, sources.get(0).manifest().parameters());
    }

    /**
     * The addition every merge shares ({@code merge} and {@code merge-shards}): checks the sources (finished injector
     * runs of one plan, no folder twice), then writes one run folder of kind {@code merge} with the added interval
     * logs, {@code load.json}, {@code scenario.json} and {@code merge.json}. The merged run FAILED when any source did.
     *
     * @param resultsDir where the merged run folder is created
     * @param parameters the merged manifest's parameters; {@code mergedSources} (the source folders) is added to them
     * @return the new run folder
     */
    public static Path merge(List<SavedRun> sources, Path resultsDir, Clock clock, Map<String, ?> parameters) {
        validate(sources);
        RunManifest first = sources.get(0).manifest();
        String name = sources.stream().allMatch(s -> s.manifest().name().equals(first.name())) ? first.name() : "merge";
        Run folder;
        try {
            folder = Run.start(resultsDir, LABEL, RunKind.MERGE, name, clock, first.environment().orElse(null), ToolInfo.current());
        } catch (UncheckedIOException e) {
            throw new ReportException(e.getMessage(), e);
        }
        try (folder) {
            try {
                fill(folder, sources, clock, parameters);
            } catch (RuntimeException e) {
                // never leave a merged folder that looks complete: it says it failed, and why
                folder.failed("merge failed: " + e.getMessage());
                throw e;
            }
            List<String> failures = new ArrayList<>();
            for (SavedRun source : sources) {
                // a NOISY source measured what it was asked to: it is merged, and its status is kept in merge.json
                if (!source.manifest().status().succeeded()) {
                    failures.add(source.id() + " " + source.manifest().status()
                            + source.manifest().failureReason().map(reason -> ": " + reason).orElse(""));
                }
            }
            if (failures.isEmpty()) {
                folder.succeeded();
            } else {
                folder.failed("source run failed: " + String.join("; ", failures));
            }
            return folder.dir();
        }
    }

    private static void fill(Run folder, List<SavedRun> sources, Clock clock, Map<String, ?> parameters) {
        Path dir = folder.dir();
        List<MergeInfo.Source> sourceList = new ArrayList<>();
        for (SavedRun source : sources) {
            RunManifest manifest = source.manifest();
            sourceList.add(new MergeInfo.Source(source.id(), manifest.label(), manifest.status(), manifest.startedAt(),
                    manifest.finishedAt(), manifest.noise()));
            copySource(source, dir.resolve("sources").resolve(source.id()));
        }
        mergeLatency(sources, dir);
        Optional<String> loadNote = Optional.empty();
        if (sources.stream().anyMatch(s -> s.load() != null)) {
            LoadResultWriter.write(dir.resolve(LoadResult.FILE), mergeLoad(sources));
            loadNote = Optional.of(LOAD_NOTE);
        }
        Optional<String> scenarioNote = Optional.empty();
        if (sources.stream().anyMatch(s -> s.scenario() != null)) {
            ScenarioResultWriter.write(dir.resolve(ScenarioResult.FILE), mergeScenario(sources));
            scenarioNote = Optional.of(SCENARIO_NOTE);
        }
        MergeInfoWriter.write(dir.resolve(MergeInfo.FILE), new MergeInfo(clock.instant().truncatedTo(ChronoUnit.MILLIS),
                sourceList, throughput(sources), loadNote, scenarioNote));

        RunManifest first = sources.get(0).manifest();
        io.loadbench.results.Manifest manifest = folder.manifest();
        manifest.putParameters(parameters);
        manifest.putParameter("mergedSources", sources.stream().map(SavedRun::id).toList());
        manifest.putPlan(first.plan());
        // the injector machines differ (each source's environment is in sources/<folder>/manifest.json);
        // the target they loaded is one and the same
        first.target().ifPresent(manifest::target);
    }

    private static void validate(List<SavedRun> sources) {
        if (sources.isEmpty()) {
            throw new ReportException("nothing to merge: no run given");
        }
        for (SavedRun source : sources) {
            RunKind kind = source.manifest().kind();
            if (kind != RunKind.GATLING && kind != RunKind.LOAD) {
                throw new ReportException(source.dir() + ": a " + kind.manifestName() + " run cannot be merged (merge joins the "
                        + "load and simulation runs of several injector machines)");
            }
            if (source.manifest().status() == RunStatus.RUNNING) {
                throw new ReportException(source.dir() + ": the run never finished (status RUNNING); merge only finished runs");
            }
        }
        List<String> differences = PlanCheck.differences(sources);
        if (!differences.isEmpty()) {
            throw new ReportException("cannot merge runs of different plans: " + String.join("; ", differences));
        }
        TreeSet<String> ids = new TreeSet<>();
        for (SavedRun source : sources) {
            if (!ids.add(source.id())) {
                throw new ReportException(source.dir() + ": the same run folder is given twice");
            }
        }
    }

    /** Keeps each source's JSON files (its manifest above all) so the merged run still says where it came from. */
    private static void copySource(SavedRun source, Path target) {
        try {
            Files.createDirectories(target);
            for (String file : List.of(Run.MANIFEST_FILE, LoadResult.FILE, ScenarioResult.FILE)) {
                Path from = source.dir().resolve(file);
                if (Files.isRegularFile(from)) {
                    Files.copy(from, target.resolve(file));
                }
            }
        } catch (IOException e) {
            throw new ReportException(target + ": cannot copy the source files: " + e.getMessage(), e);
        }
    }

    /** Writes every request's merged interval logs and distributions to {@code hdr/}: every measured interval of every source. */
    private static void mergeLatency(List<SavedRun> sources, Path dir) {
        TreeSet<String> requests = new TreeSet<>();
        sources.forEach(s -> requests.addAll(s.requests().keySet()));
        if (requests.isEmpty()) {
            return;
        }
        Path hdr = dir.resolve("hdr");
        try {
            Files.createDirectories(hdr);
        } catch (IOException e) {
            throw new ReportException(hdr + ": cannot create: " + e.getMessage(), e);
        }
        for (String request : requests) {
            for (LatencyKind kind : LatencyKind.values()) {
                List<Histogram> intervals = new ArrayList<>();
                for (SavedRun source : sources) {
                    Path log = source.dir().resolve("hdr").resolve(kind.hlogFileName(request));
                    if (Files.isRegularFile(log)) {
                        LatencyLogReader.forEachMeasured(log, intervals::add);
                    }
                }
                if (!intervals.isEmpty()) {
                    Histogram total = addable();
                    intervals.forEach(total::add);
                    try {
                        LatencyLogFiles.writeIntervals(hdr.resolve(kind.hlogFileName(request)), "loadbench merge: measured "
                                + "intervals of every source, warm-up excluded; values in microseconds, Interval_Max in milliseconds",
                                intervals);
                        LatencyLogFiles.writeDistribution(hdr.resolve(kind.hgrmFileName(request)), total);
                    } catch (UncheckedIOException e) {
                        throw new ReportException(e.getMessage(), e);
                    }
                }
            }
        }
    }

    /** A histogram any source's can be added to: it grows to the largest value added. */
    private static Histogram addable() {
        return new Histogram(LatencyHistograms.SIGNIFICANT_DIGITS);
    }

    /** Each request's summed throughput and count, and each source's throughput, for {@code merge.json}. */
    private static Map<String, MergeInfo.RequestThroughput> throughput(List<SavedRun> sources) {
        TreeSet<String> requests = new TreeSet<>();
        sources.forEach(s -> requests.addAll(s.requests().keySet()));
        Map<String, MergeInfo.RequestThroughput> out = new TreeMap<>();
        for (String request : requests) {
            Map<String, Double> perSource = new TreeMap<>();
            double sum = 0;
            long count = 0;
            for (SavedRun source : sources) {
                RequestLatency latency = source.requests().get(request);
                if (latency != null && !Double.isNaN(latency.throughputPerSecond())) {
                    sum += latency.throughputPerSecond();
                    count += latency.primary().histogram().getTotalCount();
                    perSource.put(source.id(), latency.throughputPerSecond());
                }
            }
            out.put(request, new MergeInfo.RequestThroughput(fourDecimals(sum), count, perSource));
        }
        return out;
    }

    /** Four decimals, as the simulations write rates: sums of rounded rates would otherwise print float noise. */
    private static double fourDecimals(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    /** Three decimals, as the loader writes seconds and rates. */
    private static double threeDecimals(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    /** The loaders' {@code load.json} added up; see {@link #LOAD_NOTE}. */
    private static LoadResult mergeLoad(List<SavedRun> sources) {
        List<LoadResult> loads = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (SavedRun source : sources) {
            if (source.load() != null) {
                loads.add(source.load());
                ids.add(source.id());
            }
        }
        LoadResult first = loads.get(0);
        Map<String, List<LoadResult.TableLoad>> byTable = new LinkedHashMap<>();
        loads.forEach(load -> load.tables().forEach(table -> byTable.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(table)));
        List<LoadResult.TableLoad> tables = new ArrayList<>();
        byTable.forEach((name, parts) -> tables.add(mergeTable(name, parts)));
        List<LoadResult.OutputStep> outputs = loads.stream().flatMap(load -> load.outputs().stream()).toList();
        List<LoadResult.Check> checks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < loads.size(); i++) {
            String id = ids.get(i);
            LoadResult load = loads.get(i);
            load.verification().checks().forEach(check -> checks.add(new LoadResult.Check(id + ": " + check.check(),
                    check.passed(), check.lines())));
            load.failureReason().ifPresent(reason -> failures.add(id + ": " + reason));
        }
        LoadResult.Totals totals = new LoadResult.Totals(
                loads.stream().mapToLong(load -> load.totals().rowsLoaded()).sum(),
                loads.stream().mapToLong(load -> load.totals().bytes()).sum(),
                loads.stream().mapToDouble(load -> load.totals().seconds()).max().orElse(0),
                sum(loads, load -> load.totals().rowsPerSecond()),
                sum(loads, load -> load.totals().megabytesPerSecond()));
        return new LoadResult(first.dataset(), first.loadId(), loads.stream().anyMatch(LoadResult::resumed), first.format(),
                first.batchSize(), loads.stream().mapToInt(LoadResult::workers).sum(), tables, totals, outputs,
                new LoadResult.Verification(verificationStatus(loads), checks, Map.of()),
                failures.isEmpty() ? RunStatus.OK : RunStatus.FAILED,
                failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures)));
    }

    private static LoadResult.TableLoad mergeTable(String name, List<LoadResult.TableLoad> parts) {
        List<LoadResult.WorkerLoad> workers = new ArrayList<>();
        for (LoadResult.TableLoad part : parts) {
            // the workers of later sources are numbered after those of earlier ones
            int offset = workers.size();
            part.workers().forEach(w -> workers.add(new LoadResult.WorkerLoad(offset + w.worker(), w.rows(), w.bytes(),
                    w.batches(), w.seconds(), w.rowsPerSecond(), w.megabytesPerSecond())));
        }
        return new LoadResult.TableLoad(name, sumLong(parts, LoadResult.TableLoad::rows), sumLong(parts, LoadResult.TableLoad::rowsLoaded),
                sumLong(parts, LoadResult.TableLoad::batches), sumLong(parts, LoadResult.TableLoad::batchesLoaded),
                sumLong(parts, LoadResult.TableLoad::batchesSkipped), sumLong(parts, LoadResult.TableLoad::bytes),
                parts.stream().mapToDouble(LoadResult.TableLoad::copySeconds).max().orElse(0),
                parts.stream().mapToDouble(LoadResult.TableLoad::afterLoadSeconds).max().orElse(0),
                sum(parts, LoadResult.TableLoad::rowsPerSecond), sum(parts, LoadResult.TableLoad::megabytesPerSecond),
                workers, Optional.empty());
    }

    private static LoadResult.VerificationStatus verificationStatus(List<LoadResult> loads) {
        List<LoadResult.VerificationStatus> statuses = loads.stream().map(load -> load.verification().status()).toList();
        if (statuses.contains(LoadResult.VerificationStatus.FAILED)) {
            return LoadResult.VerificationStatus.FAILED;
        }
        return statuses.contains(LoadResult.VerificationStatus.SKIPPED)
                ? LoadResult.VerificationStatus.SKIPPED : LoadResult.VerificationStatus.PASSED;
    }

    private static <T> double sum(List<T> parts, ToDoubleFunction<T> value) {
        return threeDecimals(parts.stream().mapToDouble(value).sum());
    }

    private static <T> long sumLong(List<T> parts, ToLongFunction<T> value) {
        return parts.stream().mapToLong(value).sum();
    }

    /** The simulations' {@code scenario.json} added up; see {@link #SCENARIO_NOTE}. */
    private static ScenarioResult mergeScenario(List<SavedRun> sources) {
        List<SavedRun> runs = sources.stream().filter(s -> s.scenario() != null).toList();
        List<ScenarioResult> scenarios = runs.stream().map(SavedRun::scenario).toList();
        ScenarioResult first = scenarios.get(0);

        ScenarioResult.Rate rate = new ScenarioResult.Rate(
                sumPresent(scenarios.stream().map(s -> s.rate().targetRequestsPerSecond())),
                fourDecimals(scenarios.stream().mapToDouble(s -> s.rate().achievedRequestsPerSecond()).sum()),
                scenarios.stream().mapToLong(s -> s.rate().measuredDurationMs()).max().orElse(0),
                scenarios.stream().mapToLong(s -> s.rate().requestsAfterWarmup()).sum(),
                sumPresentInt(scenarios.stream().map(s -> s.rate().targetUsers())),
                sumPresentInt(scenarios.stream().map(s -> s.rate().maxConcurrentUsers())));

        Map<String, ScenarioResult.RequestOutcome> requests = mergeOutcomes(runs, ScenarioResult::requests);
        Map<String, ScenarioResult.RequestOutcome> transactions = mergeOutcomes(runs, ScenarioResult::transactions);

        long hits = 0;
        long misses = 0;
        for (ScenarioResult.RequestOutcome outcome : requests.values()) {
            if (outcome.cacheLookups().isPresent()) {
                hits += outcome.cacheLookups().get().hits();
                misses += outcome.cacheLookups().get().misses();
            }
        }
        Optional<ScenarioResult.CacheTotals> cache = hits + misses == 0 ? Optional.empty()
                : Optional.of(new ScenarioResult.CacheTotals(hits + misses, (double) hits / (hits + misses),
                        first.cache().map(ScenarioResult.CacheTotals::targetHitRatio).orElse(OptionalDouble.empty()),
                        mergeRedisInfo(scenarios, (double) hits / (hits + misses))));

        ScenarioResult stalledMost = scenarios.stream()
                .max(Comparator.comparingLong(s -> s.injector().hiccupUs().maxUs())).orElseThrow();
        ScenarioResult.Injector injector = new ScenarioResult.Injector(stalledMost.injector().hiccupUs(),
                scenarios.stream().mapToLong(s -> s.injector().droppedRequests()).sum(),
                fourDecimals(scenarios.stream().mapToDouble(s -> s.injector().cpuCoresUsed()).sum()),
                scenarios.stream().mapToInt(s -> s.injector().availableProcessors()).sum(),
                scenarios.stream().mapToLong(s -> s.injector().maxStallAllowedMs()).max().orElse(0),
                mergeInjectorLoad(scenarios));

        List<ScenarioResult.SloOutcome> slos = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (SavedRun run : runs) {
            run.scenario().slos().forEach(slo -> slos.add(new ScenarioResult.SloOutcome(run.id() + ": " + slo.objective(),
                    slo.actualUs(), slo.passed())));
            run.scenario().failures().forEach(failure -> failures.add(run.id() + ": " + failure));
        }
        return new ScenarioResult(first.simulation(), first.preset(),
                scenarios.stream().mapToLong(ScenarioResult::warmupMs).max().orElse(0), rate, requests, transactions,
                mergeArrivals(runs), cache, injector, slos, Map.of(), failures, ScenarioResult.verdict(failures));
    }

    /** Requests (or transactions) of the same name over every source, each merged by {@link #mergeRequest}. */
    private static Map<String, ScenarioResult.RequestOutcome> mergeOutcomes(List<SavedRun> runs,
            java.util.function.Function<ScenarioResult, Map<String, ScenarioResult.RequestOutcome>> section) {
        Map<String, List<ScenarioResult.RequestOutcome>> byName = new TreeMap<>();
        runs.forEach(run -> section.apply(run.scenario()).forEach((name, outcome) ->
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(outcome)));
        Map<String, ScenarioResult.RequestOutcome> merged = new TreeMap<>();
        byName.forEach((name, outcomes) -> merged.put(name, mergeRequest(name, outcomes, runs)));
        return merged;
    }

    /**
     * The injectors' load when every source measured it: the lag of the source that lagged most (lag is not logged
     * interval by interval, so it cannot be added), the longest stall, the largest heap, and the CPU per request over
     * all of them (each source's weighted by its requests).
     */
    private static Optional<ScenarioResult.InjectorLoad> mergeInjectorLoad(List<ScenarioResult> scenarios) {
        if (scenarios.stream().anyMatch(s -> s.injector().load().isEmpty())) {
            return Optional.empty();
        }
        List<ScenarioResult.InjectorLoad> loads = scenarios.stream().map(s -> s.injector().load().orElseThrow()).toList();
        ScenarioResult.InjectorLoad laggedMost = loads.stream()
                .max(Comparator.comparingLong(load -> load.lagUs().maxUs())).orElseThrow();
        long requests = scenarios.stream().mapToLong(s -> s.rate().requestsAfterWarmup()).sum();
        double cpuMicros = 0;
        for (ScenarioResult scenario : scenarios) {
            cpuMicros += scenario.injector().load().orElseThrow().cpuMicrosPerRequest() * scenario.rate().requestsAfterWarmup();
        }
        return Optional.of(new ScenarioResult.InjectorLoad(laggedMost.lagUs(),
                loads.stream().mapToLong(ScenarioResult.InjectorLoad::maxLagAllowedMs).max().orElse(0),
                loads.stream().mapToLong(ScenarioResult.InjectorLoad::stalledMs).max().orElse(0),
                loads.stream().mapToDouble(ScenarioResult.InjectorLoad::maxStalledShare).max().orElse(0),
                requests == 0 ? 0 : fourDecimals(cpuMicros / requests),
                loads.stream().mapToLong(ScenarioResult.InjectorLoad::heapUsedMaxBytes).max().orElse(0),
                loads.stream().mapToLong(ScenarioResult.InjectorLoad::heapMaxBytes).max().orElse(0)));
    }

    /**
     * The open model's arrivals added up: totals summed, and interval {@code i} of the merge is the sum of every
     * source's interval {@code i} (each counted from its own schedule's start, which the sources share). Empty when no
     * source had an open model; refused when only some had, or when their intervals differ in length, since such
     * intervals cannot be added.
     */
    private static Optional<ScenarioResult.Arrivals> mergeArrivals(List<SavedRun> runs) {
        List<String> without = runs.stream().filter(run -> run.scenario().arrivals().isEmpty()).map(SavedRun::id).toList();
        if (without.size() == runs.size()) {
            return Optional.empty();
        }
        if (!without.isEmpty()) {
            throw new ReportException("cannot add the arrivals: " + String.join(", ", without)
                    + " counted none (a closed model) where the other runs counted arrivals");
        }
        List<ScenarioResult.Arrivals> arrivals = runs.stream().map(run -> run.scenario().arrivals().orElseThrow()).toList();
        ScenarioResult.Arrivals first = arrivals.get(0);
        for (int i = 1; i < arrivals.size(); i++) {
            ScenarioResult.Arrivals other = arrivals.get(i);
            if (other.intervalMs() != first.intervalMs() || !other.process().equals(first.process())) {
                throw new ReportException("cannot add the arrivals per interval: " + runs.get(0).id() + " counted "
                        + first.process() + " arrivals over " + first.intervalMs() + " ms intervals, " + runs.get(i).id()
                        + " " + other.process() + " arrivals over " + other.intervalMs() + " ms intervals");
            }
        }
        int longest = arrivals.stream().mapToInt(a -> a.intervals().size()).max().orElse(0);
        List<ScenarioResult.Arrivals.Interval> intervals = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            int index = i;
            List<ScenarioResult.Arrivals.Interval> parts = arrivals.stream()
                    .filter(a -> a.intervals().size() > index).map(a -> a.intervals().get(index)).toList();
            intervals.add(new ScenarioResult.Arrivals.Interval(parts.get(0).startMs(),
                    fourDecimals(parts.stream().mapToDouble(ScenarioResult.Arrivals.Interval::expected).sum()),
                    parts.stream().mapToLong(ScenarioResult.Arrivals.Interval::issued).sum()));
        }
        return Optional.of(new ScenarioResult.Arrivals(first.process(),
                fourDecimals(arrivals.stream().mapToDouble(ScenarioResult.Arrivals::targetPerSecond).sum()),
                fourDecimals(arrivals.stream().mapToDouble(ScenarioResult.Arrivals::achievedPerSecond).sum()),
                fourDecimals(arrivals.stream().mapToDouble(ScenarioResult.Arrivals::expected).sum()),
                arrivals.stream().mapToLong(ScenarioResult.Arrivals::issued).sum(), first.intervalMs(), intervals));
    }

    private static ScenarioResult.RequestOutcome mergeRequest(String name, List<ScenarioResult.RequestOutcome> outcomes,
                                                            List<SavedRun> runs) {
        Optional<ScenarioResult.CacheLookups> lookups = Optional.empty();
        if (outcomes.stream().anyMatch(o -> o.cacheLookups().isPresent())) {
            long hits = outcomes.stream().flatMap(o -> o.cacheLookups().stream()).mapToLong(ScenarioResult.CacheLookups::hits).sum();
            long misses = outcomes.stream().flatMap(o -> o.cacheLookups().stream()).mapToLong(ScenarioResult.CacheLookups::misses).sum();
            if (hits + misses > 0) {
                lookups = Optional.of(new ScenarioResult.CacheLookups(hits, misses, (double) hits / (hits + misses)));
            }
        }
        return new ScenarioResult.RequestOutcome(
                outcomes.stream().mapToLong(ScenarioResult.RequestOutcome::ok).sum(),
                outcomes.stream().mapToLong(ScenarioResult.RequestOutcome::ko).sum(),
                fourDecimals(outcomes.stream().mapToDouble(ScenarioResult.RequestOutcome::requestsPerSecond).sum()),
                lookups,
                addedPercentiles(runs, name, LatencyKind.INTENDED),
                addedPercentiles(runs, name, LatencyKind.SERVICE),
                addedPercentiles(runs, name + ScenarioResult.FAILED_REQUEST_SUFFIX, LatencyKind.INTENDED),
                outcomes.stream().mapToLong(ScenarioResult.RequestOutcome::crashed).sum(),
                withFailures(runs, name));
    }

    /**
     * The latency of record, as a single run computes it: from the intended start, of the OK and the failed requests
     * together, read from every source's histograms of both added.
     */
    private static Optional<LatencyPercentiles> withFailures(List<SavedRun> runs, String request) {
        Optional<Histogram> ok = added(runs, request, LatencyKind.INTENDED);
        Optional<Histogram> failed = added(runs, request + ScenarioResult.FAILED_REQUEST_SUFFIX, LatencyKind.INTENDED);
        if (ok.isEmpty() && failed.isEmpty()) {
            return Optional.empty();
        }
        Histogram total = addable();
        ok.ifPresent(total::add);
        failed.ifPresent(total::add);
        return Optional.of(LatencyPercentiles.of(total));
    }

    /** The percentiles of the request's histograms of every source added; empty when no source logged it. */
    private static Optional<LatencyPercentiles> addedPercentiles(List<SavedRun> runs, String request, LatencyKind kind) {
        return added(runs, request, kind).map(LatencyPercentiles::of);
    }

    /** The request's histograms of every source added; empty when no source logged it. */
    private static Optional<Histogram> added(List<SavedRun> runs, String request, LatencyKind kind) {
        String fileName = LatencyRecorders.fileName(request);
        Histogram total = null;
        for (SavedRun run : runs) {
            RequestLatency latency = run.requests().get(fileName);
            var measured = latency == null ? null : kind == LatencyKind.INTENDED ? latency.intended() : latency.service();
            if (measured != null) {
                if (total == null) {
                    total = addable();
                }
                total.add(measured.histogram());
            }
        }
        return Optional.ofNullable(total);
    }

    /** Redis INFO's counters summed when every source read them, compared with the requests' merged ratio. */
    private static Optional<ScenarioResult.RedisInfo> mergeRedisInfo(List<ScenarioResult> scenarios, double requestsHitRatio) {
        List<ScenarioResult.RedisInfo> infos = scenarios.stream()
                .flatMap(s -> s.cache().flatMap(ScenarioResult.CacheTotals::redisInfo).stream()).toList();
        if (infos.size() != scenarios.size()) {
            return Optional.empty();
        }
        long keyspaceHits = infos.stream().mapToLong(ScenarioResult.RedisInfo::keyspaceHits).sum();
        long keyspaceMisses = infos.stream().mapToLong(ScenarioResult.RedisInfo::keyspaceMisses).sum();
        if (keyspaceHits + keyspaceMisses == 0) {
            return Optional.of(new ScenarioResult.RedisInfo(0, 0, OptionalDouble.empty(), false));
        }
        double ratio = (double) keyspaceHits / (keyspaceHits + keyspaceMisses);
        return Optional.of(new ScenarioResult.RedisInfo(keyspaceHits, keyspaceMisses, OptionalDouble.of(fourDecimals(ratio)),
                Math.abs(ratio - requestsHitRatio) <= 0.01));
    }

    private static OptionalDouble sumPresent(Stream<OptionalDouble> values) {
        List<OptionalDouble> present = values.filter(OptionalDouble::isPresent).toList();
        return present.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(fourDecimals(present.stream().mapToDouble(OptionalDouble::getAsDouble).sum()));
    }

    private static OptionalInt sumPresentInt(Stream<OptionalInt> values) {
        List<OptionalInt> present = values.filter(OptionalInt::isPresent).toList();
        return present.isEmpty() ? OptionalInt.empty() : OptionalInt.of(present.stream().mapToInt(OptionalInt::getAsInt).sum());
    }
}
