package io.bramble.testkit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends bytes no HTTP library would send, in the pieces a test chooses, and reads what comes
 * back until the server closes or goes quiet. Once the responses the client expects have all
 * come, it waits only {@code linger} for more.
 *
 * @param writeSizes the sizes of the successive writes; bytes left over go in one last write,
 *                   and an empty list sends everything at once
 * @param pause the time between two writes
 * @param halfClose shut the sending side down after the last write, as {@code nc -N} does: the
 *                  request is complete and nothing more will come
 * @param quiet how long the server may stay silent before the client stops reading
 * @param max the longest the client reads after its last write
 * @param responsesExpected how many final (not 1xx) responses the client waits for
 * @param linger how long the client reads on once they came, to see anything extra
 */
public record RawHttpClient(List<Integer> writeSizes, Duration pause, boolean halfClose,
        Duration quiet, Duration max, int responsesExpected, Duration linger) {
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    public RawHttpClient {
        writeSizes = List.copyOf(writeSizes);
    }

    /** Everything in one write, then a half-close; reads until the close or quiet. */
    public static RawHttpClient halfClosing(Duration quiet, Duration max) {
        return new RawHttpClient(List.of(), Duration.ZERO, true, quiet, max, Integer.MAX_VALUE,
                quiet);
    }

    /** Sends {@code request} on a new connection to {@code target}. */
    public ClientTranscript exchange(InetSocketAddress target, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(target, CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            Optional<String> writeFailure = send(socket, request);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = read(socket, received);
            return ClientTranscript.of(received.toByteArray(), closed, writeFailure);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to " + target, e);
        }
    }

    private Optional<String> send(Socket socket, byte[] request) {
        try {
            OutputStream out = socket.getOutputStream();
            int sent = 0;
            for (int size : writeSizes) {
                if (sent >= request.length) {
                    break;
                }
                int length = Math.min(size, request.length - sent);
                out.write(request, sent, length);
                out.flush();
                sent += length;
                if (!pause.isZero()) {
                    LockSupport.parkNanos(pause.toNanos());
                }
            }
            out.write(request, sent, request.length - sent);
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.toString());
        }
    }

    /** Reads into {@code received}; true when the server closed the connection. */
    private boolean read(Socket socket, ByteArrayOutputStream received) throws IOException {
        long deadline = System.nanoTime() + max.toNanos();
        socket.setSoTimeout((int) Math.max(1, quiet.toMillis()));
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[16384];
        boolean allCame = false;
        while (System.nanoTime() < deadline) {
            try {
                int read = in.read(buffer);
                if (read < 0) {
                    return true;
                }
                received.write(buffer, 0, read);
                if (!allCame && finalResponses(received.toByteArray()) >= responsesExpected) {
                    allCame = true;
                    socket.setSoTimeout((int) Math.max(1, linger.toMillis()));
                }
            } catch (SocketTimeoutException quietTooLong) {
                return false;
            } catch (SocketException reset) {
                return true;
            }
        }
        return false;
    }

    /** Final responses received whole; a tunnel's opening answer counts as one. */
    private static int finalResponses(byte[] received) {
        return ResponseSplitter.split(received).complete;
    }
}
