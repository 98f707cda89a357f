package io.bramble.fs.brick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandleTableTest {
    private final List<Integer> closed = new ArrayList<>();

    private SharedFd fd(int number) {
        return new SharedFd(number, closed::add);
    }

    @Test
    void aFullTableRefusesWithEmfileAndAReleasedHandleIsNeverReused() throws Exception {
        HandleTable table = new HandleTable(2);
        long first = table.add(fd(10));
        table.add(fd(11));
        assertThatThrownBy(() -> table.add(fd(12))).isInstanceOf(FsException.class)
                .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.EMFILE);
        table.remove(first);
        assertThat(closed).containsExactly(10);
        long again = table.add(fd(13));
        assertThat(again).isNotEqualTo(first);
        assertThatThrownBy(() -> table.acquire(first)).isInstanceOf(FsException.class)
                .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.EBADF);
        assertThat(table.acquire(again).fd()).isEqualTo(13);
    }

    @Test
    void aDescriptorInUseClosesOnlyWhenItsLastCallEnds() throws Exception {
        HandleTable table = new HandleTable(4);
        long handle = table.add(fd(20));
        SharedFd inUse = table.acquire(handle);
        table.remove(handle);
        assertThat(closed).isEmpty();
        inUse.release();
        assertThat(closed).containsExactly(20);
        assertThat(table.size()).isZero();
    }

    @Test
    void removeAllClosesEverything() throws Exception {
        HandleTable table = new HandleTable(4);
        table.add(fd(1));
        table.add(fd(2));
        table.removeAll();
        assertThat(closed).containsExactlyInAnyOrder(1, 2);
        assertThat(table.size()).isZero();
    }
}
