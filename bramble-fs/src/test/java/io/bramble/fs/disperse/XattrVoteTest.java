package io.bramble.fs.disperse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link XattrVote}: the value or names D children agree on, none when fewer do. */
class XattrVoteTest {
    @Test
    void aValueOrAnAbsenceDHoldIsTheAnswer() {
        Optional<byte[]> blue = Optional.of(new byte[]{2});
        assertThat(XattrVote.value(List.of(Optional.of(new byte[]{1}), Optional.of(new byte[]{
                2}), blue), 2)).isSameAs(blue);
        assertThat(XattrVote.value(List.of(Optional.empty(), Optional.of(new byte[]{1}),
                Optional.empty()), 2)).isEmpty();
        assertThat(XattrVote.value(List.of(Optional.empty(), Optional.of(new byte[]{1})), 2))
                .isNull();
    }

    @Test
    void aNameIsListedWhenDHoldItAndUnknownWhenNeitherDHoldNorLackIt() {
        assertThat(XattrVote.names(List.of(List.of("a", "b"), List.of("b", "a"), List.of("c")),
                2)).containsExactly("a", "b");
        assertThat(XattrVote.names(List.of(List.of("a"), List.of("b")), 2)).isNull();
    }
}
