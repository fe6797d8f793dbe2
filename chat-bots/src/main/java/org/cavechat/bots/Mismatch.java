package org.cavechat.bots;

/** What a failed step expected and what actually happened, both ready to print. */
record Mismatch(String expected, String actual) {
}
