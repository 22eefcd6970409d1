package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Small readings of TensorBoard's JSON answers that every dashboard test needs.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class Json {

    private Json() {
    }

    /** The field names of an object, in the answer's order. */
    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The elements of an array as text. */
    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** One column of an array of arrays (e.g. the step of {@code [wall_time, step, value]} rows), as longs. */
    static List<Long> longs(JsonNode rows, int column) {
        List<Long> longs = new ArrayList<>();
        rows.forEach(n -> longs.add(n.get(column).asLong()));
        return longs;
    }

    /** One field of each object of an array, as longs. */
    static List<Long> longs(JsonNode array, String field) {
        List<Long> longs = new ArrayList<>();
        array.forEach(n -> longs.add(n.get(field).asLong()));
        return longs;
    }
}
