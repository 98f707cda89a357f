package io.bramble.cluster.pcs;

import io.bramble.cluster.agent.AgentCatalog;
import io.bramble.cluster.agent.AgentDescription;
import io.bramble.cluster.agent.AgentException;
import io.bramble.cluster.agent.AgentName;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * pcs's words about the agents installed, which read no CIB: {@code resource standards},
 * {@code providers}, {@code agents [STD[:PROV]]}, {@code list [FILTER]}, {@code describe AGENT
 * [--full]} and {@code stonith describe AGENT [--full]}. Like pcs, they refuse {@code -f}.
 */
final class AgentWords {
    private AgentWords() {
    }

    static void standards(Edit edit, List<String> words) {
        noFile(edit);
        none(words, "pcs resource standards");
        edit.out.addAll(edit.agents.catalog().standards());
    }

    static void providers(Edit edit, List<String> words) {
        noFile(edit);
        none(words, "pcs resource providers");
        edit.out.addAll(edit.agents.catalog().providers());
    }

    static void agents(Edit edit, List<String> words) {
        noFile(edit);
        if (words.size() > 1) {
            throw new PcsException("usage: pcs resource agents [STANDARD[:PROVIDER]]");
        }
        edit.out.addAll(edit.agents.catalog().agents(words.stream().findFirst()));
    }

    /**
     * {@code pcs resource list [FILTER]}: the agents whose full name holds FILTER (any case),
     * by full name, each with its short description; an agent without valid meta-data is left
     * out with pcs's warning.
     */
    static void list(Edit edit, List<String> words) {
        noFile(edit);
        if (words.size() > 1) {
            throw new PcsException("usage: pcs resource list [FILTER]");
        }
        Optional<String> filter = words.stream().findFirst().map(f -> f.toLowerCase(
                Locale.ROOT));
        List<AgentName> agents = edit.agents.catalog().all().stream()
                .filter(a -> !a.isStonith())
                .filter(a -> filter.isEmpty() || a.fullName().toLowerCase(Locale.ROOT)
                        .contains(filter.get()))
                .sorted(Comparator.comparing(AgentName::fullName)).toList();
        for (AgentName agent : agents) {
            try {
                String shortdesc = edit.agents.metadata(agent).shortdesc().replace('\n', ' ');
                edit.out.add(shortdesc.isEmpty()
                        ? agent.fullName()
                        : agent.fullName() + " - " + shortdesc);
            } catch (AgentException e) {
                edit.warn(e.getMessage());
            }
        }
        if (edit.out.isEmpty()) {
            throw new PcsException(filter.isPresent()
                    ? "No resource agents matching the filter."
                    : "No resource agents available. Do you have resource agents installed?");
        }
    }

    static void describe(Edit edit, List<String> words) {
        noFile(edit);
        String typed = one(words, "pcs resource describe AGENT [--full]");
        AgentCatalog.Resolved resolved;
        try {
            resolved = edit.agents.catalog().resolve(typed);
        } catch (AgentException e) {
            throw new PcsException(e.getMessage());
        }
        resolved.note().ifPresent(edit.err::add);
        print(edit, resolved.name());
    }

    static void stonithDescribe(Edit edit, List<String> words) {
        noFile(edit);
        String typed = one(words, "pcs stonith describe AGENT [--full]");
        AgentName agent;
        try {
            agent = edit.agents.catalog().stonith(typed);
        } catch (AgentException e) {
            throw new PcsException(e.getMessage());
        }
        print(edit, agent);
    }

    /** The agent's description; pcs's two errors when it has no valid meta-data. */
    private static void print(Edit edit, AgentName agent) {
        try {
            edit.out.addAll(AgentDescription.lines(edit.agents.metadata(agent),
                    edit.options.has("--full")));
        } catch (AgentException e) {
            throw PcsException.checked(List.of(e.getMessage()));
        }
    }

    private static void noFile(Edit edit) {
        if (edit.options.file().isPresent()) {
            throw new PcsException(Pcs.NO_FILE);
        }
    }

    private static void none(List<String> words, String usage) {
        if (!words.isEmpty()) {
            throw new PcsException("usage: " + usage);
        }
    }

    private static String one(List<String> words, String usage) {
        if (words.size() != 1) {
            throw new PcsException("usage: " + usage);
        }
        return words.getFirst();
    }
}
