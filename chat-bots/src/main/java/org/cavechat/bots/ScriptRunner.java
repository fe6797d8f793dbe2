package org.cavechat.bots;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs scripts one step at a time against a server, printing one line per step and, on the first
 * failed step, the expected and the actual item. Each script gets fresh connections and leaves the
 * server clean (see {@link Bot#leavePolitely}). Runs on the caller's thread.
 */
final class ScriptRunner {

    private final InetSocketAddress server;
    private final Duration defaultTimeout;
    private final Duration pace;
    private final PrintWriter out;

    ScriptRunner(InetSocketAddress server, Duration defaultTimeout, Duration pace, PrintWriter out) {
        this.server = server;
        this.defaultTimeout = defaultTimeout;
        this.pace = pace;
        this.out = out;
    }

    ScriptResult run(Script script) throws UnreachableServerException {
        Map<String, Bot> bots = new LinkedHashMap<>();
        Execution execution = new Execution(script, bots);
        try {
            int passed = 0;
            for (Step step : script.steps()) {
                Mismatch mismatch = execution.perform(step);
                if (mismatch != null) {
                    report(script, step, mismatch);
                    return new ScriptResult(script, passed, step, mismatch);
                }
                out.printf("  ok    %s:%d  %s%n", script.file(), step.line(), step.source());
                passed++;
            }
            return ScriptResult.passed(script);
        } finally {
            bots.values().forEach(bot -> bot.leavePolitely(execution.timeout));
            out.flush();
        }
    }

    private void report(Script script, Step step, Mismatch mismatch) {
        out.printf("  FAIL  %s:%d  %s%n", script.file(), step.line(), step.source());
        out.printf("        expected: %s%n", mismatch.expected());
        out.printf("        actual:   %s%n", mismatch.actual());
    }

    /**
     * The state of one script's run: its bots, the current timeout, and the names its joins use, which
     * every bot is told up front so that legacy readers can split items of members they have not seen
     * join yet (see {@link LegacyDecoder}).
     */
    private final class Execution {
        private final Map<String, Bot> bots;
        private final Set<String> names = new LinkedHashSet<>();
        private Duration timeout = defaultTimeout;

        Execution(Script script, Map<String, Bot> bots) {
            this.bots = bots;
            for (Step step : script.steps()) {
                if (step instanceof Step.Join join) {
                    names.add(join.name());
                }
            }
        }

        Mismatch perform(Step step) throws UnreachableServerException {
            try {
                return switch (step) {
                    case Step.Connect connect -> connect(connect);
                    case Step.Pause pause -> sleep(pause.length());
                    case Step.Timeout change -> {
                        timeout = change.length();
                        yield null;
                    }
                    default -> act(step, bots.get(step.bot()));
                };
            } catch (IOException e) {
                return new Mismatch(describeExpected(step), "connection failed: " + describe(e));
            }
        }

        private Mismatch connect(Step.Connect connect) throws UnreachableServerException, IOException {
            Bot previous = bots.get(connect.bot());
            if (previous != null && previous.isOpen()) {
                return new Mismatch("bot " + connect.bot() + " not connected yet", "it is connected");
            }
            ChatClient client;
            try {
                client = ChatClient.connect(server, connect.framing(), timeout);
            } catch (IOException e) {
                throw new UnreachableServerException(server, e);
            }
            client.knowNames(names);
            Bot bot = new Bot(connect.bot(), client);
            bots.put(connect.bot(), bot);
            return connect.awaitGreeting() ? expect(bot, ServerText.GREETING, ServerText.GREETING_ARTICLE) : null;
        }

        private Mismatch act(Step step, Bot bot) throws IOException {
            if (!bot.isOpen()) {
                return new Mismatch("bot " + step.bot() + " to be connected", "it was closed by "
                        + "an earlier step; connect it again first");
            }
            return switch (step) {
                case Step.Join join -> join(bot, join.name());
                case Step.Send send -> paced(() -> bot.client().sendRaw(framed(bot, send.text())));
                case Step.Raw raw -> paced(() -> bot.client().sendRaw(raw.bytes()));
                case Step.Quit ignored -> paced(() -> {
                    bot.quitting();
                    bot.client().quit();
                });
                case Step.Expect expect -> expect(bot, expect.item());
                case Step.Match match -> matching(bot, match);
                case Step.ExpectNothing nothing -> nothing(bot, nothing.quiet() == null ? timeout : nothing.quiet());
                case Step.ExpectEof ignored -> endOfStream(bot);
                case Step.Reset ignored -> closing(bot, () -> bot.client().closeAbruptly());
                case Step.Close ignored -> closing(bot, () -> bot.client().close());
                case Step.HalfClose ignored -> {
                    bot.client().halfClose();
                    bot.sendingClosed();
                    yield null;
                }
                default -> throw new IllegalStateException("unhandled step " + step);
            };
        }

        private Mismatch join(Bot bot, String name) throws IOException {
            bot.client().send(name);
            Mismatch mismatch = expect(bot, new ChatEvent.Welcome(name).item());
            if (mismatch == null) {
                bot.joined();
                return sleep(pace);
            }
            return mismatch;
        }

        private Mismatch expect(Bot bot, String... items) throws IOException {
            Optional<ChatEvent> event = bot.poll(timeout);
            if (event.isPresent() && Set.of(items).contains(event.get().item())
                    && !(event.get() instanceof ChatEvent.EndOfStream)) {
                return null;
            }
            return new Mismatch(Literal.show(items[0]), actual(event));
        }

        private Mismatch matching(Bot bot, Step.Match match) throws IOException {
            Optional<ChatEvent> event = bot.poll(timeout);
            if (event.isPresent() && !(event.get() instanceof ChatEvent.EndOfStream)
                    && match.pattern().matcher(event.get().item()).matches()) {
                return null;
            }
            return new Mismatch("an item matching /" + match.pattern().pattern() + "/", actual(event));
        }

        private Mismatch nothing(Bot bot, Duration quiet) throws IOException {
            Optional<ChatEvent> event = bot.poll(quiet);
            return event.isEmpty() ? null : new Mismatch("nothing for " + quiet.toMillis() + " ms", actual(event));
        }

        private Mismatch endOfStream(Bot bot) throws IOException {
            Optional<ChatEvent> event = bot.poll(timeout);
            boolean ended = event.isPresent() && event.get() instanceof ChatEvent.EndOfStream;
            return ended ? null : new Mismatch("end of stream", actual(event));
        }

        private String actual(Optional<ChatEvent> event) {
            return event.map(e -> e instanceof ChatEvent.EndOfStream ? "end of stream" : Literal.show(e.item()))
                    .orElse("nothing within " + timeout.toMillis() + " ms");
        }

        private Mismatch paced(Action action) throws IOException {
            action.run();
            return sleep(pace);
        }

        private Mismatch closing(Bot bot, Action action) throws IOException {
            action.run();
            bot.closed();
            return null;
        }

        private Mismatch sleep(Duration length) {
            if (length.isZero()) {
                return null;
            }
            try {
                Thread.sleep(length);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Mismatch("a pause of " + length.toMillis() + " ms", "interrupted");
            }
        }
    }

    private static byte[] framed(Bot bot, byte[] text) {
        byte[] terminator = bot.client().framing().terminator();
        byte[] framed = java.util.Arrays.copyOf(text, text.length + terminator.length);
        System.arraycopy(terminator, 0, framed, text.length, terminator.length);
        return framed;
    }

    private static String describeExpected(Step step) {
        return step instanceof Step.Expect expect ? Literal.show(expect.item()) : "the step to succeed";
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.toLowerCase(java.util.Locale.ROOT).contains("reset") ? "connection reset by the server" : message;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }
}
