package io.bramble.cli.install;

import io.bramble.common.error.UserError;
import io.bramble.common.os.ProcessUser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bramble install}: the mount helper, the node's unit, the gluster and pcs names. */
@Command(
        name = "install",
        description = {
                "Put bramble where the system looks for it, once per machine, as root:",
                "  /sbin/mount.bramble                     -> BRAMBLE/bin/mount.bramble",
                "      so that 'mount -t bramble HOST:/VOL DIR' and fstab lines of type",
                "      bramble work;",
                "  /etc/systemd/system/bramble-node.service",
                "      the node as a service (then: systemctl enable --now bramble-node);",
                "  /usr/local/sbin/gluster                 -> BRAMBLE/bin/bramble",
                "      with --gluster only: gluster's command lines run bramble;",
                "  /usr/local/sbin/pcs                     -> BRAMBLE/bin/bramble",
                "      with --pcs only: pcs's command lines run bramble.",
                "Links point into this copy of bramble: move it, and install again.",
                "Nothing is replaced that bramble did not put there, unless --force."},
        footer = {"",
                "Examples:",
                "  sudo /opt/bramble/bin/bramble install",
                "  sudo /opt/bramble/bin/bramble install --gluster --pcs",
                "  sudo /opt/bramble/bin/bramble install --remove"})
public final class InstallCommand implements Callable<Integer> {
    /** Set by bin/bramble: the folder holding bin/bramble. */
    static final String HOME_ENV = "BRAMBLE_HOME";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "--gluster",
            description = {"Also link the name gluster (leave it out",
                    "where Gluster's own CLI is installed)."})
    private boolean gluster;

    @Option(
            names = "--pcs",
            description = {"Also link the name pcs (leave it out where",
                    "Pacemaker's pcs is installed)."})
    private boolean pcs;

    @Option(
            names = "--remove",
            description = {"Take away what install put in place;",
                    "anything else at those places is left."})
    private boolean remove;

    @Option(names = "--force", description = "Replace what is at those places.")
    private boolean force;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            defaultValue = "/",
            description = {
                    "Install under DIR instead of / (to stage a",
                    "machine's files); / by default."})
    private Path root;

    @Override
    public Integer call() {
        Path home = home();
        Path installRoot = root.toAbsolutePath().normalize();
        boolean live = installRoot.getParent() == null;
        if (live && !ProcessUser.isRoot()) {
            throw UserError.usage("install writes /sbin and /etc/systemd/system: run it as"
                    + " root (sudo " + home.resolve("bin/bramble") + " install), or with"
                    + " --root DIR to stage the files in DIR");
        }
        List<InstallItem> items = InstallPlan.of(installRoot, home, unitTemplate(home),
                gluster || remove, pcs || remove);
        PrintWriter out = spec.commandLine().getOut();
        List<String> report = remove
                ? Installer.remove(items)
                : Installer.install(items,
                        force);
        report.forEach(out::println);
        if (live && Files.isDirectory(Path.of("/run/systemd/system"))) {
            out.println(reloadSystemd());
        }
        out.flush();
        return 0;
    }

    private static Path home() {
        String home = System.getenv(HOME_ENV);
        if (home == null || home.isBlank()) {
            throw UserError.usage("install needs to know where bramble is: run it as"
                    + " bin/bramble install from bramble's folder ($" + HOME_ENV
                    + " is not set)");
        }
        return Path.of(home).toAbsolutePath().normalize();
    }

    private static String unitTemplate(Path home) {
        Path unit = home.resolve(InstallPlan.UNIT_SOURCE);
        try {
            return Files.readString(unit, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.runtime("cannot read the node's unit file " + unit + ": "
                    + e.getMessage() + " (is " + home + " a whole copy of bramble?)", e);
        }
    }

    /** {@code systemctl daemon-reload}, so that systemd sees the unit as it is now. */
    private static String reloadSystemd() {
        try {
            Process process = new ProcessBuilder("systemctl", "daemon-reload")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return "systemd reloaded its units";
            }
            process.destroyForcibly();
            return "systemctl daemon-reload failed: run it by hand";
        } catch (IOException e) {
            return "systemctl daemon-reload failed (" + e.getMessage() + "): run it by hand";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "systemctl daemon-reload was interrupted: run it by hand";
        }
    }
}
