package io.bramble.pool.member;

import io.bramble.common.check.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An immutable view of the pool's members, ordered by the time they joined. Changes return a
 * new view; nothing here touches the network or the disk.
 */
public final class Members {
    /** Members of one pool at most: Raft with more voters gets slow and gains nothing here. */
    public static final int MEMBERS_MAX = 64;

    private static final Members EMPTY = new Members(List.of());
    private final List<Member> members;

    private Members(List<Member> members) {
        this.members = List.copyOf(members);
    }

    public static Members empty() {
        return EMPTY;
    }

    /** A view of {@code members}, put in join order (ties broken by id). */
    public static Members of(List<Member> members) {
        Members view = EMPTY;
        for (Member m : members.stream().sorted(Comparator.comparingLong(Member::joinedMillis)
                .thenComparing(Member::id)).toList()) {
            view = view.with(m);
        }
        return view;
    }

    public List<Member> all() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public boolean isEmpty() { return members.isEmpty(); }

    public Optional<Member> byId(UUID id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public boolean contains(UUID id) {
        return byId(id).isPresent();
    }

    /** The member known by {@code name} (a name or its address), if any. */
    public Optional<Member> byName(String name) {
        return members.stream().filter(m -> m.knownAs(name)).findFirst();
    }

    /** Every member except {@code self}, in join order: what {@code peer status} lists. */
    public List<Member> peersOf(UUID self) {
        return members.stream().filter(m -> !m.id().equals(self)).toList();
    }

    /** Members that vote in the cluster store: voters and witnesses. */
    public int votersCount() {
        return members.size();
    }

    /** How many voters make a majority. */
    public int majority() {
        return votersCount() / 2 + 1;
    }

    public boolean hasWitness() {
        return members.stream().anyMatch(m -> m.role() == Role.WITNESS);
    }

    /**
     * This view with {@code member} added, or replaced when its id is already here (its place
     * in the join order kept). Fails when the pool is full.
     */
    public Members with(Member member) {
        Map<UUID, Member> byId = new LinkedHashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        Checks.argument(byId.containsKey(member.id()) || byId.size() < MEMBERS_MAX,
                "a pool has at most " + MEMBERS_MAX + " members");
        byId.put(member.id(), member);
        return new Members(new ArrayList<>(byId.values()));
    }

    /** This view without the member {@code id}; the same view when it is not here. */
    public Members without(UUID id) {
        return new Members(members.stream().filter(m -> !m.id().equals(id)).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Members that && members.equals(that.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return "Members" + members;
    }
}
