package io.bramble.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Root mounts with mount(2); other users need fusermount3, and mount for themselves. */
class FuseAccessTest {
    @Test
    void rootNeedsOnlyDevFuse() {
        FuseAccess root = new FuseAccess(true, true, false, false);
        assertThat(root.missing()).isEmpty();
        assertThat(root.mountOptions()).isEmpty();
        assertThat(root.how()).isEqualTo("mount(2), as root");
    }

    @Test
    void otherUsersMountThroughFusermount3ForThemselves() {
        FuseAccess user = new FuseAccess(false, true, true, true);
        assertThat(user.missing()).isEmpty();
        assertThat(user.mountOptions()).isEqualTo(List.of("-o", "noallow_other"));
    }

    @Test
    void whatIsMissingSaysHowToGetIt() {
        assertThat(new FuseAccess(false, true, true, false).missing()).hasValueSatisfying(
                text -> assertThat(text).contains("run the demo as root", "apt-get install"
                        + " fuse3"));
        assertThat(new FuseAccess(true, false, false, true).missing()).hasValueSatisfying(
                text -> assertThat(text).startsWith("/dev/fuse is missing"));
        assertThat(new FuseAccess(false, true, false, true).missing()).hasValueSatisfying(
                text -> assertThat(text).contains("/dev/fuse is closed to this user",
                        "chmod 0666 /dev/fuse"));
    }
}
