package io.loadbench.scenarios.verdict;

import io.loadbench.scenarios.run.Slo;

/** A latency objective of the preset, read from the request's HdrHistogram of record. */
public record SloCheck(Slo slo) implements VerdictCheck {

    /** The value found and whether it held, as {@code scenario.json} lists it. */
    public Slo.Result evaluate(Measurement m) {
        return slo.evaluate(m.requestOrTransaction(slo.request()));
    }

    @Override
    public CheckOutcome judge(Measurement m) {
        Slo.Result result = evaluate(m);
        return CheckOutcome.failedIf(!result.passed(), () -> "SLO broken: " + result.description());
    }
}
