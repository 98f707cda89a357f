package io.bramble.fs.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class XattrsPageTest {
    static final Attr ATTR = new Attr(new FileId(1, 2), 0100644, 1, 0, 0, 0, 0, 0, 0, 0, 0);

    static EntryXattrs entry(String name, int valueBytes) {
        return new EntryXattrs(name, new AttrXattrs(ATTR, Map.of("trusted.x",
                new byte[valueBytes])));
    }

    @Test
    void aPageEndsEarlyAndIncompleteWhenTheNextEntryWouldPassTheBound() throws FsException {
        XattrsPage.Filling filling = new XattrsPage.Filling();
        int half = XattrsPage.XATTR_BYTES_MAX / 2;
        // Each entry's xattr: 9 bytes of name, its value and 8 of lengths.
        assertThat(filling.offer(entry("a", half - 17))).isTrue();
        assertThat(filling.offer(entry("b", half - 17))).isTrue();
        assertThat(filling.offer(entry("c", 1))).isFalse();
        assertThat(filling.offer(entry("d", 0))).isFalse();
        XattrsPage page = filling.page(true);
        assertThat(page.complete()).isFalse();
        assertThat(page.lastName()).isEqualTo("b");
    }

    @Test
    void aPageWithinTheBoundIsCompleteWhenTheListingEnded() throws FsException {
        XattrsPage.Filling filling = new XattrsPage.Filling();
        assertThat(filling.offer(entry("a", 16))).isTrue();
        assertThat(filling.page(true).complete()).isTrue();
        assertThat(filling.page(false).complete()).isFalse();
    }

    @Test
    void anEntryWhoseXattrsAlonePassTheBoundIsRefused() {
        XattrsPage.Filling filling = new XattrsPage.Filling();
        assertThatThrownBy(() -> filling.offer(entry("a", XattrsPage.XATTR_BYTES_MAX)))
                .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.E2BIG);
    }
}
