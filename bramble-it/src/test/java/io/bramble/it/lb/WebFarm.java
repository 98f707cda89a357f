package io.bramble.it.lb;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Real {@code bramble web} servers and a real {@code bramble lb} in front of them, as the
 * seeds set them up: each web server's index page names it, and serves the check file.
 */
final class WebFarm {
    /** Printed by {@code bramble lb} once every listener is bound. */
    static final Pattern LB_READY = Pattern.compile("bramble lb: listening on");

    /** Pages /p/1.html to /p/N.html, each naming its server, for URI hashing. */
    static final int PAGES = 12;

    private final LocalCluster cluster;
    private final Path dir;
    private boolean bigFiles;

    WebFarm(LocalCluster cluster, Path dir) {
        this.cluster = cluster;
        this.dir = dir;
    }

    /** Sites get a 32 MiB {@code big.bin} too, for downloads that last. */
    WebFarm withBigFiles() {
        bigFiles = true;
        return this;
    }

    /** Starts {@code bramble web} as {@code name}, serving a site that names it. */
    ManagedProcess web(String name) {
        Path site = site(name);
        ManagedProcess web = cluster.start(name, "web", "--root", site.toString(), "--bind",
                cluster.endpoint(name).toString());
        web.awaitPort();
        return web;
    }

    /** Starts {@code name} again after it was stopped or killed. */
    ManagedProcess restart(String name) {
        return web(name);
    }

    HostPort endpoint(String name) {
        return cluster.endpoint(name);
    }

    /** Writes {@code config} and starts {@code bramble lb -f} on it. */
    ManagedProcess lb(String config) {
        Path file = write("haproxy.cfg", config);
        ManagedProcess lb = cluster.start("lb", "lb", "-f", file.toString());
        lb.awaitLine(LB_READY.pattern());
        return lb;
    }

    /** Runs {@code bramble lb -c -f} on {@code config} and returns its exit code. */
    ManagedProcess check(String name, String config) {
        Path file = write(name + ".cfg", config);
        return cluster.start("check-" + name, "lb", "-c", "-f", file.toString());
    }

    /** Error pages in HAProxy's errorfile format, as Debian installs them. */
    Path errorFiles() {
        Path errors = dir.resolve("errors");
        for (int code : new int[]{400, 403, 408, 500, 502, 503, 504}) {
            write("errors/" + code + ".http", "HTTP/1.0 " + code + " Error\r\n"
                    + "Cache-Control: no-cache\r\nConnection: close\r\n"
                    + "Content-Type: text/html\r\n\r\n<html><body><h1>" + code
                    + " from the errorfile</h1></body></html>\n");
        }
        return errors;
    }

    Path write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path site(String name) {
        Path site = dir.resolve("site-" + name);
        write("site-" + name + "/index.html", "<html><body>" + name + "</body></html>\n");
        write("site-" + name + "/lb-check.txt", "ok\n");
        for (int page = 1; page <= PAGES; page++) {
            write("site-" + name + "/p/" + page + ".html", "<html><body>" + name
                    + "</body></html>\n");
        }
        if (bigFiles && !Files.exists(site.resolve("big.bin"))) {
            try {
                Files.write(site.resolve("big.bin"), new byte[32 * 1024 * 1024]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return site;
    }
}
