package io.bramble.pool.node;

import io.bramble.common.error.UserError;
import io.bramble.pool.member.Member;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.store.Versioned;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a client command line on the node: the gluster grammar for peers and the pool. The
 * words after {@code bramble} (or {@code gluster}) arrive as they were typed.
 */
public final class NodeCommands {
    /** The first words the pool runs itself; other modules add theirs with a CommandSet. */
    static final Set<String> POOL_WORDS = Set.of("peer", "node", "pool");

    private NodeCommands() {
    }

    public static CommandReply run(PoolNode node, List<String> args) {
        try {
            return dispatch(node, args);
        } catch (CommandFailure e) {
            return new CommandReply(UserError.EXIT_RUNTIME, "", e.getMessage() + "\n");
        } catch (StoreException e) {
            return new CommandReply(UserError.EXIT_RUNTIME, "", words(args) + ": failed: "
                    + e.getMessage() + "\n");
        } catch (RuntimeException e) {
            return new CommandReply(UserError.EXIT_RUNTIME, "", words(args) + ": failed: " + e
                    + "\n");
        }
    }

    private static String words(List<String> args) {
        return String.join(" ", args.subList(0, Math.min(2, args.size())));
    }

    private static CommandReply dispatch(PoolNode node, List<String> args) {
        if (!args.isEmpty() && !POOL_WORDS.contains(args.getFirst())) {
            var added = node.commandsFor(args.getFirst());
            if (added.isPresent()) {
                return added.get().run(node, args);
            }
        }
        String joined = String.join(" ", args.subList(0, Math.min(2, args.size())));
        int n = args.size();
        return switch (joined) {
            case "peer probe", "node probe" -> {
                usage(n == 3, "peer probe HOST");
                String hint = args.getFirst().equals("node")
                        ? "note: 'node probe' is"
                                + " 'peer probe' in the gluster grammar\n"
                        : "";
                yield new CommandReply(0, node.probe(args.get(2)) + "\n", hint);
            }
            case "peer detach" -> {
                usage(n == 3 || (n == 4 && args.get(3).equals("force")),
                        "peer detach HOST [force]");
                yield ok(node.detach(args.get(2), n == 4) + "\n");
            }
            case "peer status" -> {
                usage(n == 2, "peer status");
                List<Member> peers = node.members().peersOf(node.id());
                yield new CommandReply(0, PeerStatusText.render(peers, node::state),
                        twoNodeNote(node));
            }
            case "pool list" -> {
                usage(n == 2, "pool list");
                yield ok(PoolListText.render(node.members().peersOf(node.id()), node.id(),
                        node::state));
            }
            case "pool set" -> {
                usage(n == 4, "pool set KEY VALUE");
                yield ok(set(node, args.get(2), args.get(3)));
            }
            case "pool get" -> {
                usage(n == 2 || n == 3, "pool get [KEY]");
                yield ok(get(node, n == 3 ? args.get(2) : null));
            }
            default -> new CommandReply(UserError.EXIT_USAGE, "", "unknown command '"
                    + String.join(" ", args) + "'; expected peer probe|status|detach, pool"
                    + " list|set|get" + node.addedWords().stream().map(w -> ", " + w)
                            .collect(Collectors.joining())
                    + "\n");
        };
    }

    private static CommandReply ok(String out) {
        return new CommandReply(0, out, "");
    }

    private static void usage(boolean holds, String form) {
        if (!holds) {
            throw new CommandFailure("Usage: " + form);
        }
    }

    /** What a two-node pool without a witness cannot do, said where users look. */
    private static String twoNodeNote(PoolNode node) {
        var members = node.members();
        if (members.size() != 2 || members.hasWitness()) {
            return "";
        }
        return "note: this pool has two members and no witness: while either is down the"
                + " other can read but change nothing (no majority). Add a witness"
                + " ('bramble node --witness' on a third machine, then 'peer probe' it).\n";
    }

    private static String set(PoolNode node, String key, String value) {
        if (key.length() > PoolOptions.KEY_CHARS_MAX
                || value.length() > PoolOptions.VALUE_CHARS_MAX) {
            throw new CommandFailure("pool set: failed: a key is at most "
                    + PoolOptions.KEY_CHARS_MAX + " characters, a value at most "
                    + PoolOptions.VALUE_CHARS_MAX);
        }
        ClusterStore store = node.store().orElseThrow(() -> new CommandFailure(
                "pool set: failed: this node is in no pool yet; probe a peer first"));
        try {
            Versioned<String> written = store.put(PoolOptions.TYPE, key, value,
                    ClusterStore.ANY);
            return "pool set: success: " + key + " = " + value + " (version "
                    + written.version() + ")\n";
        } catch (StoreException e) {
            throw new CommandFailure("pool set: failed: " + e.getMessage());
        }
    }

    private static String get(PoolNode node, String key) {
        if (node.store().isEmpty()) {
            return "";
        }
        ClusterStore store = node.store().get();
        StringBuilder out = new StringBuilder();
        for (Versioned<String> option : store.list(PoolOptions.TYPE)) {
            if (key == null || option.key().equals(key)) {
                out.append(option.key()).append(": ").append(option.value()).append('\n');
            }
        }
        if (key != null && out.isEmpty()) {
            throw new CommandFailure("pool get: failed: no option " + key);
        }
        return out.toString();
    }
}
