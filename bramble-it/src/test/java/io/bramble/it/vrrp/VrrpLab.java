package io.bramble.it.vrrp;

import static org.awaitility.Awaitility.await;

import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What the VRRP lab tests share: configs, web servers that say who they are, checks. */
final class VrrpLab {
    static final String VIP = "10.77.0.100";
    static final int WEB_PORT = 8080;
    static final Duration GENEROUS = Duration.ofSeconds(60);
    /** Linux's default neighbour locktime: ARP updates within it are ignored. */
    static final long LOCKTIME_MS = 1_000;

    private VrrpLab() {
    }

    /**
     * A keepalived.conf for one node of virtual router 51 holding {@link #VIP}.
     *
     * @param global extra global_defs lines ("" for none)
     * @param extra extra vrrp_instance lines ("" for none)
     */
    static String config(LabHost host, int priority, String global, String extra) {
        return "global_defs {\n    router_id " + host.name() + "\n" + global + "}\n\n"
                + "vrrp_instance VI_1 {\n"
                + "    state BACKUP\n"
                + "    interface " + host.interfaceName() + "\n"
                + "    virtual_router_id 51\n"
                + "    priority " + priority + "\n"
                + extra
                + "    virtual_ipaddress {\n"
                + "        " + VIP + "\n"
                + "    }\n"
                + "}\n";
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code bramble web} on every address of {@code host}, saying "I am NAME". */
    static ManagedProcess web(LabHost host, Path dir) {
        Path root = dir.resolve("site-" + host.name());
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("index.html"), "<html><body>I am " + host.name()
                    + "</body></html>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess web = host.startBramble("web", "--root", root.toString(), "--bind",
                "0.0.0.0:" + WEB_PORT);
        web.awaitLine("serving");
        return web;
    }

    /** Whether the virtual address is configured on the host's interface. */
    static boolean hasVip(LabHost host) {
        return host.exec("ip", "-4", "-o", "addr", "show", "dev", host.interfaceName())
                .output().contains(" " + VIP + "/");
    }

    /**
     * Lets a new master's gratuitous ARPs age past Linux's neighbour locktime (1 s) before the
     * next fault, so the time measured is that of a master that held the address for a while;
     * a takeover less than a second after another one waits for bramble's follow-up burst.
     */
    static void settle() {
        try {
            Thread.sleep(LOCKTIME_MS + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void awaitVip(LabHost host, boolean present) {
        await(host.name() + (present ? " to hold " : " to let go of ") + VIP).atMost(GENEROUS)
                .until(() -> hasVip(host) == present);
    }
}
