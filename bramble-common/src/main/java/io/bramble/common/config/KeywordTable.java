package io.bramble.common.config;

import io.bramble.common.check.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keywords of one config section, each with the handler that reads its arguments into a
 * target {@code T}, in the manner of haproxy's {@code cfg_keyword} lists and keepalived's
 * keyword tree. Multi-word keywords ({@code timeout connect}, {@code stats enable},
 * {@code http-request set-header}) live in sub-tables matched on the next word.
 * <p>
 * Real keywords bramble does not implement are registered as {@link #unsupported} (an error,
 * never silent acceptance) or {@link #warnOnly} (accepted with a warning). A line whose
 * handler fails is recorded and dispatch goes on, so every error shows in one run. What a
 * repeated keyword means is up to its handler.
 *
 * @param <T> what the handlers fill in
 */
public final class KeywordTable<T> {
    /** Reads one line's arguments into the target. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(T target, Args args);
    }

    private sealed interface Entry<T> {
    }

    private record Handle<T>(Handler<T> handler) implements Entry<T> {}

    private record Sub<T>(KeywordTable<T> table) implements Entry<T> {}

    private record Unsupported<T>(String hint) implements Entry<T> {}

    private record WarnOnly<T>(String why) implements Entry<T> {}

    private final String context;
    private final Map<String, Entry<T>> entries = new LinkedHashMap<>();
    private final Map<String, Entry<T>> prefixes = new LinkedHashMap<>();

    /** @param context where these keywords live, for messages: "the 'global' section" */
    public KeywordTable(String context) {
        this.context = context;
    }

    /** Registers a keyword; several space-separated words make a multi-word keyword. */
    public KeywordTable<T> keyword(String name, Handler<T> handler) {
        return put(name, new Handle<>(handler));
    }

    /** A real keyword bramble does not support: an error naming it, and {@code hint}. */
    public KeywordTable<T> unsupported(String name, String hint) {
        return put(name, new Unsupported<>(hint));
    }

    /**
     * Every keyword starting with {@code prefix} ({@code tune.}) is real but not supported,
     * unless registered on its own. The prefix may follow the words of a multi-word keyword
     * ({@code http-request lua.}), which must be registered first.
     */
    public KeywordTable<T> unsupportedPrefix(String prefix, String hint) {
        String[] words = prefix.trim().split("\\s+");
        KeywordTable<T> table = this;
        for (int i = 0; i < words.length - 1; i++) {
            if (!(table.entries.get(words[i]) instanceof Sub<T>(KeywordTable<T> sub))) {
                throw new IllegalStateException("register a keyword starting with '"
                        + words[i] + "' before the prefix '" + prefix + "'");
            }
            table = sub;
        }
        table.prefixes.put(words[words.length - 1], new Unsupported<>(hint));
        return this;
    }

    /** A keyword accepted with one warning saying {@code why} it has no effect. */
    public KeywordTable<T> warnOnly(String name, String why) {
        return put(name, new WarnOnly<>(why));
    }

    /** Every keyword, multi-word ones spelled out, in registration order. */
    public List<String> keywords() {
        List<String> out = new ArrayList<>();
        entries.forEach((word, entry) -> {
            if (entry instanceof Sub<T>(KeywordTable<T> table)) {
                table.keywords().forEach(sub -> out.add(word + " " + sub));
            } else {
                out.add(word);
            }
        });
        return out;
    }

    /** Whether {@code name} (possibly multi-word) is registered in any form. */
    public boolean knows(String name) {
        return keywords().contains(name);
    }

    /** Runs the handler of {@code line}'s keyword; errors go to {@code diagnostics}. */
    public void dispatch(T target, ConfigLine line, Diagnostics diagnostics) {
        dispatch(target, line, List.of(), false, diagnostics);
    }

    /** Runs the handler of a keepalived statement; it may read the statement's block. */
    public void dispatch(T target, ConfigBlock statement, Diagnostics diagnostics) {
        dispatch(target, statement.line(), statement.children(), statement.hasBlock(),
                diagnostics);
    }

    /** Dispatches each statement in order. */
    public void dispatchAll(T target, List<ConfigBlock> statements, Diagnostics diagnostics) {
        for (ConfigBlock statement : statements) {
            dispatch(target, statement, diagnostics);
        }
    }

    private void dispatch(T target, ConfigLine line, List<ConfigBlock> block, boolean hasBlock,
            Diagnostics diagnostics) {
        Lookup<T> found = lookup(line.words());
        Location where = line.where();
        String keyword = String.join(" ", line.words().subList(0, found.words()));
        switch (found.entry()) {
            case null -> diagnostics.error(where, keyword, found.problem());
            case Unsupported<T>(String hint) -> diagnostics.error(where, keyword,
                    notSupported(hint));
            case WarnOnly<T>(String why) -> diagnostics.warning(where, keyword, why);
            case Handle<T>(Handler<T> handler) -> run(target, handler,
                    new Args(line, found.words(), diagnostics, block, hasBlock));
            case Sub<T> sub -> throw new IllegalStateException("lookup ends on a handler");
        }
    }

    private void run(T target, Handler<T> handler, Args args) {
        try {
            handler.handle(target, args);
            if (args.hasBlock() && !args.blockRead()) {
                args.error("unexpected { } block: '" + args.keyword() + "' takes none");
            }
        } catch (ConfigError | IllegalArgumentException e) {
            args.error(e.getMessage());
        }
    }

    /**
     * Reads the remaining words of {@code args} as options from this table, each option
     * reading its own values from the same cursor: {@code server web1 ADDR check inter 2s}.
     * Throws a {@link ConfigError} at the first unknown or unsupported option; warn-only
     * options give their warning.
     */
    public void applyOptions(T target, Args args) {
        while (args.hasNext()) {
            String word = args.next("an option");
            Entry<T> entry = entryFor(word);
            switch (entry) {
                case null -> throw args.fail("unknown option " + Args.quote(word) + " in "
                        + context + Suggestions.didYouMean(word, entries.keySet()));
                case Unsupported<T>(String hint) -> throw args.fail(
                        "option " + Args.quote(word) + " is " + notSupported(hint));
                case WarnOnly<T>(String why) -> args.warning(
                        "option " + Args.quote(word) + ": " + why);
                case Handle<T>(Handler<T> handler) -> handler.handle(target, args);
                case Sub<T> sub -> throw new IllegalStateException(
                        "options are single words, '" + word + "' is not");
            }
        }
    }

    private static String notSupported(String hint) {
        return "not supported by bramble" + (hint == null || hint.isEmpty() ? "" : "; " + hint);
    }

    /** The entry found and how many words named it, or null with the problem to report. */
    private record Lookup<T>(Entry<T> entry, int words, String problem) {}

    /** Choices listed in "expected one of" messages before the list is cut. */
    private static final int LISTED_CHOICES_MAX = 12;

    private Lookup<T> lookup(List<String> words) {
        KeywordTable<T> table = this;
        for (int i = 0;; i++) {
            Entry<T> entry = table.entryFor(words.get(i));
            String typed = String.join(" ", words.subList(0, i + 1));
            if (entry == null) {
                // Only keywords that start with the words already matched are offered: 'no
                // option X' is never answered with 'option X', which means the opposite.
                String matched = i == 0 ? "" : String.join(" ", words.subList(0, i)) + " ";
                List<String> candidates = keywords().stream().filter(k -> k.startsWith(matched))
                        .toList();
                return new Lookup<>(null, i + 1, "unknown keyword in " + context
                        + Suggestions.didYouMean(typed, candidates));
            }
            if (!(entry instanceof Sub<T>(KeywordTable<T> sub))) {
                return new Lookup<>(entry, i + 1, null);
            }
            if (i + 1 >= words.size()) {
                return new Lookup<>(null, i + 1, "expected one of " + sub.listing()
                        + " after '" + typed + "', got nothing");
            }
            table = sub;
        }
    }

    private Entry<T> entryFor(String word) {
        Entry<T> entry = entries.get(word);
        if (entry != null) {
            return entry;
        }
        for (Map.Entry<String, Entry<T>> prefix : prefixes.entrySet()) {
            if (word.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        // HAProxy keywords may carry an argument in parentheses: set-var(txn.x),
        // sc-inc-gpc0(0). A handler registered as NAME() takes any argument, which it reads
        // from the keyword as written; an unsupported one is named as written; a handler
        // registered as NAME alone is not matched this way, not being written for one.
        int open = word.indexOf('(');
        if (open > 0 && word.endsWith(")")) {
            Entry<T> withArgument = entries.get(word.substring(0, open) + "()");
            if (withArgument != null) {
                return withArgument;
            }
            if (entries.get(word.substring(0, open)) instanceof Unsupported<T> unsupported) {
                return unsupported;
            }
        }
        return null;
    }

    /** The keywords of this table that do something: unsupported ones are not offered. */
    private String listing() {
        List<String> names = entries.entrySet().stream()
                .filter(e -> !(e.getValue() instanceof Unsupported<T>))
                .map(Map.Entry::getKey).toList();
        if (names.size() <= LISTED_CHOICES_MAX) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED_CHOICES_MAX)) + ", ...";
    }

    private KeywordTable<T> put(String name, Entry<T> entry) {
        String[] words = name.trim().split("\\s+");
        KeywordTable<T> table = this;
        for (int i = 0; i < words.length - 1; i++) {
            Entry<T> existing = table.entries.get(words[i]);
            if (existing == null) {
                KeywordTable<T> sub = new KeywordTable<>(context);
                table.entries.put(words[i], new Sub<>(sub));
                table = sub;
            } else if (existing instanceof Sub<T>(KeywordTable<T> sub)) {
                table = sub;
            } else {
                throw new IllegalStateException("'" + words[i] + "' is both a keyword and "
                        + "the start of '" + name + "'");
            }
        }
        String last = words[words.length - 1];
        Checks.argument(!table.entries.containsKey(last), "keyword '" + name
                + "' registered twice");
        table.entries.put(last, entry);
        return this;
    }
}
