package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cavechat.bots.Framing;
import org.junit.jupiter.api.Test;

class SwarmSummaryTest {

    private static Histogram micros(long... values) {
        Histogram h = new Histogram(BotLoop.HIGHEST_MICROS, 3);
        for (long v : values) {
            h.recordValue(v);
        }
        return h;
    }

    private static Map<BotEnd, Long> ends(BotEnd reason, long count) {
        Map<BotEnd, Long> ends = new EnumMap<>(BotEnd.class);
        for (BotEnd end : BotEnd.values()) {
            ends.put(end, end == reason ? count : 0L);
        }
        return ends;
    }

    /** 100 latencies of 1..100 ms: p50 is 50 ms, p99 is 99 ms. */
    private static Histogram oneToHundredMillis() {
        Histogram h = new Histogram(BotLoop.HIGHEST_MICROS, 3);
        for (long ms = 1; ms <= 100; ms++) {
            h.recordValue(ms * 1000);
        }
        return h;
    }

    private static SwarmSummary summary(SwarmPlan plan, DeliveryTally tally, Map<BotEnd, Long> ends, Histogram latency,
            long scheduled, long sent, Histogram lag) {
        List<IntervalSample> samples = List.of(
                new IntervalSample(1.0, 1.0, "warm-up", 10, 50, 500, 0, 500, 1.5, 4.0, 9.0, 0),
                new IntervalSample(2.0, 1.0, "measure", 10, 100, 1000, 0, 1000, 1.2, 3.0, 7.5, 0));
        return new SwarmSummary(plan, 100, scheduled, sent, sent / 2.0, lag, 10, ends, tally, 0, latency,
                micros(500, 700), samples, true, null, 3.5);
    }

    private static SwarmSummary passing(SwarmPlan plan, DeliveryTally tally) {
        return summary(plan, tally, ends(BotEnd.RESET, 0), oneToHundredMillis(), 200, 200, micros(100, 200));
    }

    private static final DeliveryTally CLEAN = new DeliveryTally(2, 200, 10, 2000, 2000, 0, 0, 0, 0, false);
    private static final DeliveryTally LOSSY = new DeliveryTally(2, 200, 10, 2000, 1990, 10, 2, 3, 4, false);

    @Test
    void cleanRunWithinItsThresholdsPasses() {
        SwarmSummary s = passing(TestPlans.plan(Duration.ofMillis(100), 0.0, null), CLEAN);
        assertEquals(List.of(), s.breaches());
        assertEquals(Verdict.PASS, s.verdict());
        assertEquals(99.0, s.latencyMs(99), 0.1);
        assertTrue(s.rateKept());
    }

    @Test
    void p99AboveMaxP99IsABreach() {
        SwarmSummary s = passing(TestPlans.plan(Duration.ofMillis(50), null, null), CLEAN);
        assertEquals(1, s.breaches().size());
        assertTrue(s.breaches().get(0).startsWith("p99 latency 99"), s.breaches().get(0));
    }

    @Test
    void maxP99WithNothingMeasuredIsABreachNotAPass() {
        SwarmSummary s = summary(TestPlans.plan(Duration.ofMillis(50), null, null), CLEAN, ends(BotEnd.RESET, 0),
                micros(), 200, 200, micros());
        assertEquals(List.of("no p99 latency was measured, so --max-p99 50ms cannot hold"), s.breaches());
    }

    @Test
    void lossRatioIsLostOverExpectedAndAboveMaxLossIsABreach() {
        assertEquals(0.005, LOSSY.lossRatio(), 1e-12);
        assertEquals(List.of("loss 0.5000% fails --max-loss 0.1%"),
                passing(TestPlans.plan(null, 0.001, null), LOSSY).breaches());
        assertEquals(List.of(), passing(TestPlans.plan(null, 0.005, null), LOSSY).breaches());
    }

    @Test
    void eachThresholdIsPrintedWithItsMeasuredValueAndAFailingOneIsNamed() {
        ThresholdConverter read = new ThresholdConverter();
        SwarmPlan plan = TestPlans.plan(null, 0.0, List.of(read.convert("p99<50ms"), read.convert("p50<=60ms"),
                read.convert("loss==0"), read.convert("joined>=100%"), read.convert("rate>=95%")), null);
        SwarmSummary s = passing(plan, CLEAN);
        assertEquals(List.of("p99 latency 99.0 ms fails p99<50ms"), s.breaches());
        assertEquals(Verdict.FAIL, s.verdict());
        String text = SummaryText.of(s);
        for (String line : new String[] {
            "threshold --max-loss 0%: measured 0.0000%, ok",
            "threshold p99<50ms: measured 99.0 ms, FAILED",
            "threshold p50<=60ms: measured 50.0 ms, ok",
            "threshold loss==0: measured 0.0000%, ok",
            "threshold joined>=100%: measured 100.0000%, ok",
            "threshold rate>=95%: measured 100.0000%, ok"}) {
            assertTrue(text.contains(System.lineSeparator() + line + System.lineSeparator()), line + " in\n" + text);
        }
        assertTrue(text.endsWith("FAIL: p99 latency 99.0 ms fails p99<50ms" + System.lineSeparator()), text);
        Object json = Json.parse(SummaryJson.of(s));
        assertEquals(6, ((List<?>) JsonReader.path(json, "thresholds")).size());
        assertTrue(HtmlReport.of(s).contains("<th>threshold</th><td>p99&lt;50ms: measured 99.0 ms, FAILED</td>"));
    }

