package org.cavechat.bots.swarm;

import java.util.Map;

/** Looks values up in what {@link Json#parse} returned, so the tests read like the summary's own keys. */
final class JsonReader {
    private JsonReader() {}

    /** Follows a dotted path of object keys, e.g. {@code delivery.lost}. */
    @SuppressWarnings("unchecked")
    static Object path(Object json, String path) {
        Object current = json;
        for (String key : path.split("\\.(?=[a-zA-Z])")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new AssertionError("no " + path + " in " + json);
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }
}
