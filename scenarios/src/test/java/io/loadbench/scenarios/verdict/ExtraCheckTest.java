package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExtraCheckTest {

    @Test
    void theSimulationsFailuresBecomeTheChecksAndItsReportIsComputedOnce() {
        AtomicInteger evaluations = new AtomicInteger();
        ExtraCheck check = new ExtraCheck("incident", m -> {
            evaluations.incrementAndGet();
            return new ExtraCheck.Result(Map.of("requests", m.total()), m.total() < 10 ? List.of("too few requests") : List.of());
        });
        Measurement few = Measurements.run().request("q", 5, 0, 100).build();
        assertThat(check.judge(few).failures()).containsExactly("too few requests");
        assertThat(check.evaluate(few).report()).isEqualTo(Map.of("requests", 5L));
        assertThat(evaluations).hasValue(1);

        assertThat(check.judge(Measurements.run().request("q", 50, 0, 100).build()).passed()).isTrue();
        assertThat(check.section()).isEqualTo("incident");
    }

    @Test
    void failuresOfEveryCheckAreListedInCheckOrder() {
        Measurement m = Measurements.run().request("q", 0, 5, 100).dropped(2).build();
        assertThat(VerdictCheck.failures(List.of(new KoRatioCheck(0.5), new DroppedRequestsCheck(), new RequestsCompletedCheck()), m))
                .containsExactly("5 of 5 requests failed (100.000%, at most 50.000% allowed)",
                        "2 requests dropped: the executor queue was full, the injector could not keep up");
    }
}
