package io.bramble.fs.distribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LayoutXattrTest {
    @Test
    void theValueIsReadableText() {
        Layout layout = Layout.spread(List.of("vol-replicate-0", "vol-replicate-1"), 1);
        assertThat(new String(LayoutXattr.encode(layout), StandardCharsets.US_ASCII))
                .isEqualTo("""
                        bramble-layout 1
                        vol-replicate-1 00000000 7fffffff
                        vol-replicate-0 80000000 ffffffff
                        """);
    }

    @Property(tries = 200)
    void decodeReadsWhatEncodeWrote(@ForAll @IntRange(min = 1, max = 64) int count,
            @ForAll int rotation) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("v.s_" + i);
        }
        Layout layout = Layout.spread(names, rotation);
        assertThat(LayoutXattr.decode(LayoutXattr.encode(layout))).isEqualTo(layout);
    }

    @Test
    void refusesWhatItDidNotWrite() {
        assertThatThrownBy(() -> decode("bramble-layout 2\na 00000000 ffffffff\n"))
                .hasMessageContaining("starts with");
        assertThatThrownBy(() -> decode("bramble-layout 1\na 00000000 ffffffff"))
                .hasMessageContaining("newline");
        assertThatThrownBy(() -> decode("bramble-layout 1\na 0 ffffffff\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> decode("bramble-layout 1\na 00000000 FFFFFFFF\n"))
                .hasMessageContaining("hex");
        assertThatThrownBy(() -> decode("bramble-layout 1\na 00000000 0000ffff\n"))
                .hasMessageContaining("whole hash space");
        assertThatThrownBy(() -> LayoutXattr.decode(new byte[LayoutXattr.VALUE_BYTES_MAX + 1]))
                .hasMessageContaining("longer than");
    }

    private static Layout decode(String text) {
        return LayoutXattr.decode(text.getBytes(StandardCharsets.US_ASCII));
    }
}
