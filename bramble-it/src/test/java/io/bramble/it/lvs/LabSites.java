package io.bramble.it.lvs;

import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real servers of seed 002's lab: {@code bramble web} serving one page on every address. */
final class LabSites {
    private LabSites() {
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
