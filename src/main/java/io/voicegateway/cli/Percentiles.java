package io.voicegateway.cli;

import java.util.Arrays;
import java.util.Collection;

/**
 * Exact percentiles of a load run's latencies by sorting them (a run has at most tens of thousands). Nearest
 * rank: p is the smallest value with at least p % of the samples at or below it.
 *
 * @param count samples; the percentiles are null when there are none
 */
record Percentiles(int count, Double p50, Double p95, Double p99, Double max) {

    static Percentiles of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, null, null, null, null);
        }
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of an ascending array: index ceil(p/100 × n) - 1. */
    static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double[] sorted(double... values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
