package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsNestedObjectsArraysAndLiteralsInOrder() {
        Object value = Json.parse(" {\"b\": [1, -2.5e3, true, false, null], \"a\": {\"x\": \"y\"}, \"e\": []} ");

        Map<?, ?> object = (Map<?, ?>) value;
        assertEquals(List.of("b", "a", "e"), List.copyOf(object.keySet()));
        assertEquals(java.util.Arrays.asList(1.0, -2500.0, true, false, null), object.get("b"));
        assertEquals(Map.of("x", "y"), object.get("a"));
        assertEquals(List.of(), object.get("e"));
    }

    @Test
    void decodesEveryStringEscape() {
        assertEquals("q\" b\\ s/ \b\f\n\r\t é", Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\""));
    }

    @Test
    void readsNullAsNullAndAnEmptyObjectAsEmpty() {
        assertNull(Json.parse("null"));
        assertEquals(Map.of(), Json.parse("{}"));
    }

    @Test
    void reportsWhereMalformedJsonStops() {
        IllegalArgumentException missingColon = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{\"a\" 1}"));
        assertEquals("JSON: expected ':' at offset 5", missingColon.getMessage());
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
        assertEquals("JSON: unexpected text after the value at offset 4", trailing.getMessage());
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> Json.parse("\"abc"));
        assertEquals("JSON: unterminated string at offset 4", open.getMessage());
    }
}
