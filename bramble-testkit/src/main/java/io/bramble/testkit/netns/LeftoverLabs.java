package io.bramble.testkit.netns;

import java.util.List;

/**
 * Removes namespaces of labs whose JVM is gone (killed before it could tear its lab down), so
 * they do not pile up. Labs of a running JVM are never touched.
 */
final class LeftoverLabs {
    private LeftoverLabs() {
    }

    /** Kills the processes in, and deletes, every lab namespace whose owner pid is gone. */
    static void removeDeadOwners() {
        for (String namespace : Ip.namespaces()) {
            boolean leftover = LabNames.ownerOf(namespace)
                    .map(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .map(alive -> !alive).orElse(false);
            if (leftover) {
                System.err.println("bramble testkit: removing leftover lab namespace "
                        + namespace);
                Namespaces.killProcesses(namespace);
                Ip.run("netns", "del", namespace);
            }
        }
    }

    /** The lab namespaces on this machine, whoever owns them. */
    static List<String> all() {
        return Ip.namespaces().stream().filter(ns -> LabNames.ownerOf(ns).isPresent()).toList();
    }
}
