package org.cavechat.bots.swarm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * One pass/fail condition on a run's figures, written as k6 writes them: {@code p99<50ms},
 * {@code p99.9<=0.2s}, {@code loss==0}, {@code joined>=99%}, {@code rate>=95%}. {@link ThresholdConverter}
 * reads them; {@code --max-p99} and {@code --max-loss} are shorthands that become one each.
 *
 * @param expression what the user wrote (or the shorthand's equivalent), printed with its verdict
 * @param metric     what is measured
 * @param percentile the latency percentile, for {@link Metric#LATENCY} only
 * @param comparison how the measured value is held against the limit
 * @param limit      milliseconds for latency, a share (0 to 1) for loss and for percentages, else a count or a
 *                   rate per second
 * @param share      for joined and rate: the limit is a share of the bots asked for or of the rate requested
 */
record Threshold(String expression, Metric metric, double percentile, Comparison comparison, double limit,
        boolean share) {

    /** The figures a threshold can name. */
    enum Metric {
        LATENCY("latency"), LOSS("loss"), JOINED("joined"), RATE("rate");

        final String text;

        Metric(String text) {
            this.text = text;
        }
    }

    /** The operators, longest first so that {@code <=} is not read as {@code <}. */
    enum Comparison {
        LE("<=", (m, l) -> m <= l), GE(">=", (m, l) -> m >= l), EQ("==", (m, l) -> m == l),
        LT("<", (m, l) -> m < l), GT(">", (m, l) -> m > l);

        final String symbol;
        private final Holds holds;

        Comparison(String symbol, Holds holds) {
            this.symbol = symbol;
            this.holds = holds;
        }

        boolean holds(double measured, double limit) {
            return holds.test(measured, limit);
        }
    }

    private interface Holds {
        boolean test(double measured, double limit);
    }

    /** {@code --max-p99 D}: the measured p99 latency is at most D. */
    static Threshold maxP99(Duration limit) {
        return new Threshold("--max-p99 " + Format.duration(limit), Metric.LATENCY, 99, Comparison.LE,
                limit.toNanos() / 1e6, false);
    }

    /** {@code --max-loss S}: the lost share of deliveries is at most S. */
    static Threshold maxLoss(double limit) {
        String percent = new BigDecimal(limit * 100).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return new Threshold("--max-loss " + percent + "%", Metric.LOSS, 0, Comparison.LE, limit, true);
    }

    /** The figure this threshold is held against, in the unit of {@link #limit}; NaN when nothing was measured. */
    double measure(SwarmSummary s) {
        return switch (metric) {
            case LATENCY -> s.latency().getTotalCount() == 0 ? Double.NaN : s.latencyMs(percentile);
            case LOSS -> s.tally().lossRatio();
            case JOINED -> share ? (double) s.joined() / s.plan().bots() : s.joined();
            case RATE -> share ? s.achievedRate() / s.requestedRate() : s.achievedRate();
        };
    }

    /** Holds this threshold against a run's figures; a figure that was never measured fails it. */
    ThresholdCheck check(SwarmSummary s) {
        double measured = measure(s);
        return new ThresholdCheck(this, measured, !Double.isNaN(measured) && comparison.holds(measured, limit));
    }

    /** How a measured value of this threshold's unit is written for people. */
    String format(double value) {
        if (Double.isNaN(value)) {
            return "nothing measured";
        }
        if (metric == Metric.LATENCY) {
            return Format.millis(value);
        }
        if (metric == Metric.LOSS || share) {
            return Format.percent(value);
        }
        return metric == Metric.RATE ? Format.rate(value) : String.valueOf((long) value);
    }

    /** What the figure is called in a sentence: "p99 latency", "loss", "joined", "rate". */
    String figure() {
        return metric == Metric.LATENCY ? "p" + SummaryText.trim(percentile) + " latency" : metric.text;
    }
}
