package io.loadbench.scenarios.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.results.latency.LatencyHistograms;
import io.loadbench.results.latency.LatencyInterval;
import io.loadbench.scenarios.protocol.RequestCounters;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The progress line of a second, from a fake clock, a fake run and intervals built by hand (no run, no sleeping):
 * what each field says and where it comes from.
 */
class ProgressLineTest {

    private static final long START_MS = 1_795_000_000_000L;
    private static final long SECOND_NS = 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong();
    private final FakeLiveSource run = new FakeLiveSource();
    private final LiveSampler sampler = new LiveSampler(run, nanos::get);

    @Test
    void anOpenModelsLineShowsTheTimeLeftTargetAndAchievedArrivalsTheIntervalsPercentilesOfAllRequestsAndTheInjectorsState() {
        run.ratePerSec = 200;
        run.plannedLoad = Duration.ofSeconds(60);
        run.originNanos = OptionalLong.of(5 * SECOND_NS);
        run.transactions.put("dashboard", new RequestCounters.Counts(1000, 0, 0, 0, 0));
        run.requests.put("cache get", new RequestCounters.Counts(2_000, 2, 0, 0, 0));
        run.requests.put("db query", new RequestCounters.Counts(300, 0, 0, 0, 1));
        run.arrivals = 2_000;
        run.dropped = 0;
        nanos.set(16 * SECOND_NS);
        sampler.sample(interval(11_000, false, List.of()), run.lag);

        // the 12th second after the first arrival: 199 arrivals, 1 more failed GET, 2 drops; a slow transaction that
        // does not count among the requests (its requests do)
        run.requests.put("cache get", new RequestCounters.Counts(2_180, 3, 0, 0, 0));
        run.requests.put("db query", new RequestCounters.Counts(318, 0, 0, 0, 1));
        run.arrivals = 2_199;
        run.dropped = 2;
        run.inFlight = 4;
        run.lag.recordValueWithCount(310, 990);
        run.lag.recordValueWithCount(2_000, 10);
        nanos.set(17 * SECOND_NS);
        // 199 requests: 18 at 0.6 ms, 177 at 0.8 ms, 3 at 12 ms, the failed one at 30 ms
        LiveSample sample = sampler.sample(interval(12_000, false, List.of(
                request("cache get", 177, 800, 3, 12_000),
                request("cache get.failed", 1, 30_000),
                request("db query", 18, 600),
                request("dashboard", 100, 900_000))), run.lag).orElseThrow();

        assertThat(ProgressLine.format("cache-queries", sample)).isEqualTo("cache-queries 0:12/1:00, 48 s left"
                + " | arrivals 199/s of 200/s | 199 req/s | p50 0.80 ms, p99 12.0 ms | failures 4 (+1) | drops 2 (+2)"
                + " | lag p99 0.31 ms | in flight 4");
        assertThat(sample.intendedP50Us()).hasValue(800);
        assertThat(sample.targetArrivalsPerSec()).hasValue(200.0);
    }

    @Test
    void aClosedModelsLineShowsItsUsersAgainstTheTargetAndTheWarmUpAndNoArrivalRate() {
        run.targetUsers = 500;
        run.activeUsers = 480;
        run.plannedLoad = Duration.ofSeconds(90);
        run.originNanos = OptionalLong.of(0);
        nanos.set(4 * SECOND_NS + 400_000_000L);
        LiveSample sample = sampler.sample(interval(4_000, true, List.of(request("avg temperature", 395, 2_500, 5, 150_000))),
                run.lag).orElseThrow();

        assertThat(ProgressLine.format("weather-users", sample)).isEqualTo("weather-users 0:04/1:30, 86 s left, warm-up"
                + " | 400 req/s | p50 2.50 ms, p99 150 ms | failures 0 | drops 0 | lag p99 - | users 480 of 500 | in flight 0");
    }

    @Test
    void beforeTheFirstArrivalAndAfterThePlannedEndTheLineSaysSoAndAnEmptyIntervalHasNoPercentiles() {
        run.ratePerSec = 50;
        run.plannedLoad = Duration.ofSeconds(10);
        LiveSample waiting = sampler.sample(interval(1_000, true, List.of(request("select one"))), run.lag).orElseThrow();
        assertThat(ProgressLine.format("bounded-run", waiting)).isEqualTo("bounded-run waiting for the first arrival, warm-up"
                + " | 0.0 req/s | p50 -, p99 - | failures 0 | drops 0 | lag p99 - | in flight 0");

        run.originNanos = OptionalLong.of(0);
        nanos.set(3_723 * SECOND_NS);
        LiveSample draining = sampler.sample(interval(2_000, false, List.of(request("select one", 2, 40_000_000))), run.lag)
                .orElseThrow();
        assertThat(ProgressLine.format("bounded-run", draining)).isEqualTo("bounded-run 1:02:03/0:10, draining"
                + " | arrivals 0.0/s of 0.0/s | 2.0 req/s | p50 40.0 s, p99 40.0 s | failures 0 | drops 0 | lag p99 - | in flight 0");
    }

    @Test
    void anIntervalShorterThanHalfASecondIsAddedToTheNextInsteadOfShownAsARateOfAFewMilliseconds() {
        run.ratePerSec = 100;
        run.plannedLoad = Duration.ofSeconds(30);
        run.originNanos = OptionalLong.of(0);
        nanos.set(10 * SECOND_NS + 200_000_000L);
        // the end of the warm-up closes an interval 0.2 s after the last tick: 20 arrivals, 20 requests at 1 ms
        run.arrivals = 20;
        assertThat(sampler.sample(new LatencyInterval(START_MS + 10_000, START_MS + 10_200, true,
                List.of(request("select one", 20, 1_000))), run.lag)).isEmpty();

        nanos.set(11 * SECOND_NS);
        run.arrivals = 100;
        LiveSample sample = sampler.sample(new LatencyInterval(START_MS + 10_200, START_MS + 11_000, false,
                List.of(request("select one", 79, 2_000, 1, 50_000))), run.lag).orElseThrow();

        assertThat(sample.intervalSec()).isEqualTo(1.0);
        assertThat(ProgressLine.format("bounded-run", sample)).isEqualTo("bounded-run 0:11/0:30, 19 s left, warm-up"
                + " | arrivals 100/s of 100/s | 100 req/s | p50 2.00 ms, p99 2.00 ms | failures 0 | drops 0 | lag p99 - | in flight 0");
    }

    /** One second's interval, ending {@code endOffsetMs} after the run's start. */
    private static LatencyInterval interval(long endOffsetMs, boolean warmup, List<LatencyInterval.Request> requests) {
        return new LatencyInterval(START_MS + endOffsetMs - 1_000, START_MS + endOffsetMs, warmup, requests);
    }

    /** A request name's interval: pairs of a count and a latency in microseconds, the same for intended and service. */
    private static LatencyInterval.Request request(String name, long... countsAndValuesUs) {
        Histogram intended = LatencyHistograms.newHistogram();
        for (int i = 0; i < countsAndValuesUs.length; i += 2) {
            intended.recordValueWithCount(countsAndValuesUs[i + 1], countsAndValuesUs[i]);
        }
        return new LatencyInterval.Request(name, intended, intended.copy());
    }
}
