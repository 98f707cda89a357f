package io.bramble.lb.stats;

import io.bramble.lb.check.AdminState;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A stats-page admin form post: {@code b=BACKEND&s=SERVER[&s=SERVER...]&action=ready|drain|
 * maint}, as the page's form sends it.
 *
 * @param backend the backend's name
 * @param servers the servers to change
 * @param target the state to set
 */
public record AdminCommand(String backend, List<String> servers, AdminState target) {
    /** Bound on a form body: enough for hundreds of server names. */
    public static final int BODY_BYTES_MAX = 16_384;

    public AdminCommand {
        servers = List.copyOf(servers);
    }

    /** Parses a form body; empty when it is not a complete, known command. */
    public static Optional<AdminCommand> parse(String body) {
        String backend = null;
        String action = null;
        List<String> servers = new ArrayList<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = pair.substring(0, equals);
            String value;
            try {
                value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            switch (key) {
                case "b" -> backend = value;
                case "s" -> servers.add(value);
                case "action" -> action = value.toLowerCase(Locale.ROOT);
                default -> {
                }
            }
        }
        if (backend == null || action == null || servers.isEmpty()) {
            return Optional.empty();
        }
        AdminState target = switch (action) {
            case "ready" -> AdminState.READY;
            case "drain" -> AdminState.DRAIN;
            case "maint" -> AdminState.MAINT;
            default -> null;
        };
        return target == null
                ? Optional.empty()
                : Optional.of(new AdminCommand(backend, servers, target));
    }
}