    @Test
    void everyReportSaysWhenWhereAndByWhichCommandTheRunWasMade() {
        SwarmSummary s = passing(TestPlans.plan(null, null, null), CLEAN);
        String text = SummaryText.of(s);
        assertTrue(text.contains(System.lineSeparator() + "run       2025-01-02T03:04:05Z, chat-bots 9.9 on testhost,"
                + " TestVM 21" + System.lineSeparator() + "command   chat-bots swarm --seed 7" + System.lineSeparator()),
                text);
        assertTrue(text.contains("delivery  whole run, warm-up included (the latency figures are the measured window"
                + " only):"), text);
        Object json = Json.parse(SummaryJson.of(s));
        assertEquals("2025-01-02T03:04:05Z", JsonReader.path(json, "run.startedAt"));
        assertEquals("9.9", JsonReader.path(json, "run.version"));
        assertEquals("testhost", JsonReader.path(json, "run.host"));
        assertEquals("TestVM 21", JsonReader.path(json, "run.jvm"));
        assertEquals("chat-bots swarm --seed 7", JsonReader.path(json, "run.commandLine"));
        assertEquals(7.0, JsonReader.path(json, "run.seed"));
        String html = HtmlReport.of(s);
        assertTrue(html.contains("<th>command</th><td>chat-bots swarm --seed 7</td>"), html);
        assertTrue(html.contains("<th>chat-bots / host / JVM</th><td>9.9 / testhost / TestVM 21</td>"), html);
    }

    @Test
    void disconnectsFailTheRunWithoutThresholds() {
        SwarmPlan plan = TestPlans.plan(null, null, null);
        SwarmSummary s = summary(plan, CLEAN, ends(BotEnd.SERVER_SHUTDOWN, 2), oneToHundredMillis(), 200, 200, micros(1));
        assertEquals(List.of("2 members were disconnected during the run"), s.breaches());
        assertEquals(Verdict.FAIL, s.verdict());
        assertEquals(1, s.verdict().exitCode());
    }

    @Test
    void botsThatCouldNotJoinMakeTheRunInvalidNotFailed() {
        SwarmPlan plan = TestPlans.plan(null, null, null);
        SwarmSummary s = summary(plan, CLEAN, ends(BotEnd.CONNECT_REFUSED, 3), oneToHundredMillis(), 200, 200, micros(1));
        assertEquals(List.of(), s.breaches());
        assertEquals(List.of("3 of 10 bots could not join"), s.invalidity());
        assertEquals(Verdict.INVALID, s.verdict());
    }

    @Test
    void generatorThatFellBehindIsInvalidAtTheTopOfEveryReportAndNeverPasses() {
        SwarmSummary s = summary(TestPlans.plan(null, 0.0, null), CLEAN, ends(BotEnd.RESET, 0), oneToHundredMillis(),
                200, 150, micros(50_000));
        assertEquals(List.of(), s.breaches(), "nothing the server did wrong");
        assertEquals(List.of("the generator sent 150 of 200 measured messages",
                "send lag p99 50.0 ms is beyond --max-send-lag 10.0 ms"), s.invalidity());
        assertEquals(Verdict.INVALID, s.verdict());
        assertEquals(4, s.verdict().exitCode());
        String[] text = SummaryText.of(s).split(System.lineSeparator());
        String verdict = "INVALID: the load was not offered as asked (the generator sent 150 of 200 measured messages;"
                + " send lag p99 50.0 ms is beyond --max-send-lag 10.0 ms), so these figures neither pass nor fail the server";
        assertEquals(verdict, text[1], "second line, under the run's title");
        assertEquals(verdict, text[text.length - 1]);
        assertFalse(SummaryText.of(s).contains("PASS"));
        Object json = Json.parse(SummaryJson.of(s));
        assertEquals("INVALID", JsonReader.path(json, "verdict"));
        assertEquals(2, ((List<?>) JsonReader.path(json, "invalidity")).size());
        assertEquals(Boolean.FALSE, JsonReader.path(json, "passed"));
        String html = HtmlReport.of(s);
        assertTrue(html.contains("</h1>\n<p>10 bots against 127.0.0.1:33000, line framing.</p>\n<div class=\"invalid\">"
                + "<b>INVALID</b>: the load was not offered as asked"), html);
        assertFalse(html.contains("PASS"));
    }

