package org.cavechat.bots.swarm;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cavechat.bots.Framing;

/**
 * Everything one swarm run is told, built at the edge (the command line or a test) and passed down.
 *
 * @param server          where the chat server listens
 * @param bots            how many bots connect
 * @param rampPerSecond   connections started per second
 * @param talkerShare     share of the members that talk, in (0, 1]; the rest only listen
 * @param rate            messages per second: the whole swarm's, or each talker's when {@code ratePerBot}
 * @param ratePerBot      whether {@code rate} is per talker
 * @param messageBytes    size of each message's text (at least the payload header)
 * @param duration        how long the measured traffic lasts
 * @param warmup          traffic before the measurement, delivered and checked but not in the latency figures
 * @param drain           longest wait after the last send for deliveries still on their way
 * @param joinTimeout     how long a bot may take from connect to welcome
 * @param framing         how bots frame what they send
 * @param seed            seeds the choice of talkers and their phases, so a run can be repeated
 * @param maxP99          fail the run when the measured p99 latency is above this, or null
 * @param maxLoss         fail the run when the lost share of deliveries is above this, or null
 * @param thresholds      the --threshold expressions, in the order given
 * @param maxSendLag      the run is INVALID when the send lag's p99 is beyond this: the load was not offered
 * @param reportDir       where summary.json, the interval log and report.html go, or null
 * @param selectors       selector threads driving the bots
 * @param sourceAddresses loopback source addresses to spread connections over (127.0.0.1 upwards)
 * @param namePrefix      bots are named this plus their number
 * @param progress        whether to print the once-a-second progress line
 * @param run             when, where and by which command line the run was made
 */
record SwarmPlan(InetSocketAddress server, int bots, double rampPerSecond, double talkerShare, double rate,
        boolean ratePerBot, int messageBytes, Duration duration, Duration warmup, Duration drain,
        Duration joinTimeout, Framing framing, long seed, Duration maxP99, Double maxLoss, List<Threshold> thresholds,
        Duration maxSendLag,
        Path reportDir,
        int selectors, int sourceAddresses, String namePrefix, boolean progress,
        RunMetadata run) {

    SwarmPlan withServer(InetSocketAddress value) {
        return new SwarmPlan(value, bots, rampPerSecond, talkerShare, rate, ratePerBot, messageBytes, duration,
                warmup, drain, joinTimeout, framing, seed, maxP99, maxLoss, thresholds, maxSendLag, reportDir, selectors, sourceAddresses,
                namePrefix, progress, run);
    }

    /** Every threshold the run is held to: the shorthands {@code --max-p99} and {@code --max-loss} first. */
    List<Threshold> allThresholds() {
        List<Threshold> all = new ArrayList<>();
        if (maxP99 != null) {
            all.add(Threshold.maxP99(maxP99));
        }
        if (maxLoss != null) {
            all.add(Threshold.maxLoss(maxLoss));
        }
        all.addAll(thresholds);
        return all;
    }

    /** Nanoseconds between two messages of one talker, once the number of talkers is known. */
    double intervalNanos(int talkers) {
        return ratePerBot ? 1e9 / rate : 1e9 * talkers / rate;
    }

    /** The aggregate rate asked for, once the number of talkers is known. */
    double aggregateRate(int talkers) {
        return ratePerBot ? rate * talkers : rate;
    }

    /** The longest payload a receiver has to hold while it is cut across reads. */
    int maxPayloadBytes() {
        return Math.max(messageBytes, Payload.MAX_HEADER_BYTES) + 16;
    }
}
