package io.bramble.fs.disperse;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.replicate.ChildSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link MetadataSource}: which children a disperse heal copies metadata from. */
class MetadataSourceTest {
    private static final Attr FILE = new Attr(FileId.of(new UUID(1, 1)), 0100644, 1, 1000, 1000,
            0, 0, 0, 1, 2, 3);

    private static MetadataSource.Metadata with(String colour) {
        return MetadataSource.Metadata.of(FILE, Map.of("user.colour", colour.getBytes(),
                "trusted.bramble.ec", new byte[]{(byte) colour.length()}));
    }

    @Test
    void childrenThatAgreeAreTakenEvenFewerThanD() {
        MetadataSource.Metadata[] held = {with("red"), with("blue"), with("blue"), null};
        assertThat(MetadataSource.choose(held, ChildSet.of(1, 2), 3)).isEqualTo(ChildSet.of(1,
                2));
    }

    @Test
    void childrenThatDisagreeNeedDOfThemAgreeing() {
        MetadataSource.Metadata[] held = {with("red"), with("blue"), with("blue"), with("blue"),
                with("red")};
        ChildSet all = ChildSet.all(5);
        assertThat(MetadataSource.choose(held, all, 3)).isEqualTo(ChildSet.of(1, 2, 3));
        assertThat(MetadataSource.choose(held, all.minus(ChildSet.of(3)), 3)).isEqualTo(
                ChildSet.NONE);
    }

    @Test
    void bramblesOwnXattrsAreNotCompared() {
        MetadataSource.Metadata[] held = {with("blue"), with("blue")};
        assertThat(held[0]).isEqualTo(MetadataSource.Metadata.of(FILE, Map.of("user.colour",
                "blue".getBytes(), "trusted.bramble.ec", new byte[]{9})));
        assertThat(MetadataSource.applications(Map.of("trusted.bramble.ec", new byte[1],
                "trusted.app", new byte[1], "security.selinux", new byte[1])).keySet())
                .containsExactly("security.selinux", "trusted.app");
    }
}
