package io.bramble.cluster.policy;

import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.ResourceMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A primitive while it is being placed: its scores, links and the decision once made. */
final class PrimitiveUnit implements Placeable {
    final Primitive primitive;
    final ResourceMeta meta;
    /** The node it runs on now, null when stopped. */
    final String running;
    /** Its group, null when it stands alone. */
    GroupUnit group;
    ScoreTable allowed = ScoreTable.empty();
    /** Colocations where this is the dependent (Pacemaker's "this with"). */
    final List<Colocation> thisWith = new ArrayList<>();
    /** Colocations where this is the primary (Pacemaker's "with this"). */
    final List<Colocation> withThis = new ArrayList<>();
    /** Whether the cluster may act on it (is-managed and no fencing required). */
    boolean managed;
    boolean provisional = true;
    boolean assigning;
    boolean merging;
    /** Where it will run, null when it will not. */
    String assigned;

    PrimitiveUnit(Primitive primitive, ResourceMeta meta, String running) {
        this.primitive = primitive;
        this.meta = meta;
        this.running = running;
        this.managed = meta.managed();
    }

    @Override
    public String id() {
        return primitive.id();
    }

    @Override
    public int priority() {
        return meta.priority();
    }

    @Override
    public boolean provisional() {
        return provisional;
    }

    @Override
    public Optional<String> nodeFor(int colocationScore) {
        return Optional.ofNullable(assigned);
    }

    @Override
    public PrimitiveUnit representative() {
        return this;
    }
}
