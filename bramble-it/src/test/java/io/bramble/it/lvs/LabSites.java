package io.bramble.it.lvs;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002's lab: real servers ({@code bramble web} serving one page on every address) and
 * the client refreshing the virtual address.
 */
final class LabSites {
    private LabSites() {
    }

    /**
     * One refresh of seed 002's browser: "server1" or "server2" as the page says, or "failed"
     * (no answer, or one shorter than {@code bytesMin}).
     */
    static String refresh(LabHost client, HostPort vip, int bytesMin) {
        String answer = client.httpGet(vip, "/").output();
        if (answer.length() < bytesMin) {
            return "failed";
        }
        return answer.contains("This is real server1")
                ? "server1"
                : answer.contains("This is real server2") ? "server2" : "failed";
    }

    static List<String> refreshes(LabHost client, HostPort vip, int bytesMin, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(refresh(client, vip, bytesMin));
        }
        return out;
    }

    /** A {@code real_server} block on {@code port}, weight 1, with a TCP_CHECK. */
    static String realServer(LabHost real, int port) {
        return "    real_server " + real.address().getHostAddress() + " " + port
                + " {\n        weight 1\n        TCP_CHECK {\n            connect_timeout 1\n"
                + "        }\n    }\n";
    }

    /** Serves {@code page} as {@code /} on {@code port} of every address of {@code host}. */
    static ManagedProcess web(LabHost host, Path dir, String page, int port) throws IOException {
        Path root = Files.createDirectories(dir.resolve("site-" + host.name()));
        Files.writeString(root.resolve("index.html"), page);
        ManagedProcess web = host.startBramble("web", "--root", root.toString(), "--bind",
                "0.0.0.0:" + port);
        web.awaitLine("serving");
        return web;
    }
}
