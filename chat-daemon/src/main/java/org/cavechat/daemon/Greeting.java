package org.cavechat.daemon;

/** The two spellings of the greeting found in the wild; the default is the repository's. */
public enum Greeting {
    /** The repository's {@code chat_serv.py}: 60 bytes, with a space after {@code cave!}. */
    REPOSITORY("Greetings from the cave! Now type your name and press enter!"),
    /** The article's listing: 59 bytes, no space after {@code cave!}. */
    ARTICLE("Greetings from the cave!Now type your name and press enter!");

    private final String text;

    Greeting(String text) {
        this.text = text;
    }

    /** The exact greeting text, without any framing. */
    public String text() {
        return text;
    }
}
