package io.bramble.fs.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.error.UserError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountRequestTest {
    @Test
    void readsTheSourcesTheSeedsWrite() {
        MountRequest slash = MountRequest.parse("192.168.0.121:/gv0", "", true);
        assertThat(slash.volume()).isEqualTo("gv0");
        assertThat(slash.servers()).containsExactly("192.168.0.121");
        assertThat(slash.source()).isEqualTo("192.168.0.121:/gv0");
        MountRequest bare = MountRequest.parse("node1:data1", "", true);
        assertThat(bare.volume()).isEqualTo("data1");
        assertThat(bare.source()).isEqualTo("node1:/data1");
    }

    @Test
    void asksBackupServersInTurnAndTakesFstabOptions() {
        MountRequest request = MountRequest.parse("pi1:/gv0",
                "defaults,_netdev,backup-volfile-servers=pi2:pi3", true);
        assertThat(request.servers()).containsExactly("pi1", "pi2", "pi3");
        assertThat(request.allowOther()).isTrue();
    }

    @Test
    void takesGlustersLogFileOptionAsAnAbsolutePath() {
        assertThat(MountRequest.parse("pi1:/gv0", "defaults,log-file=/var/log/gv0.log", true)
                .logFile()).contains(Path.of("/var/log/gv0.log"));
        assertThat(MountRequest.parse("pi1:/gv0", "", true).logFile()).isEmpty();
        assertThatThrownBy(() -> MountRequest.parse("pi1:/gv0",
                "log-file=gv0.log", true)).hasMessageContaining("absolute path");
    }

    @Test
    void letsOtherUsersInByDefaultOnlyForRoot() {
        assertThat(MountRequest.parse("pi1:/gv0", "", false).allowOther()).isFalse();
        assertThat(MountRequest.parse("pi1:/gv0", "allow_other", false).allowOther()).isTrue();
        assertThat(MountRequest.parse("pi1:/gv0", "noallow_other", true).allowOther())
                .isFalse();
    }

    @Test
    void refusesWhatItWouldNotHonour() {
        assertThatThrownBy(() -> MountRequest.parse("pi1:/gv0", "ro", true))
                .isInstanceOf(UserError.class).hasMessageContaining("'ro' is not supported");
        assertThatThrownBy(() -> MountRequest.parse("pi1", "", true))
                .isInstanceOf(UserError.class).hasMessageContaining("HOST:/VOLUME");
        assertThatThrownBy(() -> MountRequest.parse("pi1:/gv0/sub", "", true))
                .isInstanceOf(UserError.class).hasMessageContaining("sub-directory");
    }
}
