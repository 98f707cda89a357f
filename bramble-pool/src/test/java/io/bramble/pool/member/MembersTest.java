package io.bramble.pool.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MembersTest {
    static Member member(int n, long joined) {
        return new Member(new UUID(0, n), List.of("node" + n), "127.0.0." + n, 24007, 24008,
                Role.VOTER, joined);
    }

    @Test
    void peersExcludeSelfAndKeepJoinOrder() {
        Members view = Members.of(List.of(member(3, 30), member(1, 10), member(2, 20)));
        assertThat(view.peersOf(new UUID(0, 1))).extracting(Member::hostname)
                .containsExactly("node2", "node3");
        assertThat(view.majority()).isEqualTo(2);
    }

    @Test
    void aNameOrAnAddressFindsAMember() {
        Members view = Members.of(List.of(member(1, 1).withPreferredName("gluster1.local")));
        assertThat(view.byName("GLUSTER1.local")).isPresent();
        assertThat(view.byName("node1")).isPresent();
        assertThat(view.byName("127.0.0.1")).isPresent();
        assertThat(view.byName("gluster2.local")).isEmpty();
        assertThat(view.byId(new UUID(0, 1)).orElseThrow().hostname())
                .isEqualTo("gluster1.local");
        assertThat(view.byId(new UUID(0, 1)).orElseThrow().otherNames())
                .containsExactly("node1");
    }

    @Property
    void addingAndRemovingKeepsOneEntryPerId(
            @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 12) Integer> adds,
            @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 12) Integer> removes) {
        Members view = Members.empty();
        for (int n : adds) {
            view = view.with(member(n, n));
        }
        for (int n : removes) {
            view = view.without(new UUID(0, n));
        }
        List<UUID> ids = view.all().stream().map(Member::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        for (int n : removes) {
            assertThat(view.contains(new UUID(0, n))).isFalse();
        }
        assertThat(view.majority()).isEqualTo(view.size() / 2 + 1);
    }
}
