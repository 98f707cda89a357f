package io.bramble.pool.local;

import io.bramble.common.error.UserError;
import io.bramble.common.net.HostPort;
import io.bramble.pool.identity.PoolMembership;
import io.bramble.pool.identity.StateDir;
import io.bramble.pool.link.BadFrames;
import io.bramble.pool.link.Exchange;
import io.bramble.pool.link.LinkHandler;
import io.bramble.pool.link.Tls;
import io.bramble.pool.link.Transport;
import io.bramble.pool.node.NodeSettings;
import io.bramble.pool.tls.Pem;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.Message;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;

/** Sends one command line to a node and returns what it printed and its exit code. */
public final class NodeClient {
    /** How long a command may run on the node (a probe of a slow host included). */
    public static final long COMMAND_MS = 60_000;

    private NodeClient() {
    }

    /** Through the Unix socket of the node whose state directory is {@code stateDir}. */
    public static CommandReply local(Path stateDir, List<String> args) {
        Path socket = StateDir.socketOf(stateDir);
        if (!Files.exists(socket)) {
            throw new UserError(UserError.EXIT_RUNTIME, "no bramble node is running with state"
                    + " directory " + stateDir + " (no " + socket + "); start one with"
                    + " 'bramble node --state-dir " + stateDir + "', or pick another with"
                    + " --state-dir or BRAMBLE_STATE_DIR");
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            FrameIo.write(Channels.newOutputStream(channel), new Message.CommandRequest(args));
            Message reply = FrameIo.read(Channels.newInputStream(channel));
            if (reply instanceof CommandReply commandReply) {
                return commandReply;
            }
            throw new UserError(UserError.EXIT_RUNTIME, "the node answered something else");
        } catch (AccessDeniedException e) {
            throw denied(stateDir, e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("ermission denied")) {
                throw denied(stateDir, e);
            }
            throw new UserError(UserError.EXIT_RUNTIME, "cannot reach the bramble node of "
                    + stateDir + ": " + e.getMessage() + "; is it running?", e);
        } catch (MalformedFrameException e) {
            throw new UserError(UserError.EXIT_RUNTIME, "the node's answer was unreadable: "
                    + e.getMessage(), e);
        }
    }

    private static UserError denied(Path stateDir, IOException e) {
        return new UserError(UserError.EXIT_RUNTIME, "permission denied: only root and the"
                + " owner of " + stateDir + " may command its node", e);
    }

    /**
     * Through the management port of {@code remote}, with this machine's pool credentials
     * (those of the node in {@code stateDir}); only members of the same pool are answered. A
     * {@code remote} without a port is reached on the port that node listens on (members of
     * a pool share one, as probes assume), else on 24007.
     */
    public static CommandReply remote(Path stateDir, String remote, List<String> args) {
        PoolMembership membership = credentials(stateDir);
        HostPort target = HostPort.tryParse(remote).filter(h -> !h.host().isEmpty())
                .orElseGet(() -> new HostPort(remote, StateDir.listenPortOf(stateDir)
                        .orElse(NodeSettings.PORT_DEFAULT)));
        LinkHandler ignore = new LinkHandler() {
            @Override
            public void onMessage(io.bramble.pool.link.Link link, Message message) {
            }

            @Override
            public void onClosed(io.bramble.pool.link.Link link) {
            }
        };
        Tls tls = Tls.of(membership.nodeKey(), membership.nodeCertificate());
        try (Transport transport = new Transport(() -> tls, ignore, new BadFrames(),
                null);
                Exchange exchange = Exchange.open(transport, new InetSocketAddress(
                        target.host(), target.port()), 5_000)) {
            UUID server = exchange.link().certifiedMember(membership.authority().certificate())
                    .orElseThrow(() -> new UserError(UserError.EXIT_RUNTIME, remote
                            + " is not a member of this machine's pool"));
            exchange.send(new Message.CommandRequest(args));
            Message reply = exchange.receive(COMMAND_MS);
            if (reply instanceof CommandReply commandReply) {
                return commandReply;
            }
            throw new UserError(UserError.EXIT_RUNTIME, "node " + server + " answered"
                    + " something else");
        } catch (IOException e) {
            throw new UserError(UserError.EXIT_RUNTIME, "cannot reach " + remote + ": "
                    + e.getMessage() + " (a node answers only members of its pool)", e);
        }
    }

    /**
     * The pool credentials of the node whose state directory is {@code stateDir}, read from its
     * files (root or the directory's owner only): what a client on a member's machine shows
     * other members, for {@code --remote-host} and for mounts.
     */
    public static PoolMembership credentials(Path stateDir) {
        Path pool = stateDir.resolve("pool");
        if (!Files.exists(pool.resolve("pool-id"))) {
            throw new UserError(UserError.EXIT_RUNTIME, "this needs this machine's pool"
                    + " credentials (--remote-host, mount), and the node of " + stateDir
                    + " is in no pool; join it first: run 'bramble node' here (a machine"
                    + " that only mounts holds no brick), then 'gluster peer probe"
                    + " THIS-HOST' on a member");
        }
        try {
            UUID poolId = UUID.fromString(Files.readString(pool.resolve("pool-id")).strip());
            return new PoolMembership(poolId, new io.bramble.pool.tls.PoolAuthority(
                    Pem.readPrivateKey(pool.resolve("ca-key.pem")),
                    Pem.readCertificate(pool.resolve("ca-cert.pem"))),
                    Pem.readPrivateKey(stateDir.resolve("node-key.pem")),
                    Pem.readCertificate(stateDir.resolve("node-cert.pem")));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new UserError(UserError.EXIT_RUNTIME, "this needs this machine's pool"
                    + " credentials (--remote-host, mount), readable in " + stateDir
                    + " (root or its owner), from a"
                    + " node that belongs to the pool: " + e.getMessage(), e);
        }
    }
}
