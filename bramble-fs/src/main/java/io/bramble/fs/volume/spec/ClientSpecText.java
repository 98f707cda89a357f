package io.bramble.fs.volume.spec;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.RetiredSets;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The text of {@code volume getspec}: a first line naming the format and its version, one
 * {@code field value} line per volume field, a {@code brick} line per brick in order, an
 * {@code option} line per option set (oldest first) and {@code end}. A field whose value may
 * hold spaces is the last of its line. The {@code stripe} line is there only for striped
 * volumes, the {@code disperse COUNT REDUNDANCY} line only for disperse ones: a mount that
 * predates them refuses such a spec rather than serve it as another type. The
 * {@code removed} and {@code decommissioned} lines list the subvolume numbers remove-brick
 * took or is taking ({@link RetiredSets}), there only when it did.
 *
 * <pre>
 * bramble-volume-spec 1
 * name gv0
 * id 0b0e7a52-...
 * status STARTED
 * replica 2
 * arbiter false
 * transport tcp
 * stripe 2                   (striped volumes only)
 * disperse 3 1               (disperse volumes only)
 * removed 1                  (after remove-brick only)
 * decommissioned 2 3         (while remove-brick runs only)
 * brick NODE-UUID ADDRESS PORT ONLINE HOST PATH
 * option network.ping-timeout 10
 * end
 * </pre>
 */
public final class ClientSpecText {
    public static final String FORMAT = "bramble-volume-spec 1";
    /** Longest spec read, in characters: 256 bricks of long paths fit. */
    public static final int SPEC_CHARS_MAX = 1024 * 1024;

    private ClientSpecText() {
    }

    public static String encode(ClientSpec spec) {
        VolumeSpec v = spec.volume();
        StringBuilder out = new StringBuilder(FORMAT).append('\n');
        out.append("name ").append(v.name()).append('\n')
                .append("id ").append(v.id()).append('\n')
                .append("status ").append(v.status().name()).append('\n')
                .append("replica ").append(v.replicaCount()).append('\n')
                .append("arbiter ").append(v.arbiter()).append('\n')
                .append("transport ").append(v.transport()).append('\n');
        if (v.stripeCount() > 1) {
            out.append("stripe ").append(v.stripeCount()).append('\n');
        }
        if (v.dispersed()) {
            out.append("disperse ").append(v.disperseCount()).append(' ')
                    .append(v.redundancyCount()).append('\n');
        }
        numbers(out, "removed", v.retired().removed());
        numbers(out, "decommissioned", v.retired().decommissioned());
        for (BrickEndpoint e : spec.endpoints()) {
            Brick b = e.brick();
            out.append("brick ").append(b.nodeId()).append(' ').append(e.address()).append(' ')
                    .append(e.port()).append(' ').append(e.online()).append(' ')
                    .append(b.host()).append(' ').append(b.path()).append('\n');
        }
        v.options().forEach((key, value) -> out.append("option ").append(key).append(' ')
                .append(value).append('\n'));
        return out.append("end\n").toString();
    }

    private static void numbers(StringBuilder out, String field, List<Integer> numbers) {
        if (!numbers.isEmpty()) {
            out.append(field);
            numbers.forEach(n -> out.append(' ').append(n));
            out.append('\n');
        }
    }

    /** The numbers of line {@code first} when it is {@code field}'s; empty when it is not. */
    private static List<Integer> numbers(List<String> lines, int first, String field) {
        if (!lines.get(first).startsWith(field + " ")) {
            return List.of();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String word : field(lines.get(first), field).split(" ")) {
            numbers.add(Integer.parseInt(word));
        }
        if (numbers.size() > RetiredSets.NUMBERS_MAX) {
            throw new IllegalArgumentException("too many " + field + " subvolumes");
        }
        return numbers;
    }

    /** The spec in {@code text}; empty when it is not one this version reads. */
    public static Optional<ClientSpec> decode(String text) {
        if (text.length() > SPEC_CHARS_MAX) {
            return Optional.empty();
        }
        List<String> lines = List.of(text.split("\n"));
        if (lines.size() < 9 || !lines.getFirst().equals(FORMAT)
                || !lines.getLast().equals("end")) {
            return Optional.empty();
        }
        try {
            String name = field(lines.get(1), "name");
            UUID id = UUID.fromString(field(lines.get(2), "id"));
            VolumeStatus status = VolumeStatus.valueOf(field(lines.get(3), "status"));
            int replica = Integer.parseInt(field(lines.get(4), "replica"));
            boolean arbiter = bool(field(lines.get(5), "arbiter"));
            String transport = field(lines.get(6), "transport");
            int stripe = 1;
            int first = 7;
            if (lines.get(first).startsWith("stripe ")) {
                stripe = Integer.parseInt(field(lines.get(first), "stripe"));
                first++;
            }
            int disperse = 0;
            int redundancy = 0;
            if (lines.get(first).startsWith("disperse ")) {
                String[] counts = field(lines.get(first), "disperse").split(" ");
                if (counts.length != 2) {
                    return Optional.empty();
                }
                disperse = Integer.parseInt(counts[0]);
                redundancy = Integer.parseInt(counts[1]);
                first++;
            }
            List<Integer> removed = numbers(lines, first, "removed");
            first += removed.isEmpty() ? 0 : 1;
            List<Integer> decommissioned = numbers(lines, first, "decommissioned");
            first += decommissioned.isEmpty() ? 0 : 1;
            List<BrickEndpoint> endpoints = new ArrayList<>();
            Map<String, String> options = new LinkedHashMap<>();
            for (String line : lines.subList(first, lines.size() - 1)) {
                if (line.startsWith("brick ") && options.isEmpty()) {
                    endpoints.add(endpoint(line));
                } else if (line.startsWith("option ")) {
                    String[] f = line.split(" ", 3);
                    if (f.length != 3 || options.put(f[1], f[2]) != null) {
                        return Optional.empty();
                    }
                } else {
                    return Optional.empty();
                }
            }
            VolumeSpec volume = new VolumeSpec(name, id, stripe, replica, arbiter, transport,
                    endpoints.stream().map(BrickEndpoint::brick).toList(), status, options,
                    disperse, redundancy, new RetiredSets(removed, decommissioned));
            return Optional.of(new ClientSpec(volume, endpoints));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static BrickEndpoint endpoint(String line) {
        String[] f = line.split(" ", 7);
        if (f.length != 7) {
            throw new IllegalArgumentException("short brick line");
        }
        int port = Integer.parseInt(f[3]);
        if (port < 0 || port > 65535 || !f[6].startsWith("/")) {
            throw new IllegalArgumentException("bad brick line");
        }
        return new BrickEndpoint(new Brick(f[5], f[6], UUID.fromString(f[1])), f[2], port,
                bool(f[4]));
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + " ") || line.length() == name.length() + 1) {
            throw new IllegalArgumentException("expected " + name);
        }
        return line.substring(name.length() + 1);
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a flag: " + text);
        };
    }
}
