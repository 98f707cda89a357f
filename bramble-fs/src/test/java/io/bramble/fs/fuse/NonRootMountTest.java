package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mount by an ordinary user (uid 1000) through fusermount3, in a JVM of its own started
 * with setpriv. Jars the user cannot read where they lie are copied next to the mount.
 */
class NonRootMountTest {
    private static final String AS_USER = "setpriv --reuid=1000 --regid=1000 --clear-groups";

    @TempDir
    Path temp;
    private Path mountPoint;

    @AfterEach
    void cleanUp() throws Exception {
        if (mountPoint != null && MountedVolume.isMounted(mountPoint)) {
            Commands.run("umount", "-l", mountPoint.toString());
        }
    }

    @Test
    void anOrdinaryUserMountsThroughFusermount() throws Exception {
        MountedVolume.assumeMountable();
        assumeTrue(Commands.installed(FusermountMounter.PROGRAM), "fusermount3 is not "
                + "installed (Debian package fuse3)");
        assumeTrue(Commands.run("id", "1000").exitCode() == 0, "no user with uid 1000 here");
        assumeTrue(Files.getPosixFilePermissions(Path.of("/dev/fuse")).containsAll(
                PosixFilePermissions.fromString("rw-rw-rw-")),
                "/dev/fuse is not open to "
                        + "ordinary users here (it is 0666 where the fuse3 package set it up)");
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        mountPoint = Files.createDirectory(temp.resolve("mnt"));
        Commands.sh("chown 1000:1000 " + mountPoint);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Commands probe = Commands.run("sh", "-c", AS_USER + " " + java
                + " -XX:-UsePerfData --enable-native-access=ALL-UNNAMED -cp "
                + readableClassPath() + " " + NonRootMountProbe.class.getName() + " "
                + mountPoint);
        assertThat(probe.output()).as(probe.output()).contains("read=as a user",
                "owner=1000", "mounted=true", "after-close=false");
        assertThat(probe.exitCode()).isZero();
    }

    /** The test class path, with what uid 1000 may not read copied to where it may. */
    private String readableClassPath() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        Path jars = Files.createDirectory(temp.resolve("jars"));
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) || !Files.exists(path)) {
                entries.add(entry);
                continue;
            }
            Path copy = jars.resolve(entries.size() + "-" + path.getFileName());
            Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
            entries.add(copy.toString());
        }
        Commands.sh("chmod -R a+rX " + jars);
        return String.join(File.pathSeparator, entries);
    }
}
