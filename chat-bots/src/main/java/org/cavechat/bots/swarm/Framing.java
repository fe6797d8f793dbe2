package org.cavechat.bots.swarm;

/**
 * How a swarm bot frames what it sends. LINE ends the name and every message with {@code \n} and is what
 * CaveChat is measured with; LEGACY sends bare chunks like the original clients, for the original server,
 * and joins one bot at a time because the original cannot take concurrent joins.
 */
enum Framing {
    LINE, LEGACY;

    byte[] terminator() {
        return this == LINE ? new byte[] {'\n'} : new byte[0];
    }
}
