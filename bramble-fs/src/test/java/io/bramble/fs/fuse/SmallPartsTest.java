package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.FileId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {
    @Test
    void internalXattrsAreHiddenAndOthersKept() {
        assertThat(InternalXattrs.isInternal("trusted.bramble.gfid")).isTrue();
        assertThat(InternalXattrs.isInternal("user.bramble.version")).isTrue();
        assertThat(InternalXattrs.isInternal("user.brambles")).isFalse();
        assertThat(InternalXattrs.visible(List.of("user.a", "user.bramble.x", "security.b",
                "trusted.bramble.y"))).containsExactly("user.a", "security.b");
    }

    @Test
    void newFileIdsAreVersionFourUuidsFromTheInjectedGenerator() {
        NewFileIds ids = new NewFileIds(new SplittableRandom(42));
        FileId first = ids.next();
        assertThat(first.uuid().version()).isEqualTo(4);
        assertThat(first.uuid().variant()).isEqualTo(2);
        assertThat(new NewFileIds(new SplittableRandom(42)).next()).isEqualTo(first);
        assertThat(ids.next()).isNotEqualTo(first);
    }

    @Test
    void groupsComeFromTheStatusLineOrNotAtAll(@TempDir Path dir) throws Exception {
        assertThat(CallerGroups.parse("Name:\tbash\nGroups:\t4 24 27 1000 \nNgid:\t0\n"))
                .containsExactly(4, 24, 27, 1000);
        assertThat(CallerGroups.parse("Groups:\t\n")).isEmpty();
        assertThat(CallerGroups.parse("Groups:\t4 x\n")).isEmpty();
        assertThat(CallerGroups.parse("Name:\tbash\n")).isEmpty();
        Path status = dir.resolve("status");
        Files.writeString(status, "Groups:\t5 6\n");
        assertThat(CallerGroups.read(status)).containsExactly(5, 6);
        assertThat(CallerGroups.read(dir.resolve("gone"))).isEmpty();
        Files.write(status, new byte[CallerGroups.STATUS_BYTES_MAX + 1]);
        assertThat(CallerGroups.read(status)).isEmpty();
    }
}
