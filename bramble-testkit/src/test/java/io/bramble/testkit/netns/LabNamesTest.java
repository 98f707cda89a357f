package io.bramble.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabNamesTest {
    @Test
    void namespacesCarryTheOwnerAndTheLabId() {
        LabNames names = new LabNames(4242, "x1y2");
        assertThat(names.switchNamespace()).isEqualTo("bramble-4242-x1y2-switch");
        assertThat(names.hostNamespace("lb1")).isEqualTo("bramble-4242-x1y2-lb1");
        assertThat(LabNames.ownerOf("bramble-4242-x1y2-lb1")).contains(4242L);
        assertThat(LabNames.ownerOf("bramble-4242-x1y2-switch")).contains(4242L);
        assertThat(LabNames.ownerOf("somebody-elses")).isEmpty();
        assertThat(LabNames.ownerOf("bramble-abc-x1y2-lb1")).isEmpty();
    }

    @Test
    void freshNamesDifferAndBelongToThisJvm() {
        SplittableRandom random = new SplittableRandom(3);
        LabNames one = LabNames.fresh(random);
        LabNames two = LabNames.fresh(random);
        assertThat(one.labId()).matches("[a-z0-9]{4}").isNotEqualTo(two.labId());
        assertThat(one.ownerPid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void switchPortsFitTheKernelsInterfaceNameLimit() {
        String longest = "h".repeat(LabNames.HOST_NAME_CHARS_MAX);
        assertThat(LabNames.checkHostName(longest)).isEqualTo(longest);
        assertThat(LabNames.switchPort(longest)).hasSizeLessThanOrEqualTo(15);
        assertThatThrownBy(() -> LabNames.checkHostName(longest + "h"))
                .hasMessageContaining("1 to 12 lowercase letters");
        assertThatThrownBy(() -> LabNames.checkHostName("Web1")).hasMessageContaining("got 'Web1'");
        assertThatThrownBy(() -> LabNames.checkHostName("switch"))
                .hasMessageContaining("names the lab's switch");
    }
}
