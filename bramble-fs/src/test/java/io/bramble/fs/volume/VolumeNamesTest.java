package io.bramble.fs.volume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumeNamesTest {
    @Test
    void theSeedsNamesAreValid() {
        for (String name : new String[]{"gv0", "vol0", "data1", "test-volume", "a_b",
                "x".repeat(VolumeNames.NAME_CHARS_MAX)}) {
            assertThat(VolumeNames.problem(name)).as(name).isEmpty();
        }
    }

    @Test
    void glusterSaysWhatIsWrong() {
        assertThat(VolumeNames.problem("volume")).contains(
                "\"volume\" cannot be the name of a volume.");
        assertThat(VolumeNames.problem("x".repeat(VolumeNames.NAME_CHARS_MAX + 1))).contains(
                "Volume name exceeds 103 characters.");
        assertThat(VolumeNames.problem("gv 0")).contains("Volume name should not contain"
                + " \" \" character.\nVolume names can only contain alphanumeric, '-' and '_'"
                + " characters.");
        assertThat(VolumeNames.problem("gvé")).get().asString().contains("\"é\"");
    }
}
