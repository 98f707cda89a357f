package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other users through a real mount: their files are theirs, root's files are root's. */
class MountedCallersTest {
    private static final String AS_USER = "setpriv --reuid=1000 --regid=1000 --clear-groups ";

    @TempDir
    Path temp;
    private MountedVolume volume;
    private Path shared;

    @BeforeEach
    void mount() throws Exception {
        // JUnit makes its directory 0700; the other user must get through to the mount.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        volume = MountedVolume.mount(temp, FuseOptions.defaults());
        shared = Files.createDirectory(volume.dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterEach
    void unmount() throws Exception {
        if (volume != null) {
            volume.close();
        }
    }

    @Test
    void filesAUserCreatesAreTheirs() throws Exception {
        Commands.sh(AS_USER + "touch " + shared.resolve("mine"));
        Commands.sh(AS_USER + "mkdir " + shared.resolve("mydir"));
        Commands.sh(AS_USER + "ln -s mine " + shared.resolve("mylink"));
        Commands.sh(AS_USER + "sh -c 'umask 077; echo hi > " + shared.resolve("private")
                + "'");
        assertThat(Commands.sh("stat -c %u:%g " + shared.resolve("mine")).strip())
                .isEqualTo("1000:1000");
        assertThat(Commands.sh("stat -c %u:%g " + shared.resolve("mydir")).strip())
                .isEqualTo("1000:1000");
        assertThat(Commands.sh("stat -c %u:%g " + shared.resolve("mylink")).strip())
                .isEqualTo("1000:1000");
        assertThat(Commands.sh("stat -c %a:%u " + shared.resolve("private")).strip())
                .as("the caller's umask applies").isEqualTo("600:1000");
    }

    @Test
    void permissionsAreCheckedAgainstTheOwner() throws Exception {
        Path rootsFile = shared.resolve("roots");
        Files.writeString(rootsFile, "root's");
        Files.setPosixFilePermissions(rootsFile, PosixFilePermissions.fromString("rw-r--r--"));
        Commands denied = Commands.run("sh", "-c", AS_USER + "sh -c 'echo x > " + rootsFile
                + "'");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.output()).contains("Permission denied");
        assertThat(Commands.sh(AS_USER + "cat " + rootsFile)).isEqualTo("root's");
        Commands chmod = Commands.run("sh", "-c", AS_USER + "chmod 777 " + rootsFile);
        assertThat(chmod.output()).contains("Operation not permitted");
        Path closed = Files.createDirectory(volume.dir.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Commands listing = Commands.run("sh", "-c", AS_USER + "ls " + closed);
        assertThat(listing.output()).contains("Permission denied");
    }
}
