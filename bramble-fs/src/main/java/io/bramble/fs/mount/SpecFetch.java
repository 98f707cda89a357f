package io.bramble.fs.mount;

import io.bramble.common.error.UserError;
import io.bramble.fs.volume.spec.ClientSpec;
import io.bramble.fs.volume.spec.ClientSpecText;
import io.bramble.pool.local.NodeClient;
import io.bramble.pool.wire.Message.CommandReply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches a volume's layout for a mount: from the server the user named, then from each
 * backup server in turn ({@code backup-volfile-servers}). After the mount, the client talks to
 * the bricks only, so losing these servers costs nothing.
 */
public final class SpecFetch {
    private SpecFetch() {
    }

    /**
     * The spec of {@code volume} from the first of {@code servers} that answers.
     *
     * @param stateDir the local node's state directory, whose pool credentials are shown
     * @throws UserError naming every server tried and why each failed
     */
    public static ClientSpec fetch(Path stateDir, List<String> servers, String volume) {
        return fetch(stateDir, servers, List.of("volume", "getspec", volume), volume);
    }

    /**
     * The definition of {@code volume} alone ({@code getspec NAME record}: every brick shown
     * offline), from the first of {@code servers} that answers; what a running mount polls.
     */
    public static ClientSpec fetchRecord(Path stateDir, List<String> servers, String volume) {
        return fetch(stateDir, servers, List.of("volume", "getspec", volume, "record"),
                volume);
    }

    private static ClientSpec fetch(Path stateDir, List<String> servers, List<String> words,
            String volume) {
        List<String> failures = new ArrayList<>();
        for (String server : servers) {
            try {
                CommandReply reply = NodeClient.remote(stateDir, server, words);
                if (reply.exitCode() != 0) {
                    failures.add(server + ": " + (reply.err() + reply.out()).strip());
                    continue;
                }
                var spec = ClientSpecText.decode(reply.out());
                if (spec.isEmpty()) {
                    failures.add(server + ": answered with a layout this client cannot read"
                            + " (is it running another version of bramble?)");
                    continue;
                }
                return spec.get();
            } catch (UserError e) {
                failures.add(server + ": " + e.getMessage());
            }
        }
        throw new UserError(UserError.EXIT_RUNTIME, "cannot get the layout of volume " + volume
                + " from " + String.join(", ", servers) + ":\n  " + String.join("\n  ",
                        failures));
    }
}
