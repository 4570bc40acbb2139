package io.loadbench.results.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLatencyRecorderTest {

    @TempDir
    Path hdr;

    @Test
    void queueingCountsInTheIntendedLatencyButNotInTheServiceTime() {
        LatencyRecorders recorders = new LatencyRecorders();
        RequestLatencyRecorder recorder = recorders.forRequest("get");
        // asked at t=0, connection held at t=7 ms (queued 7 ms), reply at t=9 ms
        recorder.recordNanos(1_000_000_000L, 1_007_000_000L, 1_009_000_000L);

        LatencyIntervalLog log = LatencyIntervalLog.open(hdr, recorders, 0, false);
        RequestLatencyTotals totals = log.finish(1000).get("get");

        assertThat(totals.intended().getTotalCount()).isEqualTo(1);
        assertThat(totals.intended().getMaxValue()).isCloseTo(9_000L, withinPercentage(0.1));
        assertThat(totals.service().getMaxValue()).isEqualTo(2_000L);
    }

    @Test
    void subMicrosecondRequestsRoundUpToOneMicrosecond() {
        LatencyRecorders recorders = new LatencyRecorders();
        recorders.forRequest("ping").recordNanos(0, 0, 200);

        Map<String, RequestLatencyTotals> totals = LatencyIntervalLog.open(hdr, recorders, 0, false).finish(1);

        assertThat(totals.get("ping").service().getMaxValue()).isEqualTo(1);
    }

    @Test
    void anOutageLongerThanTheTrackableRangeIsRecordedAsTheMaximumAndCounted() {
        LatencyRecorders recorders = new LatencyRecorders();
        RequestLatencyRecorder recorder = recorders.forRequest("stuck");
        recorder.recordIntendedMicros(LatencyHistograms.HIGHEST_TRACKABLE_US * 2);

        RequestLatencyTotals totals = LatencyIntervalLog.open(hdr, recorders, 0, false).finish(1).get("stuck");

        assertThat(totals.saturatedCount()).isEqualTo(1);
        assertThat(totals.intended().getMaxValue())
                .isGreaterThanOrEqualTo(LatencyHistograms.HIGHEST_TRACKABLE_US * 999 / 1000);
    }

    @Test
    void timestampsOutOfOrderAreRejectedWithTheRequestName() {
        RequestLatencyRecorder recorder = new LatencyRecorders().forRequest("q");
        assertThatThrownBy(() -> recorder.recordNanos(10, 5, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'q'");
    }

    @Test
    void twoNamesThatWouldShareAFileAreRejected() {
        LatencyRecorders recorders = new LatencyRecorders();
        recorders.forRequest("top users");
        assertThat(recorders.forRequest("top users")).isSameAs(recorders.forRequest("top users"));
        assertThatThrownBy(() -> recorders.forRequest("top/users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'top users'").hasMessageContaining("'top/users'").hasMessageContaining("hdr/top_users.*");
    }
}
