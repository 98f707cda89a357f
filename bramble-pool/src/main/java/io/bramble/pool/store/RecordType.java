package io.bramble.pool.store;

import io.bramble.common.check.Checks;
import java.util.regex.Pattern;

/**
 * A kind of record in the store, such as {@code volume} or {@code resource}: its name (the
 * namespace of its keys) and how its values are encoded. Types whose name starts with
 * {@code pool.} belong to the pool itself and are the only ones a witness keeps.
 */
public record RecordType<T>(String name, RecordCodec<T> codec) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    public RecordType {
        Checks.argument(NAME.matcher(name).matches(), "bad record type name '" + name + "'");
    }

    /** Whether records of this type are the pool's own (kept by witnesses too). */
    public static boolean isPoolType(String name) {
        return name.startsWith("pool.");
    }
}
