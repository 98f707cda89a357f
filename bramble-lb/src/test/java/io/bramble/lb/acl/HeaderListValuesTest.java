package io.bramble.lb.acl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderListValuesTest {
    @Test
    void commasSplitValuesOutsideQuotesOnly() {
        assertThat(HeaderListValues.of("gzip, deflate ,br")).containsExactly("gzip", "deflate",
                "br");
        assertThat(HeaderListValues.of("a=\"x, y\", b")).containsExactly("a=\"x, y\"", "b");
        assertThat(HeaderListValues.of("a=\"x\\\", y\", b")).containsExactly("a=\"x\\\", y\"",
                "b");
        assertThat(HeaderListValues.of("")).containsExactly("");
        assertThat(HeaderListValues.of("one")).containsExactly("one");
    }
}
