package io.bramble.cli.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.error.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerTest {
    private static final String UNIT = """
            [Service]
            ExecStart=/opt/bramble/bin/bramble node --state-dir ${BRAMBLE_STATE_DIR}
            """;

    @TempDir
    Path root;

    private final Path home = Path.of("/srv/bramble-1.0");

    private List<InstallItem> plan(boolean gluster) {
        return InstallPlan.of(root, home, UNIT, gluster, gluster);
    }

    @Test
    void theHelperIsLinkedAndTheUnitNamesThisCopyOfBramble() throws IOException {
        List<String> report = Installer.install(plan(false), false);

        Path helper = root.resolve("sbin/mount.bramble");
        assertThat(Files.readSymbolicLink(helper)).isEqualTo(home.resolve(
                "bin/mount.bramble"));
        assertThat(Files.readString(root.resolve("etc/systemd/system/bramble-node.service")))
                .contains("ExecStart=/srv/bramble-1.0/bin/bramble node").doesNotContain(
                        "/opt/bramble");
        assertThat(root.resolve("usr/local/sbin/gluster")).doesNotExist();
        assertThat(report).hasSize(2).allMatch(line -> line.startsWith("linked ")
                || line.startsWith("wrote "));
    }

    @Test
    void installingTwiceChangesNothing() {
        Installer.install(plan(true), false);

        assertThat(Installer.install(plan(true), false)).hasSize(4).allMatch(line -> line
                .startsWith("in place: "));
        assertThat(root.resolve("usr/local/sbin/pcs")).isSymbolicLink();
    }

    @Test
    void aFileThatIsNotBramblesStopsTheWholeInstall() throws IOException {
        Path helper = Files.createDirectories(root.resolve("sbin")).resolve("mount.bramble");
        Files.writeString(helper, "#!/bin/sh\necho mine\n");

        assertThatThrownBy(() -> Installer.install(plan(true), false)).isInstanceOf(
                UserError.class).hasMessageContaining(helper + " exists").hasMessageContaining(
                        "--force");
        assertThat(Files.readString(helper)).isEqualTo("#!/bin/sh\necho mine\n");
        assertThat(root.resolve("etc")).doesNotExist();
        assertThat(root.resolve("usr")).doesNotExist();

        Installer.install(plan(true), true);
        assertThat(Files.isSymbolicLink(helper)).isTrue();
    }

    @Test
    void removeTakesAwayOnlyWhatIsBrambles() throws IOException {
        Installer.install(plan(false), false);
        Path gluster = Files.createDirectories(root.resolve("usr/local/sbin")).resolve(
                "gluster");
        Files.createSymbolicLink(gluster, Path.of("/usr/sbin/gluster"));

        List<String> report = Installer.remove(plan(true));

        assertThat(root.resolve("sbin/mount.bramble")).doesNotExist();
        assertThat(root.resolve("etc/systemd/system/bramble-node.service")).doesNotExist();
        assertThat(Files.readSymbolicLink(gluster)).isEqualTo(Path.of("/usr/sbin/gluster"));
        assertThat(report).contains("left " + gluster + ": it is not bramble's");
    }

    @Test
    void aUnitFileThatDoesNotStartBrambleIsRefused() {
        assertThatThrownBy(() -> InstallPlan.of(root, home, "[Service]\nExecStart=/bin/true\n",
                false, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
