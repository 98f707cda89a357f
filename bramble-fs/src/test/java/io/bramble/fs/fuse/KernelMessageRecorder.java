package io.bramble.fs.fuse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rewrites {@code kernel-messages.hex}, the real kernel requests {@link
 * RecordedKernelMessagesTest} decodes: run with {@code -Dbramble.fuse.record=FILE} as root.
 * Keeps the first request of each opcode seen while a few everyday commands run.
 */
class KernelMessageRecorder {
    @TempDir
    Path temp;

    @Test
    void record() throws Exception {
        String target = System.getProperty("bramble.fuse.record");
        assumeTrue(target != null, "records only when -Dbramble.fuse.record=FILE is given");
        Map<Integer, byte[]> first = new LinkedHashMap<>();
        RequestTap tap = message -> {
            int opcode = message.order(ByteOrder.LITTLE_ENDIAN).getInt(4);
            byte[] bytes = new byte[message.remaining()];
            message.duplicate().get(bytes);
            synchronized (first) {
                first.putIfAbsent(opcode, bytes);
            }
        };
        try (MountedVolume volume = MountedVolume.mount(temp, FuseOptions.defaults(), tap)) {
            Path dir = volume.dir;
            Commands.sh("mkdir " + dir + "/docs && echo hello > " + dir + "/docs/a.txt"
                    + " && cat " + dir + "/docs/a.txt && ls -l " + dir + "/docs"
                    + " && mv " + dir + "/docs/a.txt " + dir + "/docs/b.txt"
                    + " && ln -s b.txt " + dir + "/docs/link && readlink " + dir + "/docs/link"
                    + " && chmod 600 " + dir + "/docs/b.txt && rm " + dir + "/docs/link"
                    + " && df " + dir);
            Files.write(dir.resolve("docs/b.txt"), new byte[]{1});
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Requests a Linux kernel sent to bramble, one per line: the opcode's name,");
        lines.add("# then the whole request in hex. Rewritten by KernelMessageRecorder.");
        first.forEach((opcode, bytes) -> lines.add(FuseOpcode.name(opcode) + " "
                + HexFormat.of().formatHex(bytes)));
        Files.write(Path.of(target), lines);
    }
}
