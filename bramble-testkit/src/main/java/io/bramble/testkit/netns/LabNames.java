package io.bramble.testkit.netns;

import io.bramble.common.check.Checks;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of a lab's namespaces and interfaces. Namespaces are machine-wide, so their names carry
 * the owner JVM's pid and a random lab id: two labs never collide, and a lab whose owner died
 * is recognised as leftover. Interfaces live inside the lab's namespaces, so their names are
 * short and fixed ({@code eth0} in every host, as on a real machine) and cannot clash with the
 * machine's own.
 *
 * @param ownerPid the pid of the JVM that made the lab
 * @param labId a short random id, lowercase letters and digits
 */
record LabNames(long ownerPid, String labId) {
    static final String PREFIX = "bramble-";
    /** The interface in every host namespace. */
    static final String HOST_INTERFACE = "eth0";
    /** The bridge in the switch namespace. */
    static final String BRIDGE = "br0";
    /** Linux limits interface names to 15 bytes; the switch port is "to-" and the host name. */
    static final int HOST_NAME_CHARS_MAX = 12;
    static final String SWITCH = "switch";
    private static final Pattern HOST_NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");
    private static final Pattern NAMESPACE = Pattern.compile(
            Pattern.quote(PREFIX) + "(\\d+)-([a-z0-9]+)-([a-z0-9]+)");
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_CHARS_COUNT = 4;

    /** Names for a new lab of this JVM. */
    static LabNames fresh(RandomGenerator random) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < ID_CHARS_COUNT; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return new LabNames(ProcessHandle.current().pid(), id.toString());
    }

    /** Fails unless {@code host} can name a host: 1 to 12 lowercase letters and digits. */
    static String checkHostName(String host) {
        Checks.argument(host != null && HOST_NAME.matcher(host).matches(),
                "a lab host name is 1 to " + HOST_NAME_CHARS_MAX
                        + " lowercase letters and digits, starting with a letter; got '" + host
                        + "'");
        Checks.argument(!host.equals(SWITCH), "'" + SWITCH + "' names the lab's switch");
        return host;
    }

    String switchNamespace() {
        return PREFIX + ownerPid + "-" + labId + "-" + SWITCH;
    }

    String hostNamespace(String host) {
        return PREFIX + ownerPid + "-" + labId + "-" + host;
    }

    /** The switch's port for {@code host}: the far end of the host's cable. */
    static String switchPort(String host) {
        return "to-" + host;
    }

    /** The pid of the JVM that made {@code namespace}, when it is a lab's namespace. */
    static Optional<Long> ownerOf(String namespace) {
        Matcher matcher = NAMESPACE.matcher(namespace);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
