package org.cavechat.daemon;

import java.nio.charset.StandardCharsets;

/** Renders wire bytes for assertion messages: control characters and invalid UTF-8 become visible escapes. */
final class Printable {

    private Printable() {
    }

    /** The bytes as a quoted Java-like string literal, e.g. {@code "alice: hi\n"}, so a diff shows every byte. */
    static String of(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder shown = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                case '"' -> shown.append("\\\"");
                case '\\' -> shown.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == 0xFFFD || c == 0x2028 || c == 0x2029) {
                        shown.append(String.format("\\u%04X", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        });
        return shown.append('"').append(" (").append(bytes.length).append(" bytes)").toString();
    }
}
