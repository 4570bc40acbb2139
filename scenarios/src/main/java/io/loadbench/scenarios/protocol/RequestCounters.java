package io.loadbench.scenarios.protocol;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per request name: requests that succeeded and failed, requests that crashed (could not be built from the
 * session, or their completion failed: they have no latency), and for cache lookups, hits and misses. Safe for
 * concurrent use; counts everything, warm-up included (the latency histograms are where warm-up is split off).
 */
public final class RequestCounters {

    /** A snapshot of one request name's counts. */
    public record Counts(long ok, long ko, long hits, long misses, long crashed) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public long total() {
            return ok + ko;
        }

        /** hits / (hits + misses), or NaN when there were no lookups. */
        public double hitRatio() {
            long lookups = hits + misses;
            return lookups == 0 ? Double.NaN : (double) hits / lookups;
        }
    }

    private static final class Adders {
        final LongAdder ok = new LongAdder();
        final LongAdder ko = new LongAdder();
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder crashed = new LongAdder();
    }

    private final ConcurrentMap<String, Adders> byName = new ConcurrentHashMap<>();

    public void recordOk(String requestName) {
        adders(requestName).ok.increment();
    }

    public void recordKo(String requestName) {
        adders(requestName).ko.increment();
    }

    public void recordCrash(String requestName) {
        adders(requestName).crashed.increment();
    }

    public void recordLookup(String requestName, boolean hit) {
        Adders adders = adders(requestName);
        (hit ? adders.hits : adders.misses).increment();
    }

    /** Counts by request name, sorted. */
    public Map<String, Counts> snapshot() {
        Map<String, Counts> snapshot = new TreeMap<>();
        byName.forEach((name, a) -> snapshot.put(name, new Counts(a.ok.sum(), a.ko.sum(), a.hits.sum(), a.misses.sum(),
                a.crashed.sum())));
        return snapshot;
    }

    /** All request names added together. */
    public Counts total() {
        long ok = 0, ko = 0, hits = 0, misses = 0, crashed = 0;
        for (Counts counts : snapshot().values()) {
            ok += counts.ok();
            ko += counts.ko();
            hits += counts.hits();
            misses += counts.misses();
            crashed += counts.crashed();
        }
        return new Counts(ok, ko, hits, misses, crashed);
    }

    private Adders adders(String requestName) {
        return byName.computeIfAbsent(requestName, name -> new Adders());
    }
}
