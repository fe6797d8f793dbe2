package org.cavechat.bots;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.cavechat.daemon.DurationConverter;

/** The verbs of the script format and how each reads its arguments (docs/scripts.md). */
enum StepSyntax {
    CONNECT("connect") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            String bot = words.next("a bot name");
            Framing framing = Framing.named(words.next("a framing (legacy or line)"));
            String option = words.optional();
            if (option != null && !option.equals("nogreeting")) {
                throw new IllegalArgumentException("unexpected '" + option + "' (the only option is nogreeting)");
            }
            return new Step.Connect(line, source, bot, framing, option == null);
        }
    },
    JOIN("join") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            String bot = words.next("a bot name");
            String name = words.rest();
            String chosen = name.isEmpty() ? bot : new String(Literal.parse(name), StandardCharsets.UTF_8);
            return new Step.Join(line, source, bot, chosen);
        }
    },
    SEND("send") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            return new Step.Send(line, source, words.next("a bot name"), text(words, "a text"));
        }
    },
    RAW("raw") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            String bot = words.next("a bot name");
            String rest = words.rest();
            if (rest.startsWith("hex ") || rest.equals("hex")) {
                return new Step.Raw(line, source, bot, Literal.hex(rest.substring(3)));
            }
            if (!rest.startsWith("\"")) {
                throw new IllegalArgumentException("raw needs a \"quoted literal\" or hex HH HH ...");
            }
            return new Step.Raw(line, source, bot, Literal.parse(rest));
        }
    },
    EXPECT("expect") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            String bot = words.next("a bot name");
            return new Step.Expect(line, source, bot, new String(text(words, "an item"), StandardCharsets.UTF_8));
        }
    },
    MATCH("match") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            return new Step.Match(line, source, words.next("a bot name"), words.regex());
        }
    },
    EXPECT_NOTHING("expect-nothing") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            String bot = words.next("a bot name");
            String quiet = words.optional();
            words.end();
            return new Step.ExpectNothing(line, source, bot, quiet == null ? null : DurationConverter.parse(quiet));
        }
    },
    EXPECT_EOF("expect-eof") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            return new Step.ExpectEof(line, source, onlyBot(words));
        }
    },
    QUIT("quit") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            return new Step.Quit(line, source, onlyBot(words));
        }
    },
    RESET("reset") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            return new Step.Reset(line, source, onlyBot(words));
        }
    },
    HALF_CLOSE("half-close") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            return new Step.HalfClose(line, source, onlyBot(words));
        }
    },
    CLOSE("close") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            return new Step.Close(line, source, onlyBot(words));
        }
    },
    PAUSE("pause") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            return new Step.Pause(line, source, onlyDuration(words));
        }
    },
    TIMEOUT("timeout") {
        @Override
        Step build(int line, String source, ScriptParser.Words words) {
            Duration length = onlyDuration(words);
            if (length.isZero()) {
                throw new IllegalArgumentException("a timeout must be longer than zero");
            }
            return new Step.Timeout(line, source, length);
        }
    };

    private final String verb;

    StepSyntax(String verb) {
        this.verb = verb;
    }

    abstract Step build(int line, String source, ScriptParser.Words words);

    static StepSyntax of(String verb) {
        for (StepSyntax syntax : values()) {
            if (syntax.verb.equals(verb)) {
                return syntax;
            }
        }
        throw new IllegalArgumentException("unknown verb '" + verb + "' (known: "
                + Arrays.stream(values()).map(s -> s.verb).collect(Collectors.joining(", ")) + ")");
    }

    private static byte[] text(ScriptParser.Words words, String what) {
        String rest = words.rest();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("missing " + what + " (write \"\" for an empty one)");
        }
        return Literal.parse(rest);
    }

    private static String onlyBot(ScriptParser.Words words) {
        String bot = words.next("a bot name");
        words.end();
        return bot;
    }

    private static Duration onlyDuration(ScriptParser.Words words) {
        Duration length = words.duration("a duration");
        words.end();
        return length;
    }
}
