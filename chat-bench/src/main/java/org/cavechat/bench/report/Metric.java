package org.cavechat.bench.report;

/**
 * One measured figure: its score, the half-width of JMH's 99.9% confidence interval ({@code NaN}
 * when too few iterations ran to estimate one) and its unit.
 */
record Metric(double score, double error, String unit) {
    /** The error, or 0 when JMH could not estimate it. */
    double errorOrZero() {
        return Double.isNaN(error) ? 0 : error;
    }

    /** The same figure divided by {@code divisor}, unit renamed: a per-broadcast cost per member. */
    Metric per(double divisor, String newUnit) {
        return new Metric(score / divisor, error / divisor, newUnit);
    }
}
