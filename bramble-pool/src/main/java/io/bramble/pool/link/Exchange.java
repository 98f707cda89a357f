package io.bramble.pool.link;

import io.bramble.pool.wire.Message;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A short conversation with one node (a probe, a remote command): connect, send, wait for
 * answers, close. For callers on threads that may block, never an event loop.
 */
public final class Exchange implements AutoCloseable {
    /** Answers queued at most; a peer has no reason to send more than a few. */
    private static final int QUEUED_MAX = 16;
    private static final Message CLOSED = new Message.JoinDone(false, "connection closed");

    private final LinkedBlockingQueue<Message> received;
    private final Link link;

    private Exchange(Link link, LinkedBlockingQueue<Message> received) {
        this.link = link;
        this.received = received;
    }

    public static Exchange open(Transport transport, InetSocketAddress address, long timeoutMs)
            throws IOException {
        LinkedBlockingQueue<Message> received = new LinkedBlockingQueue<>(QUEUED_MAX);
        LinkHandler handler = new LinkHandler() {
            @Override
            public void onMessage(Link link, Message message) {
                if (!received.offer(message)) {
                    link.close();
                }
            }

            @Override
            public void onClosed(Link link) {
                received.offer(CLOSED);
            }
        };
        try {
            Link link = transport.connect(address, handler).get(timeoutMs,
                    TimeUnit.MILLISECONDS);
            return new Exchange(link, received);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage() == null
                    ? e.getCause().toString()
                    : e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    public Link link() {
        return link;
    }

    public void send(Message message) {
        link.send(message);
    }

    /** The next message, or fails when the connection closed or nothing came in time. */
    public Message receive(long timeoutMs) throws IOException {
        try {
            Message message = received.poll(timeoutMs, TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new IOException("no answer within " + timeoutMs + " ms");
            }
            if (message == CLOSED) {
                throw new IOException("the connection closed");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
