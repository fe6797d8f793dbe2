package org.cavechat.bots.swarm;

/** A {@link Threshold} held against one run: the figure it named and whether it held. */
record ThresholdCheck(Threshold threshold, double measured, boolean passed) {

    /** One line for the summary: the expression, what was measured, the verdict. */
    String line() {
        return threshold.expression() + ": measured " + threshold.format(measured) + (passed ? ", ok" : ", FAILED");
    }

    /** The breach in a sentence, naming the failing expression. */
    String breach() {
        if (Double.isNaN(measured)) {
            return "no " + threshold.figure() + " was measured, so " + threshold.expression() + " cannot hold";
        }
        return threshold.figure() + " " + threshold.format(measured) + " fails " + threshold.expression();
    }
}
