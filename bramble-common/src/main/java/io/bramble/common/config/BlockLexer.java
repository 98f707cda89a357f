package io.bramble.common.config;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads keepalived-style files into a tree of {@link ConfigBlock}s.
 * <ul>
 * <li>a statement is the words of one line; {@code #} or {@code !} outside double quotes
 * begins a comment, also in the middle of a word;
 * <li>a line starting {@code @NAME} or {@code @^NAME} is read only for the configuration id
 * NAME, or only for the others (see {@link ConditionalLine});
 * <li>{@code {} and {@code }} may stand anywhere: after the keyword, alone on the next line,
 * or glued to a word; a {@code {} gives its block to the statement just before it;
 * <li>{@code "double quoted"} text is one word ({@code \"} and {@code \\} inside);
 * <li>{@code include GLOB} is replaced by the statements of the matching files, in name
 * order, resolved against the including file's directory (see {@link Includes}).
 * </ul>
 * Each file must balance its own braces. Errors name file and line; lexing goes on.
 */
public final class BlockLexer {
    /** Largest file read. */
    public static final long FILE_BYTES_MAX = 16L * 1024 * 1024;
    /** Deepest nesting of braces accepted. */
    public static final int NESTING_DEPTH_MAX = 32;

    private final Diagnostics diagnostics;
    private final String configId;
    private final Includes includes;

    /** A lexer for whom no {@code @NAME} line applies and every {@code @^NAME} line does. */
    public BlockLexer(Diagnostics diagnostics) {
        this(diagnostics, "");
    }

    /** A lexer that reads the conditional lines written for {@code configId}. */
    public BlockLexer(Diagnostics diagnostics, String configId) {
        this.diagnostics = diagnostics;
        this.configId = configId;
        this.includes = new Includes(diagnostics, this::parseFile);
    }

    /** Reads a file; it is named in messages as {@code path} is written. */
    public List<ConfigBlock> parse(Path path) {
        return includes.root(path);
    }

    /**
     * Parses {@code text} named {@code fileName}; includes resolve against {@code directory}
     * (null: relative includes are resolved against the current directory).
     */
    public List<ConfigBlock> parse(String fileName, String text, Path directory) {
        return includes.rootText(fileName, text, directory);
    }

    private List<ConfigBlock> parseFile(String fileName, String text, Path directory) {
        // This file's own messages are reported in line order, whichever pass found them.
        Diagnostics local = new Diagnostics();
        List<BlockToken> tokens = new BlockTokenizer(fileName, local, configId).tokens(text);
        Node root = build(fileName, tokens, local);
        local.inLineOrder().all().forEach(diagnostics::add);
        return freeze(root, directory);
    }

    /** A statement being built; frozen into a {@link ConfigBlock} at the end. */
    private static final class Node {
        final Location where;
        final List<String> words = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        boolean hasBlock;

        Node(Location where) {
            this.where = where;
        }
    }

    private static Node build(String fileName, List<BlockToken> tokens,
            Diagnostics diagnostics) {
        Node root = new Node(new Location(fileName, 1));
        Deque<Node> open = new ArrayDeque<>();
        open.push(root);
        Node statement = null;
        int statementLine = -1;
        for (BlockToken token : tokens) {
            switch (token.kind()) {
                case WORD -> {
                    if (statement == null || token.line() != statementLine
                            || statement.hasBlock) {
                        statement = new Node(new Location(fileName, token.line()));
                        statementLine = token.line();
                        open.peek().children.add(statement);
                    }
                    statement.words.add(token.text());
                }
                case OPEN -> {
                    Node owner = lastStatement(open.peek());
                    if (owner == null || owner.hasBlock) {
                        error(diagnostics, fileName, token.line(), "{",
                                "expected a keyword before '{', got none");
                        owner = new Node(new Location(fileName, token.line()));
                        owner.words.add("{");
                        open.peek().children.add(owner);
                    }
                    if (open.size() > NESTING_DEPTH_MAX) {
                        error(diagnostics, fileName, token.line(), owner.words.getFirst(),
                                "blocks nest deeper than " + NESTING_DEPTH_MAX);
                    }
                    owner.hasBlock = true;
                    open.push(owner);
                    statement = null;
                }
                case CLOSE -> {
                    if (open.size() == 1) {
                        error(diagnostics, fileName, token.line(), "}",
                                "unexpected '}': no block is open here");
                    } else {
                        open.pop();
                    }
                    statement = null;
                }
            }
        }
        while (open.size() > 1) {
            Node unclosed = open.pop();
            error(diagnostics, fileName, unclosed.where.line(), unclosed.words.getFirst(),
                    "missing '}' for the block opened here");
        }
        return root;
    }

    private static Node lastStatement(Node parent) {
        if (parent.children.isEmpty()) {
            return null;
        }
        return parent.children.getLast();
    }

    private List<ConfigBlock> freeze(Node parent, Path directory) {
        List<ConfigBlock> out = new ArrayList<>();
        for (Node node : parent.children) {
            if (node.words.getFirst().equals("include") && !node.hasBlock) {
                out.addAll(includes.expand(node.where, node.words, directory));
                continue;
            }
            out.add(new ConfigBlock(node.where, node.words,
                    freeze(node, directory), node.hasBlock));
        }
        return out;
    }

    private static void error(Diagnostics diagnostics, String fileName, int line,
            String keyword, String message) {
        diagnostics.error(new Location(fileName, line), keyword, message);
    }
}
