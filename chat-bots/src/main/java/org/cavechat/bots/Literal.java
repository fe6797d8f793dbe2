package org.cavechat.bots;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The byte strings of the script format: a double-quoted literal with escapes, a hex dump, or bare
 * text. Escapes: {@code \n \r \t \0 \\ \"}, {@code \xHH} (one raw byte, so invalid UTF-8 can be
 * written) and <code>&#92;u{H...}</code> (one code point, as UTF-8). Other characters stand for their UTF-8.
 * A quoted literal may be followed by {@code * N} to repeat it N times (long lines without long files).
 */
final class Literal {

    private static final java.util.regex.Pattern REPEAT = java.util.regex.Pattern.compile("\\s*\\*\\s*(\\d{1,8})\\s*");
    private static final int MAX_BYTES = 16 << 20;
    static final int SHOWN_CHARACTERS = 200;

    private Literal() {
    }

    /**
     * The bytes of {@code text}: a quoted literal when it starts with {@code "}, otherwise the text
     * itself as UTF-8.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    static byte[] parse(String text) {
        if (!text.startsWith("\"")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return repeated(bytes.toByteArray(), text.substring(i + 1));
            }
            if (c == '\\') {
                i = escape(text, i + 1, bytes);
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        throw new IllegalArgumentException("missing closing quote");
    }

    private static byte[] repeated(byte[] once, String after) {
        if (after.isBlank()) {
            return once;
        }
        java.util.regex.Matcher repeat = REPEAT.matcher(after);
        if (!repeat.matches()) {
            throw new IllegalArgumentException("text after the closing quote: " + after.strip());
        }
        long count = Long.parseLong(repeat.group(1));
        if (count * once.length > MAX_BYTES) {
            throw new IllegalArgumentException("a repeated literal may have at most " + MAX_BYTES + " bytes");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (long i = 0; i < count; i++) {
            bytes.writeBytes(once);
        }
        return bytes.toByteArray();
    }

    /** Appends the escape at {@code at} (just after the backslash); returns the index after it. */
    private static int escape(String text, int at, ByteArrayOutputStream bytes) {
        if (at >= text.length()) {
            throw new IllegalArgumentException("a backslash ends the line");
        }
        char kind = text.charAt(at);
        switch (kind) {
            case 'n' -> bytes.write('\n');
            case 'r' -> bytes.write('\r');
            case 't' -> bytes.write('\t');
            case '0' -> bytes.write(0);
            case '\\', '"' -> bytes.write(kind);
            case 'x' -> {
                bytes.write(hexByte(text, at + 1));
                return at + 3;
            }
            case 'u' -> {
                return codePoint(text, at + 1, bytes);
            }
            default -> throw new IllegalArgumentException("unknown escape \\" + kind);
        }
        return at + 1;
    }

    private static int hexByte(String text, int at) {
        if (at + 2 > text.length() || !isHex(text.substring(at, at + 2))) {
            throw new IllegalArgumentException("\\x needs two hex digits");
        }
        return Integer.parseInt(text.substring(at, at + 2), 16);
    }

    private static int codePoint(String text, int at, ByteArrayOutputStream bytes) {
        int close = text.indexOf('}', at);
        if (at >= text.length() || text.charAt(at) != '{' || close < 0 || !isHex(text.substring(at + 1, close))
                || close - at - 1 > 6) {
            throw new IllegalArgumentException("\\u needs hex digits in braces, like \\u{20AC}");
        }
        int codePoint = Integer.parseInt(text.substring(at + 1, close), 16);
        if (!Character.isValidCodePoint(codePoint)) {
            throw new IllegalArgumentException("not a code point: \\u{" + text.substring(at + 1, close) + "}");
        }
        bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
        return close + 1;
    }

    /** The bytes of a hex dump such as {@code 7b 71 75 69 74 7d} or {@code 7b717569747d}. */
    static byte[] hex(String digits) {
        String compact = digits.replaceAll("\\s+", "");
        if (compact.isEmpty() || compact.length() % 2 != 0 || !isHex(compact)) {
            throw new IllegalArgumentException("hex needs pairs of hex digits, like: hex 41 ff 0a");
        }
        return HexFormat.of().parseHex(compact);
    }

    private static boolean isHex(String digits) {
        return !digits.isEmpty() && digits.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /**
     * Shows text for people: quoted, with control characters and U+FFFD escaped, and cut after
     * {@link #SHOWN_CHARACTERS} characters (a flood should not flood the report as well).
     */
    static String show(String text) {
        StringBuilder shown = new StringBuilder("\"");
        text.codePoints().limit(SHOWN_CHARACTERS).forEach(c -> {
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                case '"' -> shown.append("\\\"");
                case '\\' -> shown.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == 0xFFFD || c == 0x2028 || c == 0x2029) {
                        shown.append(String.format("\\u{%X}", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        });
        shown.append('"');
        long length = text.codePointCount(0, text.length());
        return length <= SHOWN_CHARACTERS ? shown.toString() : shown + " (cut; " + length + " characters in all)";
    }
}
