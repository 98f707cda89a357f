package io.bramble.cluster.live;

import io.bramble.cluster.cib.XmlTreeParser;
import io.bramble.cluster.pcs.AgentSource;
import io.bramble.cluster.pcs.CibElement;
import io.bramble.cluster.pcs.CibNodes;
import io.bramble.cluster.pcs.CibStamp;
import io.bramble.cluster.pcs.Pcs;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsOptions;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.store.Versioned;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs pcs commands on the CIB kept in the store, as {@code pcs} runs them on the live
 * cluster: the record is read, the same edit {@code pcs -f FILE} makes is applied, and a
 * changed CIB is written back on the version read. When another member changed the CIB
 * meanwhile, the command runs again on the new one, at most {@link #ATTEMPTS_MAX} times; a
 * refused command writes nothing.
 */
public final class LiveCib {
    /** Runs of one command when other members keep changing the CIB under it. */
    public static final int ATTEMPTS_MAX = 5;

    private final ClusterStore store;

    public LiveCib(ClusterStore store) {
        this.store = store;
    }

    /** The store the CIB is kept in. */
    public ClusterStore store() {
        return store;
    }

    /** The CIB as the store holds it now, an empty one before the first change. */
    public CibElement read() {
        store.catchUp();
        return parse(store.get(CibRecord.TYPE, CibRecord.KEY));
    }

    /**
     * Runs {@code args} (pcs's words, without {@code -f}) on the stored CIB, which has an entry
     * for each of {@code nodes} (the cluster's nodes, as Pacemaker adds them when they join);
     * a changed CIB carries {@code stamp}.
     */
    public PcsResult run(List<String> args, AgentSource agents, List<String> nodes,
            CibStamp stamp) {
        try {
            PcsOptions options = PcsOptions.parse(args);
            if (options.file().isPresent()) {
                throw new PcsException("-f is for CIB files; the live cluster's CIB is in the"
                        + " pool, run the command without -f");
            }
            PcsResult[] result = new PcsResult[1];
            change(nodes, cib -> {
                result[0] = Pcs.run(options, cib, agents);
                return result[0].cib();
            }, stamp);
            return result[0];
        } catch (PcsException e) {
            return new PcsResult(Optional.empty(), List.of(),
                    e.errors().stream().map(m -> "Error: " + m).toList(), 1);
        }
    }

    /**
     * Applies {@code edit} to the stored CIB, given with an entry for each of {@code nodes} (as
     * Pacemaker lists the nodes that joined, so that a constraint or a standby may name them),
     * and writes the result back, stamped, on the version read; when another member changed it
     * meanwhile, {@code edit} runs again on the new one, at most {@link #ATTEMPTS_MAX} times.
     * An edit that returns nothing writes nothing.
     */
    public void change(List<String> nodes, Function<CibElement, Optional<CibElement>> edit,
            CibStamp stamp) {
        store.catchUp();
        for (int attempt = 1;; attempt++) {
            Optional<Versioned<String>> current = store.get(CibRecord.TYPE, CibRecord.KEY);
            Optional<CibElement> changed = edit.apply(CibNodes.withNodes(parse(current), nodes));
            if (changed.isEmpty()) {
                return;
            }
            String xml = stamp.on(changed.get()).toXml();
            if (xml.getBytes(StandardCharsets.UTF_8).length > CibRecord.CIB_BYTES_MAX) {
                throw new PcsException("the CIB would be larger than " + CibRecord.CIB_BYTES_MAX
                        + " bytes; nothing changed");
            }
            try {
                store.put(CibRecord.TYPE, CibRecord.KEY, xml, current.map(Versioned::version)
                        .orElse(ClusterStore.NEW));
                return;
            } catch (StoreException e) {
                if (e.reason() != StoreException.Reason.VERSION_CONFLICT
                        || attempt == ATTEMPTS_MAX) {
                    throw new PcsException("the CIB was not changed: " + e.getMessage());
                }
            }
        }
    }

    private static CibElement parse(Optional<Versioned<String>> record) {
        if (record.isEmpty()) {
            return CibElement.empty();
        }
        try {
            return CibElement.parse(record.get().value().getBytes(StandardCharsets.UTF_8));
        } catch (XmlTreeParser.XmlSyntaxException e) {
            throw new PcsException("the pool's CIB is unreadable: line " + e.line() + ": "
                    + e.getMessage());
        }
    }
}
