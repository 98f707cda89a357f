package io.bramble.cluster.policy;

import io.bramble.cluster.model.ResourceMeta;
import io.bramble.cluster.model.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group while it is being placed. Its colocations live on its members, as in Pacemaker:
 * where the group is the dependent, on the first member; where it is the primary, on the last.
 */
final class GroupUnit implements Placeable {
    final String id;
    final ResourceMeta meta;
    final List<PrimitiveUnit> members = new ArrayList<>();
    boolean provisional = true;
    boolean assigning;

    GroupUnit(String id, ResourceMeta meta) {
        this.id = id;
        this.meta = meta;
    }

    @Override
    public String id() {
        return id;
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
        if (members.isEmpty()) {
            return Optional.empty();
        }
        PrimitiveUnit member = colocationScore >= Score.INFINITY
                ? members.getLast()
                : members.getFirst();
        return member.nodeFor(colocationScore);
    }

    @Override
    public PrimitiveUnit representative() {
        return members.getFirst();
    }

    /** The node the group runs on now: that of the first running member. */
    String running() {
        return members.stream().map(m -> m.running).filter(n -> n != null).findFirst()
                .orElse(null);
    }
}
