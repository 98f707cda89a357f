package io.bramble.lvs.check;

import io.bramble.lvs.config.CheckTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** {@code TCP_CHECK}: a connection opens within the connect timeout, then closes. */
final class TcpProbe implements Probe {
    private final CheckTarget target;
    private final Duration timeout;

    TcpProbe(CheckTarget target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    @Override
    public Result attempt() {
        try (Socket socket = connect(target, timeout)) {
            return Result.pass();
        } catch (IOException e) {
            return Result.fail("connect to " + target.address() + ": " + e.getMessage());
        }
    }

    /** A socket bound as {@code bindto}/{@code bind_port} say, connected within the timeout. */
    static Socket connect(CheckTarget target, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            if (target.bindTo().isPresent() || target.bindPort() != 0) {
                socket.bind(new InetSocketAddress(target.bindTo().orElse(null),
                        target.bindPort()));
            }
            socket.connect(target.address(), (int) Math.max(1, timeout.toMillis()));
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
