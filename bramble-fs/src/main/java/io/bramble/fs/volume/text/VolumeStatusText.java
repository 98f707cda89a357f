package io.bramble.fs.volume.text;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.status.BrickReport;
import java.util.List;

/**
 * {@code volume status NAME} in Gluster's table: a header, a dashed line, one line per brick
 * ({@code Brick host:/path}, TCP port, RDMA port, online, pid; a name longer than the column
 * runs on over whole lines first), then the volume's tasks. bramble's heal runs inside each
 * node rather than as a daemon of its own, and it has no NFS server, so no such lines appear.
 */
public final class VolumeStatusText {
    /** Width of the process column, as Gluster's. */
    static final int PROCESS_CHARS = 43;
    /** Width of the dashed lines. */
    static final int LINE_CHARS = 78;
    static final String LINE = "-".repeat(LINE_CHARS) + "\n";

    private VolumeStatusText() {
    }

    public static String render(VolumeSpec volume, List<BrickReport> bricks) {
        StringBuilder out = new StringBuilder("Status of volume: ").append(volume.name())
                .append('\n')
                .append(String.format("%-" + PROCESS_CHARS + "s %s  %s  %s  %s\n",
                        "Gluster process", "TCP Port", "RDMA Port", "Online", "Pid"))
                .append(LINE);
        bricks.forEach(b -> brick(b, out));
        return out.append(" \n")
                .append("Task Status of Volume ").append(volume.name()).append('\n')
                .append(LINE)
                .append("There are no active volume tasks\n")
                .append(" \n")
                .toString();
    }

    private static void brick(BrickReport b, StringBuilder out) {
        String name = "Brick " + b.brick().shown();
        while (name.length() > PROCESS_CHARS) {
            out.append(name, 0, PROCESS_CHARS).append('\n');
            name = name.substring(PROCESS_CHARS);
        }
        out.append(String.format("%-" + PROCESS_CHARS + "s ", name));
        if (!b.online()) {
            out.append(String.format("%-10s%-11s%-8s%-5s", "N/A", "N/A", "N", "N/A"));
        } else if (b.tcpPort() == 0 && b.rdmaPort() == 0) {
            out.append(String.format("%-10s%-11s%-8s%-5d", "N/A", "N/A", "Y", b.pid()));
        } else {
            out.append(String.format("%-10d%-11d%-8s%-5d", b.tcpPort(), b.rdmaPort(), "Y",
                    b.pid()));
        }
        out.append('\n');
    }
}
