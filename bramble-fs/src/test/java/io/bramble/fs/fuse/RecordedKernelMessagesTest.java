package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.fuse.FuseRequest.Create;
import io.bramble.fs.fuse.FuseRequest.Init;
import io.bramble.fs.fuse.FuseRequest.Lookup;
import io.bramble.fs.fuse.FuseRequest.MakeDirectory;
import io.bramble.fs.fuse.FuseRequest.Rename;
import io.bramble.fs.fuse.FuseRequest.Symlink;
import io.bramble.fs.fuse.FuseRequest.Unsupported;
import io.bramble.fs.fuse.FuseRequest.Write;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.OpenFlags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests a real kernel sent (see {@link KernelMessageRecorder}), decoded. */
class RecordedKernelMessagesTest {
    private static Map<String, Request> recorded() throws Exception {
        Map<String, Request> requests = new LinkedHashMap<>();
        try (InputStream in = RecordedKernelMessagesTest.class.getResourceAsStream(
                "kernel-messages.hex")) {
            if (in == null) {
                throw new IOException("kernel-messages.hex is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" ");
                byte[] bytes = HexFormat.of().parseHex(fields[1]);
                requests.put(fields[0], RequestDecoder.decode(ByteBuffer.wrap(bytes)));
            }
        }
        return requests;
    }

    @Test
    void everyRecordedRequestDecodesAsItsOwnKind() throws Exception {
        Map<String, Request> requests = recorded();
        assertThat(requests).containsKeys("INIT", "LOOKUP", "MKDIR", "CREATE", "WRITE", "READ",
                "READDIRPLUS", "RENAME2", "SYMLINK", "FORGET", "STATFS");
        requests.forEach((name, request) -> {
            assertThat(FuseOpcode.name(request.header().opcode())).isEqualTo(name);
            assertThat(request.body()).isNotInstanceOf(Unsupported.class);
        });
    }

    @Test
    void theFieldsSayWhatTheCommandsDid() throws Exception {
        Map<String, Request> requests = recorded();
        Init init = (Init) requests.get("INIT").body();
        assertThat(init.major()).isEqualTo(7);
        assertThat(init.minor()).isGreaterThanOrEqualTo(InitNegotiation.MINOR_MIN);
        assertThat(init.flags() & InitNegotiation.WANTED).isEqualTo(InitNegotiation.WANTED);
        assertThat(requests.get("LOOKUP").body()).isEqualTo(new Lookup("docs"));
        assertThat(requests.get("LOOKUP").header().nodeId()).isEqualTo(NodeTable.ROOT_ID);
        assertThat(requests.get("LOOKUP").header().uid()).isZero();
        assertThat(requests.get("MKDIR").body()).isEqualTo(new MakeDirectory(0755, 022,
                "docs"));
        Create create = (Create) requests.get("CREATE").body();
        assertThat(create.name()).isEqualTo("a.txt");
        assertThat(create.mode()).isEqualTo(0100644);
        assertThat(create.flags() & OpenFlags.TRUNC).isNotZero();
        Write write = (Write) requests.get("WRITE").body();
        assertThat(new String(write.data(), StandardCharsets.US_ASCII)).isEqualTo("hello\n");
        assertThat(write.offset()).isZero();
        Rename rename = (Rename) requests.get("RENAME2").body();
        assertThat(rename.oldName()).isEqualTo("a.txt");
        assertThat(rename.newName()).isEqualTo("b.txt");
        assertThat(rename.flags()).isEqualTo(FileOps.RENAME_NOREPLACE);
        assertThat(requests.get("SYMLINK").body()).isEqualTo(new Symlink("link", "b.txt"));
    }
}
