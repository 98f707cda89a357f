package io.bramble.fs.brick.wire;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.EntryXattrs;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import io.bramble.fs.ops.XattrsPage;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The value types of the file operations on the wire. Every read checks its bounds, and a
 * value the type itself refuses (a bad file name, a deep path) makes the frame malformed.
 */
final class Values {
    /** Longest path: {@link FsPath#DEPTH_MAX} names of the longest length, with slashes. */
    static final int PATH_BYTES_MAX = FsPath.DEPTH_MAX * (FsPath.NAME_BYTES_MAX + 1);
    /** Longest attribute name ({@code XATTR_NAME_MAX}). */
    static final int XATTR_NAME_BYTES_MAX = 255;
    /** Largest attribute value ({@code XATTR_SIZE_MAX}). */
    static final int XATTR_VALUE_BYTES_MAX = 65_536;
    /** Most attribute names in one list ({@code XATTR_LIST_MAX} bytes of one-byte names). */
    static final int XATTR_NAMES_MAX = 32_768;
    /** Longest link target: PATH_MAX. */
    static final int LINK_TARGET_BYTES_MAX = 4096;
    /** Most entries of one listing page. */
    static final int PAGE_ENTRIES_MAX = 4096;

    private static final int SET_PERMISSIONS = 1;
    private static final int SET_UID = 2;
    private static final int SET_GID = 4;
    private static final int SET_SIZE = 8;
    private static final int SET_ATIME = 16;
    private static final int SET_MTIME = 32;

    private Values() {
    }

    static WireWriter path(WireWriter out, FsPath path) {
        return out.string(path.toString());
    }

    static FsPath path(WireReader in) throws MalformedFrameException {
        String text = in.string(PATH_BYTES_MAX);
        try {
            return FsPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("a bad path: " + e.getMessage());
        }
    }

    /** A file name, checked as {@link FsPath} checks names. */
    static String name(WireReader in) throws MalformedFrameException {
        String name = in.string(FsPath.NAME_BYTES_MAX);
        if (!FsPath.isValidName(name)) {
            throw new MalformedFrameException("a bad file name");
        }
        return name;
    }

    static void optionalName(WireWriter out, String name) {
        out.bool(name != null);
        if (name != null) {
            out.string(name);
        }
    }

    static String optionalName(WireReader in) throws MalformedFrameException {
        return in.bool() ? name(in) : null;
    }

    static void id(WireWriter out, FileId id) {
        out.i64(id.high()).i64(id.low());
    }

    static FileId id(WireReader in) throws MalformedFrameException {
        return new FileId(in.i64(), in.i64());
    }

    static void caller(WireWriter out, Caller caller) {
        int[] groups = caller.groups();
        out.i32(caller.uid()).i32(caller.gid()).i32(groups.length);
        for (int group : groups) {
            out.i32(group);
        }
        out.i32(caller.pid());
    }

