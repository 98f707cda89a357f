package io.bramble.lb.config;

/**
 * A userlist user's password: a crypt(3) hash ({@code password HASH}) or clear text
 * ({@code insecure-password PASS}). Neither is ever shown: {@code toString} hides it.
 */
public sealed interface UserPassword {
    /** {@code password HASH}: one of the {@link CryptHash} formats bramble checks. */
    record Hashed(String hash) implements UserPassword {
        @Override
        public String toString() {
            return "Hashed[***]";
        }
    }

    /** {@code insecure-password PASS}: compared as written. */
    record Clear(String text) implements UserPassword {
        @Override
        public String toString() {
            return "Clear[***]";
        }
    }
}
