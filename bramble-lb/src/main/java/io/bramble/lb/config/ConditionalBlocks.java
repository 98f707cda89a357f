package io.bramble.lb.config;

import io.bramble.common.config.ConfigLine;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * HAProxy's conditional blocks: {@code .if COND}, {@code .elif COND}, {@code .else},
 * {@code .endif}, nested, with the conditions of {@link ConditionalExpression}. Lines in a
 * branch not taken are dropped before any section reads them, and so are the lexer's messages
 * about them. {@code .warning "TEXT"} gives a warning and {@code .alert "TEXT"} an error, as
 * HAProxy's; {@code .notice} and {@code .diag} print nothing.
 */
final class ConditionalBlocks {
    /** Blocks open at once; HAProxy allows a little more, no real file comes near. */
    static final int NESTING_MAX = 32;

    /** One open {@code .if}: whether a branch was taken yet, and whether lines are kept now. */
    private static final class Block {
        final Location opened;
        final boolean outerKept;
        boolean taken;
        boolean kept;
        boolean sawElse;

        Block(Location opened, boolean outerKept) {
            this.opened = opened;
            this.outerKept = outerKept;
        }
    }

    /** Lines dropped, as a first and last line of one file, both included. */
    private record Span(String file, int firstLine, int lastLine) {
        boolean contains(Location where) {
            return where.file().equals(file) && where.line() >= firstLine
                    && where.line() <= lastLine;
        }
    }

    private final Map<String, String> environment;
    private final Diagnostics diagnostics;
    private final Deque<Block> open = new ArrayDeque<>();
    private final List<Span> dropped = new ArrayList<>();

    /**
     * @param environment what {@code defined()} sees
     * @param diagnostics where mistakes in the directives go
     */
    ConditionalBlocks(Map<String, String> environment, Diagnostics diagnostics) {
        this.environment = environment;
        this.diagnostics = diagnostics;
    }

    /** The lines that stand, in order; directive lines are never among them. */
    List<ConfigLine> keep(List<ConfigLine> lines) {
        List<ConfigLine> kept = new ArrayList<>();
        Location previous = null;
        for (ConfigLine line : lines) {
            boolean keptBefore = keeping();
            if (isDirective(line.keyword())) {
                directive(line, keptBefore);
            } else if (keptBefore) {
                kept.add(line);
            }
            if (!keptBefore && previous != null) {
                int last = line.where().line() - (isDirective(line.keyword()) ? 1 : 0);
                dropped.add(new Span(line.where().file(), previous.line() + 1, last));
            }
            previous = line.where();
        }
        if (!keeping() && previous != null) {
            dropped.add(new Span(previous.file(), previous.line() + 1, Integer.MAX_VALUE));
        }
        for (Block block : open) {
            diagnostics.error(block.opened, ".if", "this '.if' has no '.endif'");
        }
        return kept;
    }

    /** True when {@code where} is a line of a branch not taken (other than directives). */
    boolean dropped(Location where) {
        return dropped.stream().anyMatch(span -> span.contains(where));
    }

    private boolean keeping() {
        return open.isEmpty() || open.peek().kept;
    }

    private static boolean isDirective(String keyword) {
        return switch (keyword) {
            case ".if", ".elif", ".else", ".endif", ".warning", ".alert", ".notice", ".diag" ->
                true;
            default -> false;
        };
    }

    private void directive(ConfigLine line, boolean keptBefore) {
        String keyword = line.keyword();
        List<String> rest = line.words().subList(1, line.words().size());
        Location where = line.where();
        if (!keptBefore && !keyword.equals(".if") && !keyword.equals(".elif")
                && !keyword.equals(".else") && !keyword.equals(".endif")) {
            return; // a message in a branch not taken
        }
        switch (keyword) {
            case ".if" -> openBlock(where, rest, keptBefore);
            case ".elif" -> elif(where, rest);
            case ".else" -> otherwise(where, rest);
            case ".endif" -> close(where, rest);
            case ".warning" -> diagnostics.warning(where, keyword, String.join(" ", rest));
            case ".alert" -> diagnostics.error(where, keyword, String.join(" ", rest));
            default -> {
                // .notice and .diag: HAProxy prints them at its notice and diagnostic levels,
                // which bramble's check does not show.
            }
        }
    }

    private void openBlock(Location where, List<String> condition, boolean outerKept) {
        if (open.size() >= NESTING_MAX) {
            diagnostics.error(where, ".if", "more than " + NESTING_MAX + " '.if' blocks "
                    + "nested");
        }
        Block block = new Block(where, outerKept);
        open.push(block);
        block.kept = outerKept && evaluate(where, ".if", condition);
        block.taken = block.kept;
    }

    private void elif(Location where, List<String> condition) {
        Block block = open.peek();
        if (block == null || block.sawElse) {
            diagnostics.error(where, ".elif", block == null
                    ? "'.elif' without '.if' above"
                    : "'.elif' after '.else'");
            return;
        }
        boolean value = block.outerKept && !block.taken && evaluate(where, ".elif", condition);
        block.kept = value;
        block.taken |= value;
    }

    private void otherwise(Location where, List<String> rest) {
        Block block = open.peek();
        if (block == null || block.sawElse) {
            diagnostics.error(where, ".else", block == null
                    ? "'.else' without '.if' above"
                    : "a second '.else' in one '.if' block");
            return;
        }
        if (!rest.isEmpty()) {
            diagnostics.error(where, ".else", "'.else' takes no condition; write '.elif "
                    + String.join(" ", rest) + "'");
        }
        block.sawElse = true;
        block.kept = block.outerKept && !block.taken;
        block.taken = true;
    }

    private void close(Location where, List<String> rest) {
        if (open.isEmpty()) {
            diagnostics.error(where, ".endif", "'.endif' without '.if' above");
            return;
        }
        if (!rest.isEmpty()) {
            diagnostics.error(where, ".endif", "'.endif' takes nothing after it");
        }
        open.pop();
    }

    private boolean evaluate(Location where, String keyword, List<String> condition) {
        try {
            return ConditionalExpression.evaluate(environment, String.join(" ", condition));
        } catch (IllegalArgumentException e) {
            diagnostics.error(where, keyword, e.getMessage());
            return false;
        }
    }
}
