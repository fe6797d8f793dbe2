package org.cavechat.bots;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cavechat.daemon.DurationConverter;

/**
 * Reads the script format of docs/scripts.md: one step per line, {@code #} starts a comment line,
 * blank lines are ignored. The comment lines before the first step are the script's title, except
 * {@code # covers:} lines, which say what the script checks. Every error names the file and line.
 * Stateless.
 */
final class ScriptParser {

    private static final Pattern BOT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    private static final String COVERS = "# covers:";

    private ScriptParser() {
    }

    /** Reads and parses a script file. */
    static Script read(Path file) throws ScriptException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return parse(file.toString(), text);
        } catch (NoSuchFileException e) {
            throw new ScriptException(file.toString(), "no such file");
        } catch (CharacterCodingException e) {
            throw new ScriptException(file.toString(), "not UTF-8 text");
        } catch (IOException e) {
            throw new ScriptException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** Parses a script's text; {@code file} is only used in messages. */
    static Script parse(String file, String text) throws ScriptException {
        List<Step> steps = new ArrayList<>();
        Set<String> connected = new HashSet<>();
        StringBuilder title = new StringBuilder();
        StringBuilder covers = new StringBuilder();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String source = lines[i].strip();
            if (source.startsWith(COVERS)) {
                covers.append(covers.isEmpty() ? "" : ", ").append(source.substring(COVERS.length()).strip());
            } else if (source.startsWith("#")) {
                if (steps.isEmpty()) {
                    title.append(title.isEmpty() ? "" : " ").append(source.substring(1).strip());
                }
            } else if (!source.isEmpty()) {
                Step step = step(file, i + 1, source, connected);
                steps.add(step);
            }
        }
        if (steps.isEmpty()) {
            throw new ScriptException(file, "the script has no steps");
        }
        return new Script(file, title.toString(), covers.toString(), steps);
    }

    private static Step step(String file, int line, String source, Set<String> connected) throws ScriptException {
        Words words = new Words(source);
        try {
            Step step = StepSyntax.of(words.verb()).build(line, source, words);
            checkBot(step, connected);
            return step;
        } catch (IllegalArgumentException e) {
            throw new ScriptException(file, line, e.getMessage());
        }
    }

    private static void checkBot(Step step, Set<String> connected) {
        String bot = step.bot();
        if (bot == null) {
            return;
        }
        if (!BOT.matcher(bot).matches()) {
            throw new IllegalArgumentException("'" + bot + "' is not a bot name (a letter, then up to 31"
                    + " letters, digits, - or _)");
        }
        if (step instanceof Step.Connect) {
            connected.add(bot);
        } else if (!connected.contains(bot)) {
            throw new IllegalArgumentException("bot " + bot + " is used before it connects");
        }
    }

    /** The words of one line: a verb, then arguments; the last argument may be the rest of the line. */
    static final class Words {
        private final String source;
        private int at;

        Words(String source) {
            this.source = source;
        }

        String verb() {
            return next("a verb");
        }

        /** The next space-separated word, which must be there. */
        String next(String what) {
            String word = optional();
            if (word == null) {
                throw new IllegalArgumentException("missing " + what);
            }
            return word;
        }

        /** The next word, or null at the end of the line. */
        String optional() {
            while (at < source.length() && source.charAt(at) == ' ' || at < source.length() && source.charAt(at) == '\t') {
                at++;
            }
            if (at >= source.length()) {
                return null;
            }
            int end = at;
            while (end < source.length() && !Character.isWhitespace(source.charAt(end))) {
                end++;
            }
            String word = source.substring(at, end);
            at = end;
            return word;
        }

        /** Everything after the words read so far, stripped; empty at the end of the line. */
        String rest() {
            String rest = source.substring(Math.min(at, source.length())).strip();
            at = source.length();
            return rest;
        }

        void end() {
            String extra = optional();
            if (extra != null) {
                throw new IllegalArgumentException("unexpected '" + extra + "' at the end of the line");
            }
        }

        Duration duration(String what) {
            return DurationConverter.parse(next(what));
        }

        Pattern regex() {
            String regex = rest();
            if (regex.isEmpty()) {
                throw new IllegalArgumentException("missing a regular expression");
            }
            try {
                return Pattern.compile(regex, Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regular expression: " + e.getDescription());
            }
        }
    }
}
