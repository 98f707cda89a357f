package io.bramble.cli.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bramble install} puts where, from where bramble is ({@code home}) and the root
 * it installs under ({@code /}, or a staging folder). Pure: reading and writing are
 * {@link Installer}'s.
 */
public final class InstallPlan {
    /** Where the unit file in bramble's tree names bramble; replaced by the real place. */
    static final String UNIT_HOME = "/opt/bramble";
    /** The node's unit file, relative to bramble's home. */
    public static final Path UNIT_SOURCE = Path.of("packaging", "systemd",
            "bramble-node.service");

    private InstallPlan() {
    }

    /**
     * The items to install.
     *
     * @param root the install root: {@code /} on a real machine
     * @param home bramble's home (the folder holding {@code bin/bramble})
     * @param unitTemplate the text of {@link #UNIT_SOURCE}
     * @param gluster whether to add the {@code gluster} name
     * @param pcs whether to add the {@code pcs} name
     */
    public static List<InstallItem> of(Path root, Path home, String unitTemplate,
            boolean gluster, boolean pcs) {
        Path bin = home.resolve("bin");
        List<InstallItem> items = new ArrayList<>();
        items.add(InstallItem.link(root.resolve("sbin/mount.bramble"), bin.resolve(
                "mount.bramble"), "mount -t bramble, and fstab lines of type bramble"));
        items.add(InstallItem.file(root.resolve("etc/systemd/system/bramble-node.service"),
                unit(unitTemplate, home), "the node as a service: systemctl enable --now"
                        + " bramble-node"));
        if (gluster) {
            items.add(InstallItem.link(root.resolve("usr/local/sbin/gluster"), bin.resolve(
                    "bramble"), "gluster's command lines"));
        }
        if (pcs) {
            items.add(InstallItem.link(root.resolve("usr/local/sbin/pcs"), bin.resolve(
                    "bramble"), "pcs's command lines"));
        }
        return List.copyOf(items);
    }

    /** The unit file with bramble's real home in place of {@value #UNIT_HOME}. */
    static String unit(String template, Path home) {
        if (!template.contains(UNIT_HOME + "/bin/bramble")) {
            throw new IllegalArgumentException("the unit file does not start "
                    + UNIT_HOME + "/bin/bramble");
        }
        return template.replace(UNIT_HOME, home.toString());
    }
}
