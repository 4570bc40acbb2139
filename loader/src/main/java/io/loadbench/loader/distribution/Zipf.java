package io.loadbench.loader.distribution;

import io.loadbench.loader.random.RowRandom;

/**
 * Zipf's law over ranks {@code 1..n}: {@code P(k) ∝ 1 / k^s}. Sampled in O(1) time and memory by
 * Hörmann and Derflinger's rejection-inversion ("Rejection-inversion to generate variates from monotone
 * discrete distributions", ACM TOMACS 1996), as in Apache Commons RNG; the expected number of draws per
 * sample is close to 1 for every n and s.
 */
public final class Zipf {

    private final int n;
    private final double exponent;
    private final double hIntegralX1;
    private final double hIntegralN;
    private final double squeeze;

    public Zipf(int n, double exponent) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        if (!(exponent > 0)) {
            throw new IllegalArgumentException("exponent must be positive: " + exponent);
        }
        this.n = n;
        this.exponent = exponent;
        this.hIntegralX1 = hIntegral(1.5) - 1.0;
        this.hIntegralN = hIntegral(n + 0.5);
        this.squeeze = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2.0));
    }

    /** A rank in {@code [1, n]}. */
    public int sample(RowRandom random) {
        while (true) {
            double u = hIntegralN + random.nextDouble() * (hIntegralX1 - hIntegralN);
            double x = hIntegralInverse(u);
            int k = (int) (x + 0.5);
            if (k < 1) {
                k = 1;
            } else if (k > n) {
                k = n;
            }
            if (k - x <= squeeze || u >= hIntegral(k + 0.5) - h(k)) {
                return k;
            }
        }
    }

    public int n() {
        return n;
    }

    public double exponent() {
        return exponent;
    }

    /** The exact probability of rank {@code k} (O(n): for tests and verification). */
    public double probability(int k) {
        double norm = 0;
        for (int i = 1; i <= n; i++) {
            norm += Math.pow(i, -exponent);
        }
        return Math.pow(k, -exponent) / norm;
    }

    private double h(double x) {
        return Math.exp(-exponent * Math.log(x));
    }

    private double hIntegral(double x) {
        double logX = Math.log(x);
        return helper2((1.0 - exponent) * logX) * logX;
    }

    private double hIntegralInverse(double x) {
        double t = x * (1.0 - exponent);
        if (t < -1.0) {
            t = -1.0; // numerical guard, as in the reference implementation
        }
        return Math.exp(helper1(t) * x);
    }

    /** log(1 + x) / x, continuous at 0. */
    private static double helper1(double x) {
        return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
    }

    /** (exp(x) - 1) / x, continuous at 0. */
    private static double helper2(double x) {
        return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x * (1.0 / 3.0) * (1.0 + 0.25 * x));
    }
}
