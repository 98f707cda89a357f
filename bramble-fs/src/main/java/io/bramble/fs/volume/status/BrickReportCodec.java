package io.bramble.fs.volume.status;

import io.bramble.fs.volume.Brick;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A brick's report as its machine sends it to the node that runs {@code volume status}: one
 * {@code field value} line per field. Decoding bounds every line and rejects what
 * {@link #encode} never writes.
 */
public final class BrickReportCodec {
    /** Longest report read, in characters. */
    public static final int REPORT_CHARS_MAX = 16 * 1024;
    private static final int FIELDS_MAX = 16;

    private BrickReportCodec() {
    }

    public static String encode(BrickReport r) {
        StringBuilder out = new StringBuilder();
        line(out, "online", String.valueOf(r.online()));
        line(out, "port", String.valueOf(r.tcpPort()));
        line(out, "pid", String.valueOf(r.pid()));
        r.disk().ifPresent(d -> {
            line(out, "fs", d.fileSystem());
            line(out, "device", d.device());
            line(out, "options", d.mountOptions());
            line(out, "inode-size", d.inodeSize());
            line(out, "free", String.valueOf(d.freeBytes()));
            line(out, "total", String.valueOf(d.totalBytes()));
            line(out, "inodes", String.valueOf(d.inodes()));
            line(out, "free-inodes", String.valueOf(d.freeInodes()));
        });
        return out.toString();
    }

    private static void line(StringBuilder out, String field, String value) {
        out.append(field).append(' ').append(value.replace('\n', ' ')).append('\n');
    }

    /** The report of {@code brick} in {@code text}; empty when it is not one. */
    public static Optional<BrickReport> decode(Brick brick, String text) {
        if (text.length() > REPORT_CHARS_MAX) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space <= 0 || fields.size() >= FIELDS_MAX
                    || fields.put(line.substring(0, space), line.substring(space + 1)) != null) {
                return Optional.empty();
            }
        }
        try {
            Optional<DiskFacts> disk = fields.containsKey("fs")
                    ? Optional.of(new DiskFacts(need(fields, "fs"), need(fields, "device"),
                            need(fields, "options"), need(fields, "inode-size"),
                            number(fields, "free"), number(fields, "total"),
                            number(fields, "inodes"), number(fields, "free-inodes")))
                    : Optional.empty();
            int port = (int) number(fields, "port");
            if (port < 0 || port > 65535) {
                return Optional.empty();
            }
            return Optional.of(new BrickReport(brick, Boolean.parseBoolean(need(fields,
                    "online")), port, 0, number(fields, "pid"), disk));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String need(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    private static long number(Map<String, String> fields, String name) {
        return Long.parseLong(need(fields, name));
    }
}