    static Caller caller(WireReader in) throws MalformedFrameException {
        int uid = in.i32();
        int gid = in.i32();
        int[] groups = new int[in.count(Caller.GROUPS_MAX)];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = in.i32();
        }
        return new Caller(uid, gid, groups, in.i32());
    }

    static void attr(WireWriter out, Attr attr) {
        id(out, attr.id());
        out.i32(attr.mode()).i64(attr.nlink()).i32(attr.uid()).i32(attr.gid()).i64(attr.rdev())
                .i64(attr.sizeBytes()).i64(attr.blocks512()).i64(attr.atimeNs())
                .i64(attr.mtimeNs()).i64(attr.ctimeNs());
    }

    static Attr attr(WireReader in) throws MalformedFrameException {
        return new Attr(id(in), in.i32(), in.i64(), in.i32(), in.i32(), in.i64(), in.i64(),
                in.i64(), in.i64(), in.i64(), in.i64());
    }

    static void attrXattrs(WireWriter out, AttrXattrs read) {
        attr(out, read.attr());
        xattrs(out, read.xattrs());
    }

    static AttrXattrs attrXattrs(WireReader in) throws MalformedFrameException {
        Attr attr = attr(in);
        return new AttrXattrs(attr, xattrs(in));
    }

    static void xattrs(WireWriter out, Map<String, byte[]> xattrs) {
        out.i32(xattrs.size());
        for (Map.Entry<String, byte[]> xattr : xattrs.entrySet()) {
            out.string(xattr.getKey()).bytes(xattr.getValue());
        }
    }

    static Map<String, byte[]> xattrs(WireReader in) throws MalformedFrameException {
        int count = in.count(XATTR_NAMES_MAX);
        Map<String, byte[]> xattrs = new HashMap<>();
        for (int i = 0; i < count; i++) {
            xattrs.put(in.string(XATTR_NAME_BYTES_MAX), in.bytes(XATTR_VALUE_BYTES_MAX));
        }
        return xattrs;
    }

    static void setAttr(WireWriter out, SetAttr changes) {
        int present = (changes.permissions().isPresent() ? SET_PERMISSIONS : 0)
                | (changes.uid().isPresent() ? SET_UID : 0)
                | (changes.gid().isPresent() ? SET_GID : 0)
                | (changes.sizeBytes().isPresent() ? SET_SIZE : 0)
                | (changes.atimeNs().isPresent() ? SET_ATIME : 0)
                | (changes.mtimeNs().isPresent() ? SET_MTIME : 0);
        out.u8(present);
        changes.permissions().ifPresent(out::i32);
        changes.uid().ifPresent(out::i32);
        changes.gid().ifPresent(out::i32);
        changes.sizeBytes().ifPresent(out::i64);
        changes.atimeNs().ifPresent(out::i64);
        changes.mtimeNs().ifPresent(out::i64);
    }

    static SetAttr setAttr(WireReader in) throws MalformedFrameException {
        int present = in.u8();
        if (present > 63) {
            throw new MalformedFrameException("unknown setattr fields " + present);
        }
        OptionalInt permissions = (present & SET_PERMISSIONS) != 0
                ? OptionalInt.of(in.i32())
                : OptionalInt.empty();
        OptionalInt uid = (present & SET_UID) != 0
                ? OptionalInt.of(in.i32())
                : OptionalInt
                        .empty();
        OptionalInt gid = (present & SET_GID) != 0
                ? OptionalInt.of(in.i32())
                : OptionalInt
                        .empty();
        OptionalLong size = (present & SET_SIZE) != 0
                ? OptionalLong.of(in.i64())
                : OptionalLong
                        .empty();
        OptionalLong atime = (present & SET_ATIME) != 0
                ? OptionalLong.of(in.i64())
                : OptionalLong.empty();
        OptionalLong mtime = (present & SET_MTIME) != 0
                ? OptionalLong.of(in.i64())
                : OptionalLong.empty();
        return new SetAttr(permissions, uid, gid, size, atime, mtime);
    }

    static void statFs(WireWriter out, StatFs fs) {
        out.i64(fs.blockSizeBytes()).i64(fs.blocks()).i64(fs.blocksFree())
                .i64(fs.blocksAvailable()).i64(fs.files()).i64(fs.filesFree())
                .i32(fs.nameBytesMax());
    }

    static StatFs statFs(WireReader in) throws MalformedFrameException {
        return new StatFs(in.i64(), in.i64(), in.i64(), in.i64(), in.i64(), in.i64(), in.i32());
    }

    static void page(WireWriter out, DirPage page) {
        out.bool(page.complete()).i32(page.entries().size());
        for (DirEntry entry : page.entries()) {
            out.string(entry.name());
            attr(out, entry.attr());
        }
    }

    static DirPage page(WireReader in) throws MalformedFrameException {
        boolean complete = in.bool();
        int count = in.count(PAGE_ENTRIES_MAX);
        List<DirEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new DirEntry(name(in), attr(in)));
        }
        return new DirPage(entries, complete);
    }

    static void xattrsPage(WireWriter out, XattrsPage page) {
        out.bool(page.complete()).i32(page.entries().size());
        for (EntryXattrs entry : page.entries()) {
            out.string(entry.name());
            attrXattrs(out, entry.read());
        }
    }

    /** A page whose xattrs pass {@link XattrsPage#XATTR_BYTES_MAX} is malformed. */
    static XattrsPage xattrsPage(WireReader in) throws MalformedFrameException {
        boolean complete = in.bool();
        int count = in.count(PAGE_ENTRIES_MAX);
        List<EntryXattrs> entries = new ArrayList<>(count);
        long xattrBytes = 0;
        for (int i = 0; i < count; i++) {
            EntryXattrs entry = new EntryXattrs(name(in), attrXattrs(in));
            xattrBytes += XattrsPage.xattrBytes(entry.read().xattrs());
            if (xattrBytes > XattrsPage.XATTR_BYTES_MAX) {
                throw new MalformedFrameException("a listing page with more than "
                        + XattrsPage.XATTR_BYTES_MAX + " bytes of xattrs");
            }
            entries.add(entry);
        }
        return new XattrsPage(entries, complete);
    }
}
