package io.bramble.cluster.pcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one pcs command on a CIB, as {@code pcs -f FILE COMMAND…} does: the command's words
 * are looked up in a table (the longest match wins), the command edits its own copy of the
 * CIB, and a changed CIB comes back with its epoch one higher, for the caller to write.
 */
public final class Pcs {
    /** What one command does to the CIB being edited, given the words after its name. */
    @FunctionalInterface
    interface Command {
        void apply(Edit edit, List<String> words);
    }

    /** pcs's message for a command it runs only against the live cluster. */
    static final String NO_FILE = "Specified option '-f' is not supported in this command";

    private static final Map<List<String>, Command> COMMANDS = commands();

    private Pcs() {
    }

    private static Map<List<String>, Command> commands() {
        Map<List<String>, Command> c = new LinkedHashMap<>();
        c.put(List.of("config"), ConfigListing::show);
        c.put(List.of("config", "show"), ConfigListing::show);
        c.put(List.of("property"), PropertyCommands::config);
        c.put(List.of("property", "config"), PropertyCommands::config);
        c.put(List.of("property", "set"), PropertyCommands::set);
        c.put(List.of("property", "unset"), PropertyCommands::unset);
        c.put(List.of("resource", "create"), ResourceCreate::resource);
        c.put(List.of("resource", "delete"), ResourceEdits::delete);
        c.put(List.of("resource", "remove"), ResourceEdits::delete);
        c.put(List.of("resource", "enable"), ResourceEdits::enable);
        c.put(List.of("resource", "manage"), ManageCommands::manage);
        c.put(List.of("resource", "unmanage"), ManageCommands::unmanage);
        c.put(List.of("resource", "disable"), ResourceEdits::disable);
        c.put(List.of("resource", "meta"), ResourceEdits::meta);
        c.put(List.of("resource", "update"), ResourceUpdate::update);
        c.put(List.of("resource", "op", "add"), OperationCommands::add);
        c.put(List.of("resource", "op", "delete"), OperationCommands::delete);
        c.put(List.of("resource", "op", "remove"), OperationCommands::delete);
        c.put(List.of("resource", "group", "add"), GroupCommands::add);
        c.put(List.of("resource", "group", "remove"), GroupCommands::remove);
        c.put(List.of("resource", "ungroup"), GroupCommands::remove);
        c.put(List.of("resource", "defaults"), DefaultsCommands::resource);
        c.put(List.of("resource", "defaults", "update"), DefaultsCommands::resourceUpdate);
        c.put(List.of("resource", "op", "defaults"), DefaultsCommands::operation);
        c.put(List.of("resource", "op", "defaults", "update"),
                DefaultsCommands::operationUpdate);
        c.put(List.of("resource", "move"), Pcs::liveOnly);
        c.put(List.of("resource", "ban"), MoveConstraints::ban);
        c.put(List.of("resource", "clear"), MoveConstraints::clear);
        c.put(List.of("resource", "config"), ResourceConfig::show);
        c.put(List.of("resource", "standards"), AgentWords::standards);
        c.put(List.of("resource", "providers"), AgentWords::providers);
        c.put(List.of("resource", "agents"), AgentWords::agents);
        c.put(List.of("resource", "list"), AgentWords::list);
        c.put(List.of("resource", "describe"), AgentWords::describe);
        c.put(List.of("stonith", "describe"), AgentWords::stonithDescribe);
        c.put(List.of("stonith", "create"), ResourceCreate::stonith);
        c.put(List.of("stonith", "config"), ResourceConfig::stonith);
        c.put(List.of("stonith", "delete"), ResourceEdits::delete);
        c.put(List.of("stonith", "remove"), ResourceEdits::delete);
        c.put(List.of("constraint"), ConstraintListing::list);
        c.put(List.of("constraint", "config"), ConstraintListing::list);
        c.put(List.of("constraint", "location"), ConstraintCommands::location);
        c.put(List.of("constraint", "colocation", "add"), ConstraintCommands::colocationAdd);
        c.put(List.of("constraint", "order"), ConstraintCommands::order);
        c.put(List.of("constraint", "remove"), ConstraintCommands::remove);
        c.put(List.of("constraint", "delete"), ConstraintCommands::remove);
        c.put(List.of("constraint", "ref"), ConstraintReferences::ref);
        c.put(List.of("node", "standby"), NodeStandby::standby);
        c.put(List.of("node", "unstandby"), NodeStandby::unstandby);
        return c;
    }

    /** The commands about the installed agents, which read no CIB. */
    private static final java.util.Set<List<String>> AGENT_COMMANDS = java.util.Set.of(
            List.of("resource", "standards"), List.of("resource", "providers"),
            List.of("resource", "agents"), List.of("resource", "list"),
            List.of("resource", "describe"), List.of("stonith", "describe"));

    /**
     * Whether {@code words} ask about the agents installed here ({@code resource describe},
     * {@code agents}...): they need no cluster, so any machine answers them.
     */
    public static boolean asksAboutAgents(List<String> words) {
        return AGENT_COMMANDS.stream().anyMatch(k -> k.size() <= words.size()
                && words.subList(0, k.size()).equals(k));
    }

    /** The command words bramble knows, for help texts ({@code resource create}...). */
    public static List<String> commandNames() {
        return COMMANDS.keySet().stream().map(k -> String.join(" ", k)).toList();
    }

    /**
     * Runs {@code options.words()} on {@code cib} (left as it is). Refusals come back as
     * {@code Error: } lines and exit code 1, as pcs prints them.
     */
    public static PcsResult run(PcsOptions options, CibElement cib, AgentSource agents) {
        List<String> words = options.words();
        Optional<List<String>> name = COMMANDS.keySet().stream()
                .filter(k -> k.size() <= words.size() && words.subList(0, k.size()).equals(k))
                .max(java.util.Comparator.comparingInt(List::size));
        if (name.isEmpty()) {
            return refused(List.of("'pcs " + String.join(" ", words.subList(0,
                    Math.min(2, words.size()))) + "' is not supported by bramble; supported: "
                    + String.join(", ", commandNames())), List.of());
        }
        Edit edit = new Edit(cib.copy(), options, agents);
        options.value(PcsOptions.BARE_NEGATIVE).ifPresent(n -> edit.err.add(
                String.format(PcsOptions.BARE_NEGATIVE_WARNING, n)));
        try {
            COMMANDS.get(name.get()).apply(edit, words.subList(name.get().size(),
                    words.size()));
        } catch (PcsException e) {
            return refused(e.errors(), edit.err);
        }
        if (!edit.isChanged()) {
            return new PcsResult(Optional.empty(), edit.out, edit.err, 0);
        }
        long epoch = edit.cib.attribute("epoch").map(Pcs::number).orElse(0L);
        edit.cib.set("epoch", Long.toString(epoch + 1));
        return new PcsResult(Optional.of(edit.cib), edit.out, edit.err, 0);
    }

    private static PcsResult refused(List<String> errors, List<String> before) {
        List<String> err = new ArrayList<>(before);
        errors.forEach(e -> err.add("Error: " + e));
        return new PcsResult(Optional.empty(), List.of(), err, 1);
    }

    private static void liveOnly(Edit edit, List<String> words) {
        throw new PcsException(NO_FILE);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
