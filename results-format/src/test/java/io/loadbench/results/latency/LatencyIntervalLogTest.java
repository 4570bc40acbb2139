package io.loadbench.results.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyIntervalLogTest {

    private static final long START_MS = 1_795_000_000_000L;

    @TempDir
    Path hdr;

    @Test
    void warmUpIntervalsAreLoggedWithTheirOwnTagAndKeptOutOfTheTotals() throws Exception {
        LatencyRecorders recorders = new LatencyRecorders();
        RequestLatencyRecorder get = recorders.forRequest("cache get");
        LatencyIntervalLog log = LatencyIntervalLog.open(hdr, recorders, START_MS, true);

        // warm-up: 1000 slow requests (cold caches) over two intervals
        recordMany(get, 500, 50_000);
        log.tick(START_MS + 1_000);
        recordMany(get, 500, 50_000);
        log.endWarmup(START_MS + 1_500);
        // measured: 1..10000 µs, once each, over two intervals
        for (long us = 1; us <= 5_000; us++) {
            get.recordIntendedMicros(us);
            get.recordServiceMicros(us / 10);
        }
        log.tick(START_MS + 2_500);
        for (long us = 5_001; us <= 10_000; us++) {
            get.recordIntendedMicros(us);
            get.recordServiceMicros(us / 10);
        }
        RequestLatencyTotals totals = log.finish(START_MS + 3_000).get("cache get");

        assertThat(totals.warmupCount()).isEqualTo(1_000);
        assertThat(totals.intended().getTotalCount()).isEqualTo(10_000);
        LatencyPercentiles intended = totals.intendedPercentiles();
        assertThat(intended.p50Us()).isCloseTo(5_000L, withinPercentage(0.1));
        assertThat(intended.p99Us()).isCloseTo(9_900L, withinPercentage(0.1));
        assertThat(intended.maxUs()).isCloseTo(10_000L, withinPercentage(0.1));
        assertThat(totals.servicePercentiles().p50Us()).isEqualTo(500L);

        Path hlog = hdr.resolve("cache_get.intended.hlog");
        List<LatencyLogReader.Interval> intervals = LatencyLogReader.intervals(hlog);
        assertThat(intervals).extracting(LatencyLogReader.Interval::tag)
                .containsExactly("cache_get.warmup", "cache_get.warmup", "cache_get", "cache_get");
        assertThat(intervals).extracting(i -> i.histogram().getTotalCount()).containsExactly(500L, 500L, 5_000L, 5_000L);
        assertThat(intervals.get(1).startSec()).isEqualTo(1.0);
        assertThat(intervals.get(1).endSec()).isEqualTo(1.5);
        assertThat(intervals.get(3).endSec()).isEqualTo(3.0);

        Histogram reread = LatencyLogReader.sum(hlog, "cache_get");
        assertThat(reread).isEqualTo(totals.intended());
        assertThat(LatencyLogReader.sum(hlog, "cache_get.warmup").getTotalCount()).isEqualTo(1_000);

        String text = Files.readString(hlog, StandardCharsets.UTF_8);
        assertThat(text).contains("#[StartTime: 1795000000.000 (seconds since epoch), 2026-11-18T")
                .contains("#[BaseTime: 1795000000.000 (seconds since epoch)]")
                .contains("Tag=cache_get,1.500,1.000,")
                .contains("#warm-up ended at 2026-11-18T");
    }

    @Test
    void aListenerHearsEveryIntervalWithTheHistogramsTheLogWroteAndWhetherItWasWarmUp() throws Exception {
        LatencyRecorders recorders = new LatencyRecorders();
        RequestLatencyRecorder get = recorders.forRequest("cache get");
        RequestLatencyRecorder set = recorders.forRequest("cache set");
        List<String> heard = new java.util.ArrayList<>();
        LatencyIntervalLog log = LatencyIntervalLog.open(hdr, recorders, START_MS, true, interval -> {
            for (LatencyInterval.Request request : interval.requests()) {
                heard.add(String.format(java.util.Locale.ROOT, "%d-%d %s %s intended=%d max=%d service=%d",
                        interval.startMs() - START_MS, interval.endMs() - START_MS, interval.warmup() ? "warm-up" : "measured",
                        request.requestName(), request.intended().getTotalCount(), request.intended().getMaxValue(),
                        request.service().getTotalCount()));
            }
        });

        recordMany(get, 3, 1_500);
        log.endWarmup(START_MS + 1_000);
        recordMany(get, 2, 700);
        set.recordNanos(0, 100_000, 2_000_000);
        log.tick(START_MS + 2_000);
        log.finish(START_MS + 2_500);

        assertThat(heard).containsExactly(
                "0-1000 warm-up cache get intended=3 max=1500 service=3",
                "0-1000 warm-up cache set intended=0 max=0 service=0",
                "1000-2000 measured cache get intended=2 max=700 service=2",
                "1000-2000 measured cache set intended=1 max=2000 service=1",
                "2000-2500 measured cache get intended=0 max=0 service=0",
                "2000-2500 measured cache set intended=0 max=0 service=0");
        List<LatencyLogReader.Interval> written = LatencyLogReader.intervals(hdr.resolve("cache_get.intended.hlog"));
        assertThat(written).extracting(i -> i.histogram().getTotalCount()).containsExactly(3L, 2L, 0L);
    }

    @Test
    void percentileDistributionsAreWrittenInMillisecondsWithADotAsDecimalSeparator() throws Exception {
        LatencyRecorders recorders = new LatencyRecorders();
        RequestLatencyRecorder query = recorders.forRequest("avg-temperature");
        LatencyIntervalLog log = LatencyIntervalLog.open(hdr, recorders, START_MS, false);
        for (int i = 0; i < 100; i++) {
            query.recordIntendedMicros(2_000);
            query.recordServiceMicros(1_250 / 5);
        }
        log.finish(START_MS + 1_000);

        assertThat(log.fileNames()).containsExactly(
                "avg-temperature.intended.hgrm", "avg-temperature.intended.hlog",
                "avg-temperature.service.hgrm", "avg-temperature.service.hlog");
        String hgrm = Files.readString(hdr.resolve("avg-temperature.intended.hgrm"), StandardCharsets.UTF_8);
        assertThat(hgrm).contains("Value     Percentile TotalCount 1/(1-Percentile)")
                .contains("2.000 0.000000000000        100")
                .contains("#[Mean    =        2.000, StdDeviation   =        0.000]")
                .contains("Total count    =          100]");
        assertThat(Files.readString(hdr.resolve("avg-temperature.service.hgrm"), StandardCharsets.UTF_8))
                .contains("0.250 0.000000000000        100");
    }

    @Test
    void aRunWithoutWarmUpMeasuresFromItsStartAndIgnoresEndWarmup() {
        LatencyRecorders recorders = new LatencyRecorders();
        LatencyIntervalLog log = LatencyIntervalLog.open(hdr, recorders, START_MS, false);
        recorders.forRequest("q").recordIntendedMicros(10);
        log.endWarmup(START_MS + 10);
        recorders.forRequest("q").recordIntendedMicros(20);

        Map<String, RequestLatencyTotals> totals = log.finish(START_MS + 20);

        assertThat(totals.get("q").intended().getTotalCount()).isEqualTo(2);
        assertThat(totals.get("q").warmupCount()).isZero();
        assertThat(LatencyLogReader.intervals(hdr.resolve("q.intended.hlog")))
                .extracting(LatencyLogReader.Interval::tag).containsOnly("q");
    }

    @Test
    void aWarmUpEndingAtAClockReadingTheTickerHasPassedEndsWithThatTick() {
        LatencyRecorders recorders = new LatencyRecorders();
        LatencyIntervalLog log = LatencyIntervalLog.open(hdr, recorders, START_MS, true);
        recorders.forRequest("q").recordIntendedMicros(10);
        // the caller read its clock at +990 ms, the ticker closed the interval at +1000 ms before endWarmup ran
        log.tick(START_MS + 1_000);
        log.endWarmup(START_MS + 990);
        recorders.forRequest("q").recordIntendedMicros(20);

        Map<String, RequestLatencyTotals> totals = log.finish(START_MS + 2_000);

        assertThat(log.warmingUp()).isFalse();
        assertThat(totals.get("q").intended().getTotalCount()).isEqualTo(1);
        assertThat(totals.get("q").warmupCount()).isEqualTo(1);
    }

    @Test
    void theTickerFlushesTheLastIntervalWhenFinished() {
        LatencyRecorders recorders = new LatencyRecorders();
        LatencyIntervalLog log = LatencyIntervalLog.open(hdr, recorders, Clock.systemUTC().millis(), false);
        LatencyLogTicker ticker = LatencyLogTicker.start(log, Duration.ofHours(1), Duration.ZERO, Clock.systemUTC());
        recorders.forRequest("late").recordIntendedMicros(42);

        Map<String, RequestLatencyTotals> totals = ticker.finish();

        assertThat(totals.get("late").intended().getTotalCount()).isEqualTo(1);
        assertThat(ticker.finish()).isSameAs(totals);
        assertThat(Files.exists(hdr.resolve("late.intended.hgrm"))).isTrue();
    }

    private static void recordMany(RequestLatencyRecorder recorder, int count, long latencyUs) {
        for (int i = 0; i < count; i++) {
            recorder.recordIntendedMicros(latencyUs);
            recorder.recordServiceMicros(latencyUs);
        }
    }
}
