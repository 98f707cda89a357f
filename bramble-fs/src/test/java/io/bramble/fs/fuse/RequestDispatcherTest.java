package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.fuse.FuseReply.Attributes;
import io.bramble.fs.fuse.FuseReply.Created;
import io.bramble.fs.fuse.FuseReply.Data;
import io.bramble.fs.fuse.FuseReply.Entry;
import io.bramble.fs.fuse.FuseReply.Error;
import io.bramble.fs.fuse.FuseReply.OpenHandle;
import io.bramble.fs.fuse.FuseReply.SeekOffset;
import io.bramble.fs.fuse.FuseReply.XattrSize;
import io.bramble.fs.fuse.FuseRequest.Access;
import io.bramble.fs.fuse.FuseRequest.Create;
import io.bramble.fs.fuse.FuseRequest.GetAttr;
import io.bramble.fs.fuse.FuseRequest.GetXattr;
import io.bramble.fs.fuse.FuseRequest.ListXattr;
import io.bramble.fs.fuse.FuseRequest.Lookup;
import io.bramble.fs.fuse.FuseRequest.Lseek;
import io.bramble.fs.fuse.FuseRequest.OpenDirectory;
import io.bramble.fs.fuse.FuseRequest.ReadDirectory;
import io.bramble.fs.fuse.FuseRequest.Release;
import io.bramble.fs.fuse.FuseRequest.RemoveXattr;
import io.bramble.fs.fuse.FuseRequest.Rename;
import io.bramble.fs.fuse.FuseRequest.SetAttributes;
import io.bramble.fs.fuse.FuseRequest.SetXattr;
import io.bramble.fs.fuse.FuseRequest.Unlink;
import io.bramble.fs.fuse.FuseRequest.Unsupported;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.SetAttr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The adapter from kernel requests to file operations, without a kernel. */
class RequestDispatcherTest {
    private static final long ROOT = NodeTable.ROOT_ID;
    private static final int SEEK_DATA = 3;

    private final MemoryFileOps files = new MemoryFileOps();
    private final MountState state;
    private final RequestDispatcher dispatcher;

    RequestDispatcherTest() throws Exception {
        state = new MountState(files, files.getattr(Caller.ROOT, FsPath.ROOT),
                FuseOptions.defaults().withFileIdRandom(new SplittableRandom(1))
                        .withReaddirPageEntriesMax(3));
        dispatcher = new RequestDispatcher(state);
    }

    private FuseReply send(long nodeId, FuseRequest body) {
        return send(nodeId, 0, body);
    }

    private FuseReply send(long nodeId, int uid, FuseRequest body) {
        return dispatcher.dispatch(new Request(new RequestHeader(0, 0, 1, nodeId, uid, uid, 0,
                0), body));
    }

    private Created create(String name, int uid) {
        return (Created) send(ROOT, uid, new Create(01, 0100640, 022, name));
    }

    @Test
    void createsFilesOwnedByTheCallerWithFreshIds() {
        Created created = create("f", 1000);
        assertThat(created.entry().attr().uid()).isEqualTo(1000);
        assertThat(created.entry().attr().mode()).isEqualTo(0100640);
        assertThat(created.entry().attr().id().uuid().version()).isEqualTo(4);
        assertThat(created.entry().nodeId()).isGreaterThan(ROOT);
        assertThat(state.nodes.lookups(created.entry().nodeId())).isEqualTo(1);
        Entry found = (Entry) send(ROOT, new Lookup("f"));
        assertThat(found.nodeId()).isEqualTo(created.entry().nodeId());
        assertThat(state.nodes.lookups(found.nodeId())).isEqualTo(2);
        assertThat(send(ROOT, new Lookup("missing"))).isEqualTo(new Error(Errno.ENOENT));
    }

