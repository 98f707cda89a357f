package io.bramble.cluster.agent;

import java.util.Optional;

/**
 * An agent's full name: {@code ocf:heartbeat:IPaddr2}, {@code systemd:nginx},
 * {@code lsb:nginx}, {@code service:nginx} or {@code stonith:fence_xvm}. Only the ocf standard
 * has a provider.
 *
 * @param standard the class, as Pacemaker calls it ({@code ocf}, {@code lsb}, ...)
 * @param provider the ocf provider, empty for every other standard
 * @param type the agent itself: a script, a unit or a fence agent's name
 */
public record AgentName(String standard, Optional<String> provider, String type) {
    public static final String OCF = "ocf";
    public static final String LSB = "lsb";
    public static final String SYSTEMD = "systemd";
    public static final String SERVICE = "service";
    public static final String STONITH = "stonith";
    /** Longest name taken; Pacemaker's own names are far shorter. */
    public static final int NAME_CHARS_MAX = 256;

    public AgentName {
        provider = provider == null ? Optional.empty() : provider;
    }

    public static AgentName ocf(String provider, String type) {
        return new AgentName(OCF, Optional.of(provider), type);
    }

    public static AgentName of(String standard, String type) {
        return new AgentName(standard, Optional.empty(), type);
    }

    /**
     * Parses a full name as pcs does: {@code ocf} needs a provider, other standards take
     * none; a systemd or service unit name may hold colons after an {@code @}
     * ({@code systemd:lvm2-pvscan@252:2}).
     */
    public static AgentName parse(String text) {
        if (text.length() > NAME_CHARS_MAX) {
            throw invalid(text.substring(0, 32) + "...");
        }
        int first = text.indexOf(':');
        if (first <= 0) {
            throw invalid(text);
        }
        String standard = text.substring(0, first);
        String rest = text.substring(first + 1);
        boolean unit = standard.equals(SYSTEMD) || standard.equals(SERVICE);
        if (unit && rest.indexOf('@') > 0 && rest.indexOf(':') > rest.indexOf('@')) {
            return of(standard, rest);
        }
        int second = rest.indexOf(':');
        if (second < 0) {
            if (standard.equals(OCF) || rest.isEmpty()) {
                throw invalid(text);
            }
            return of(standard, rest);
        }
        String provider = rest.substring(0, second);
        String type = rest.substring(second + 1);
        if (!standard.equals(OCF) || provider.isEmpty() || type.isEmpty()
                || type.indexOf(':') >= 0) {
            throw invalid(text);
        }
        return ocf(provider, type);
    }

    /** Whether {@code text} is a full name rather than pcs's short form (a type alone). */
    public static boolean isFull(String text) {
        return text.indexOf(':') >= 0;
    }

    private static AgentException invalid(String text) {
        return new AgentException("Invalid resource agent name '" + text + "'. Use "
                + "standard:provider:type when standard is 'ocf' or standard:type otherwise.");
    }

    public boolean isStonith() { return standard.equals(STONITH); }

    /** {@code ocf:heartbeat:Dummy}, {@code lsb:nginx}. */
    public String fullName() {
        return provider.map(p -> standard + ":" + p + ":" + type)
                .orElse(standard + ":" + type);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
