package io.bramble.fs.brick;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Caller;
import org.junit.jupiter.api.Test;

class OwnershipTest {
    private static final Caller USER = new Caller(1000, 1000, new int[]{1000, 27}, 42);

    @Test
    void aNewFileBelongsToTheCallerWithExactlyItsMode() {
        assertThat(Ownership.forNew(USER, 040755, 0, 0100640, false))
                .isEqualTo(new Ownership(1000, 1000, 0640));
        assertThat(Ownership.forNew(USER, 040755, 0, 04755, false).permissions())
                .isEqualTo(04755);
    }

    @Test
    void aSetGidParentGivesItsGroupAndMakesSubfoldersSetGid() {
        assertThat(Ownership.forNew(USER, 042775, 2000, 0644, false))
                .isEqualTo(new Ownership(1000, 2000, 0644));
        assertThat(Ownership.forNew(USER, 042775, 2000, 0755, true))
                .isEqualTo(new Ownership(1000, 2000, 02755));
    }

    @Test
    void aNonMembersSetGidBitOnAnExecutableIsDropped() {
        assertThat(Ownership.forNew(USER, 042775, 2000, 02755, false).permissions())
                .isEqualTo(0755);
        assertThat(Ownership.forNew(USER, 042775, 27, 02755, false).permissions())
                .isEqualTo(02755);
        assertThat(Ownership.forNew(Caller.ROOT, 042775, 2000, 02755, false).permissions())
                .isEqualTo(02755);
        assertThat(Ownership.forNew(USER, 042775, 2000, 02644, false).permissions())
                .as("not group-executable: a mandatory-locking mark, kept")
                .isEqualTo(02644);
    }
}