    @Test
    void generatorThatSentTooFewOrTooLateDidNotKeepTheRate() {
        SwarmPlan plan = TestPlans.plan(null, null, null);
        assertFalse(summary(plan, CLEAN, ends(BotEnd.RESET, 0), oneToHundredMillis(), 200, 150, micros(100)).rateKept());
        assertFalse(summary(plan, CLEAN, ends(BotEnd.RESET, 0), oneToHundredMillis(), 200, 200, micros(50_000)).rateKept());
        assertTrue(SummaryText.of(summary(plan, CLEAN, ends(BotEnd.RESET, 0), oneToHundredMillis(), 200, 150, micros(100)))
                .contains("THE GENERATOR FELL BEHIND ITS SCHEDULE (150 of 200 measured messages sent"));
    }

    @Test
    void summaryJsonIsJsonAndCarriesTheFiguresAndParameters() {
        SwarmSummary s = passing(TestPlans.plan(Duration.ofMillis(50), 0.001, null), LOSSY);
        Object json = Json.parse(SummaryJson.of(s));
        assertEquals(10.0, JsonReader.path(json, "delivery.lost"));
        assertEquals(0.005, JsonReader.path(json, "delivery.lossRatio"));
        assertEquals(3.0, JsonReader.path(json, "delivery.duplicated"));
        assertEquals(2.0, JsonReader.path(json, "delivery.lossyReceivers"));
        assertEquals(4.0, JsonReader.path(json, "delivery.reordered"));
        assertEquals(99.0, (Double) JsonReader.path(json, "latencyMs.p99"), 0.1);
        assertEquals(100.0, (Double) JsonReader.path(json, "latencyMs.max"), 0.1);
        assertEquals(50.0, JsonReader.path(json, "parameters.maxP99Ms"));
        assertEquals(7.0, JsonReader.path(json, "parameters.seed"));
        assertEquals("line", JsonReader.path(json, "parameters.framing"));
        assertEquals(Boolean.FALSE, JsonReader.path(json, "passed"));
        assertEquals(2, ((List<?>) JsonReader.path(json, "breaches")).size());
    }

    @Test
    void htmlReportIsOnePageWithChartsAndNothingToFetch() {
        String html = HtmlReport.of(passing(TestPlans.plan(null, null, null), CLEAN));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals(5, html.split("<svg ", -1).length - 1, "sent, delivered, members, latency over time, spectrum");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"));
        assertTrue(html.contains("Latency percentile spectrum"));
        assertTrue(html.contains("<th>framing / seed</th><td>line / 7</td>"));
    }

    @Test
    void trafficPlanCountsTheMessagesMeantForTheMeasuredWindow() {
        TrafficPlan plan = new TrafficPlan(0, 1_000, 1_000_000_000L + 1_000, 3_000_000_000L + 1_000, 100_000_000, 1);
        assertEquals(30, plan.scheduledTotal(50_000_000));
        assertEquals(20, plan.scheduledMeasured(50_000_000));
        assertEquals(30, plan.scheduledTotal(0));
        assertEquals(20, plan.scheduledMeasured(0), "the message at exactly the window's start is measured");
    }

    @Test
    void tallyExpectsEverySentMessageAtEveryMemberStillPresent() {
        Bot talker = member(0, 2, 0, 1);
        talker.talker = 0;
        talker.sent = 3;
        Bot listener = member(1, 2, 0, 1, 2);
        Bot departed = member(2, 2, 0);
        departed.state = Bot.State.ENDED;
        Bot otherTalker = member(3, 2);
        otherTalker.talker = 1;
        otherTalker.sent = 0;
        DeliveryTally tally = DeliveryTally.of(new Bot[] {talker, listener, departed, otherTalker, null}, 2);
        assertEquals(new DeliveryTally(2, 3, 3, 9, 5, 4, 2, 0, 0, false), tally);
    }

    private static Bot member(int index, int talkers, long... fromTalkerZero) {
        Bot bot = new Bot(index, "bot" + index, Framing.LINE, null, 128);
        bot.state = Bot.State.MEMBER;
        bot.ledger = new DeliveryLedger(talkers, 10);
        for (long seq : fromTalkerZero) {
            bot.ledger.accept(0, seq);
        }
        return bot;
    }
}
