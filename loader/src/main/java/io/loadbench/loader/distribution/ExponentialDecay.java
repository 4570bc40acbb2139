package io.loadbench.loader.distribution;

import io.loadbench.loader.random.RowRandom;

import java.time.Duration;

/**
 * Ages in {@code [0, window)} that decay exponentially (recent data is dense), the gateway seed's
 * "80% of data created in the last 30 days": an exponential distribution of rate λ truncated to the window,
 * sampled by inverting its CDF {@code F(a) = (1 - e^{-λa}) / (1 - e^{-λW})}.
 */
public final class ExponentialDecay {

    private final double windowSeconds;
    private final double ratePerSecond;
    private final double truncation;

    private ExponentialDecay(double windowSeconds, double ratePerSecond) {
        this.windowSeconds = windowSeconds;
        this.ratePerSecond = ratePerSecond;
        this.truncation = -Math.expm1(-ratePerSecond * windowSeconds);
    }

    /**
     * The decay for which {@code share} of the ages fall within {@code recent}, over a window of
     * {@code window}; e.g. {@code withShareWithin(0.8, 30 days, 1000 days)}. λ is found by bisection.
     */
    public static ExponentialDecay withShareWithin(double share, Duration recent, Duration window) {
        double w = window.toMillis() / 1000.0;
        double r = recent.toMillis() / 1000.0;
        if (!(r > 0 && r < w)) {
            throw new IllegalArgumentException("need 0 < recent < window, got " + recent + " and " + window);
        }
        if (!(share > r / w && share < 1)) {
            throw new IllegalArgumentException(
                    "share must exceed the uniform share " + (r / w) + " and be below 1: " + share);
        }
        double lo = 1e-15;
        double hi = 1.0;
        while (shareWithin(hi, r, w) < share) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (shareWithin(mid, r, w) < share) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new ExponentialDecay(w, (lo + hi) / 2);
    }

    private static double shareWithin(double rate, double recent, double window) {
        return Math.expm1(-rate * recent) / Math.expm1(-rate * window);
    }

    /** An age in seconds, in {@code [0, window)}. */
    public double sampleAgeSeconds(RowRandom random) {
        double u = random.nextDouble();
        double age = -Math.log1p(-u * truncation) / ratePerSecond;
        return Math.min(age, Math.nextDown(windowSeconds));
    }

    /** {@code P(age < seconds)}. */
    public double cdf(double seconds) {
        if (seconds <= 0) {
            return 0;
        }
        if (seconds >= windowSeconds) {
            return 1;
        }
        return -Math.expm1(-ratePerSecond * seconds) / truncation;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }
}
