package io.bramble.cluster.pcs;

import java.util.ArrayList;
import java.util.List;

/**
 * One command at work: its own copy of the CIB, its options, the agents, and the lines it
 * prints. A command that changes the CIB says so ({@link #changed}), so that the file is
 * written back with its epoch moved on, as pcs's push does.
 */
final class Edit {
    final CibElement cib;
    final PcsOptions options;
    final AgentSource agents;
    final List<String> out = new ArrayList<>();
    final List<String> err = new ArrayList<>();
    private boolean changed;

    Edit(CibElement cib, PcsOptions options, AgentSource agents) {
        this.cib = cib;
        this.options = options;
        this.agents = agents;
    }

    /** This command seen with {@code --group GROUP} among its options. */
    Edit withGroup(String group) {
        var values = new java.util.HashMap<>(options.values());
        values.put("--group", group);
        Edit view = new Edit(cib, new PcsOptions(options.words(), options.file(),
                options.flags(), values), agents);
        return view;
    }

    /** The same command on the same CIB with {@code --full}, printing lines of its own. */
    Edit withFull() {
        var flags = new java.util.HashSet<>(options.flags());
        flags.add("--full");
        return new Edit(cib, new PcsOptions(options.words(), options.file(), flags,
                options.values()), agents);
    }

    void changed() {
        changed = true;
    }

    boolean isChanged() { return changed; }

    void warn(String warning) {
        err.add("Warning: " + warning);
    }

    boolean force() {
        return options.has("--force");
    }

    /** {@code configuration/NAME}, appended when the CIB has none (as pcs adds sections). */
    CibElement section(String name) {
        return cib.childOrAppend("configuration").childOrAppend(name);
    }

    /** The primitive with this id; pcs's error when there is none. */
    CibElement primitive(String id) {
        return resource(id).filter(r -> r.name().equals("primitive"))
                .orElseThrow(() -> new PcsException("Unable to find resource: " + id));
    }

    /** The resource (primitive, group, clone) with this id, if the CIB has it. */
    java.util.Optional<CibElement> resource(String id) {
        return section("resources").descendants().stream()
                .filter(e -> Resources.KINDS.contains(e.name()) && e.get("id").equals(id))
                .findFirst();
    }
}