    @Test
    void readdirplusCountsALookupForEveryEntryItSends() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            create(name, 0);
        }
        long handle = ((OpenHandle) send(ROOT, new OpenDirectory(0))).handle();
        List<String> names = new ArrayList<>();
        long offset = 0;
        while (true) {
            // room for two entries with names of one byte: 2 × (128 + 32) bytes
            byte[] bytes = ((Data) send(ROOT, new ReadDirectory(handle, offset, 320, true)))
                    .bytes();
            if (bytes.length == 0) {
                break;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            while (in.hasRemaining()) {
                int start = in.position();
                offset = in.getLong(start + 128 + 8);
                int nameLength = in.getInt(start + 128 + 16);
                names.add(new String(bytes, start + 128 + 24, nameLength,
                        StandardCharsets.UTF_8));
                in.position(start + 128 + 24 + ((nameLength + 7) & -8));
            }
        }
        assertThat(names).containsExactly(".", "..", "a", "b", "c", "d", "e");
        for (String name : List.of("a", "b", "c", "d", "e")) {
            long node = state.nodes.nodeAt(FsPath.parse("/" + name));
            assertThat(state.nodes.lookups(node)).as(name).isEqualTo(2);
        }
    }

    @Test
    void plainReaddirListsDotsAndNamesWithTheirTypes() {
        create("file", 0);
        send(ROOT, new FuseRequest.MakeDirectory(0755, 0, "dir"));
        long handle = ((OpenHandle) send(ROOT, new OpenDirectory(0))).handle();
        byte[] bytes = ((Data) send(ROOT, new ReadDirectory(handle, 0, 4096, false))).bytes();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<String> listed = new ArrayList<>();
        while (in.hasRemaining()) {
            int start = in.position();
            int nameLength = in.getInt(start + 16);
            listed.add(new String(bytes, start + 24, nameLength, StandardCharsets.UTF_8) + ":"
                    + in.getInt(start + 20) + "@" + in.getLong(start + 8));
            in.position(start + 24 + ((nameLength + 7) & -8));
        }
        assertThat(listed).containsExactly(".:4@1", "..:4@2", "dir:4@3", "file:8@4");
        assertThat(((Data) send(ROOT, new ReadDirectory(handle, 4, 4096, false))).bytes())
                .isEmpty();
        long dirNode = state.nodes.nodeAt(FsPath.parse("/dir"));
        assertThat(state.nodes.lookups(dirNode)).as("plain READDIR counts no lookups")
                .isEqualTo(1);
    }

    @Test
    void xattrSizesProbesAndInternalNames() throws Exception {
        long node = create("x", 0).entry().nodeId();
        assertThat(send(node, new SetXattr("user.k", "value".getBytes(), 0)))
                .isInstanceOf(FuseReply.Ok.class);
        assertThat(send(node, new GetXattr("user.k", 0))).isEqualTo(new XattrSize(5));
        assertThat(send(node, new GetXattr("user.k", 4))).isEqualTo(new Error(Errno.ERANGE));
        assertThat(((Data) send(node, new GetXattr("user.k", 5))).bytes())
                .isEqualTo("value".getBytes());
        files.setxattr(Caller.ROOT, FsPath.parse("/x"), "trusted.bramble.gfid", new byte[16],
                0);
        assertThat(send(node, new ListXattr(0))).isEqualTo(new XattrSize(7));
        assertThat(((Data) send(node, new ListXattr(7))).bytes())
                .isEqualTo("user.k\0".getBytes());
        assertThat(send(node, new GetXattr("trusted.bramble.gfid", 64)))
                .isEqualTo(new Error(Errno.ENODATA));
        assertThat(send(node, new SetXattr("user.bramble.v", new byte[1], 0)))
                .isEqualTo(new Error(Errno.EPERM));
    }

    @Test
    void aclsAndSecurityLabelsAreAnsweredWithoutTheVolume() throws Exception {
        long node = create("acl", 0).entry().nodeId();
        FsPath path = FsPath.parse("/acl");
        // What a brick may hold of its own disk's labels must not show through the mount.
        files.setxattr(Caller.ROOT, path, "security.selinux", "label".getBytes(), 0);
        files.setxattr(Caller.ROOT, path, "system.posix_acl_access", new byte[4], 0);
        files.setxattr(Caller.ROOT, path, "user.k", new byte[1], 0);
        for (String name : List.of("security.selinux", "security.capability",
                "system.posix_acl_access", "system.posix_acl_default")) {
            assertThat(send(node, new GetXattr(name, 0))).as(name)
                    .isEqualTo(new Error(Errno.EOPNOTSUPP));
            assertThat(send(node, new GetXattr(name, 64))).as(name)
                    .isEqualTo(new Error(Errno.EOPNOTSUPP));
            assertThat(send(node, new SetXattr(name, new byte[4], 0))).as(name)
                    .isEqualTo(new Error(Errno.EOPNOTSUPP));
            assertThat(send(node, new RemoveXattr(name))).as(name)
                    .isEqualTo(new Error(Errno.EOPNOTSUPP));
        }
        assertThat(files.getxattr(Caller.ROOT, path, "security.selinux"))
                .isEqualTo("label".getBytes());
        assertThat(((Data) send(node, new ListXattr(64))).bytes())
                .isEqualTo("user.k\0".getBytes());
        assertThat(send(node, new SetXattr("system.other", new byte[1], 0)))
                .isInstanceOf(FuseReply.Ok.class);
    }

    @Test
    void anUnlinkedNodeAnswersFromItsLastAttributes() {
        Created created = create("gone", 0);
        assertThat(send(ROOT, new Unlink("gone"))).isInstanceOf(FuseReply.Ok.class);
        Attributes attributes = (Attributes) send(created.entry().nodeId(),
                new GetAttr(OptionalLong.of(created.open().handle())));
        assertThat(attributes.attr().id()).isEqualTo(created.entry().attr().id());
    }

    @Test
    void anUnlinkedOpenFileIsChangedThroughAHandleOpenOnIt() throws Exception {
        Created created = create("tmp", 0);
        long node = created.entry().nodeId();
        long handle = created.open().handle();
        files.write(handle, 0, "0123456789".getBytes());
        assertThat(send(ROOT, new Unlink("tmp"))).isInstanceOf(FuseReply.Ok.class);
        // ftruncate names the open file; fchmod does not, the node's open file serves.
        Attributes truncated = (Attributes) send(node, new SetAttributes(SetAttr.truncate(4),
                OptionalLong.of(handle)));
        assertThat(truncated.attr().sizeBytes()).isEqualTo(4);
        Attributes chmodded = (Attributes) send(node, new SetAttributes(SetAttr.chmod(0600),
                OptionalLong.empty()));
        assertThat(chmodded.attr().permissions()).isEqualTo(0600);
        assertThat(files.read(handle, 0, 100)).hasSize(4);
        assertThat(send(node, new Release(handle, 0))).isInstanceOf(FuseReply.Ok.class);
        assertThat(send(node, new SetAttributes(SetAttr.chmod(0644), OptionalLong.empty())))
                .isEqualTo(new Error(Errno.ENOENT));
    }

    @Test
    void seeksForDataOnlyThroughTheLayersWithoutTheWritebackCache() throws Exception {
        Created created = create("sparse", 0);
        long handle = created.open().handle();
        files.write(handle, 8192, new byte[]{1});
        assertThat(send(created.entry().nodeId(), new Lseek(handle, 4096, SEEK_DATA)))
                .isEqualTo(new Error(Errno.ENOSYS));

        RequestDispatcher uncached = new RequestDispatcher(new MountState(files, files.getattr(
                Caller.ROOT, FsPath.ROOT), FuseOptions.defaults().withWritebackCache(false)));
        assertThat(uncached.dispatch(new Request(new RequestHeader(0, 0, 1, ROOT, 0, 0, 0, 0),
                new Lseek(handle, 4096, SEEK_DATA)))).isEqualTo(new SeekOffset(4096));
    }

    @Test
    void refusesWhatItDoesNotDo() {
        create("r", 0);
        assertThat(send(ROOT, new Rename(ROOT, "r", "s", 4))).isEqualTo(new Error(
                Errno.EINVAL));
        assertThat(send(ROOT, new Access(4))).isEqualTo(new Error(Errno.ENOSYS));
        assertThat(send(ROOT, new Unsupported(31))).isEqualTo(new Error(Errno.ENOSYS));
        assertThat(send(12345, new GetAttr(OptionalLong.empty()))).isEqualTo(new Error(
                Errno.ESTALE));
    }
}
