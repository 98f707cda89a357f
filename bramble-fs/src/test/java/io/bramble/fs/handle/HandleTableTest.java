package io.bramble.fs.handle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.FsException;
import org.junit.jupiter.api.Test;

class HandleTableTest {
    @Test
    void handlesAreBoundedAndNeverReused() throws FsException {
        HandleTable<String> table = new HandleTable<>(2);
        long first = table.add("a");
        long second = table.add("b");
        assertThatThrownBy(() -> table.add("c")).hasMessageContaining("ENFILE");
        assertThat(table.remove(first)).isEqualTo("a");
        long third = table.add("c");
        assertThat(third).isNotIn(first, second);
        assertThat(table.get(second)).isEqualTo("b");
        assertThatThrownBy(() -> table.get(first)).hasMessageContaining("EBADF");
        assertThatThrownBy(() -> table.remove(first)).hasMessageContaining("EBADF");
        assertThat(table.size()).isEqualTo(2);
    }
}
