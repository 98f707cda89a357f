package io.bramble.vrrp.config;

import java.util.List;

/**
 * A script to run: the program and its arguments (run directly, not through a shell), and the
 * user to run it as.
 *
 * @param words the program then its arguments; empty for no script
 * @param user {@code USER} or {@code USER:GROUP}; empty for the global script user
 */
public record Command(List<String> words, String user) {
    public static final Command NONE = new Command(List.of(), "");

    public Command {
        words = List.copyOf(words);
    }

    public boolean isEmpty() { return words.isEmpty(); }

    @Override
    public String toString() {
        return words + (user.isEmpty() ? "" : " as " + user);
    }
}
