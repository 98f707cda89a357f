package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Relays a server's response to the client as it arrives: the head rewritten by
 * {@link ResponseHeaders}, then the body. 1xx responses pass through without ending the
 * exchange. Writes are flushed once per read burst of the server, and reading from the server
 * pauses while the client cannot take more. Confined to the session's event loop.
 */
final class ResponseRelay {
    private final HttpSession session;
    /** Something was written to the client since its last flush. */
    private boolean clientUnflushed;

    ResponseRelay(HttpSession session) {
        this.session = session;
    }

    /** Something came from the server of {@code current}. */
    void onServerMessage(Exchange current, Object msg) {
        if (current != session.exchange) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpResponse response) {
            if (response.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                session.servers.onMalformedResponse(current);
                return;
            }
            if (!onResponseHead(current, response)) {
                ReferenceCountUtil.release(msg);
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            onResponseContent(current, content);
        } else if (!(msg instanceof HttpResponse)) {
            ReferenceCountUtil.release(msg);
        }
    }

    /** The server's read burst ended: what it relayed goes out in one flush. */
    void flushClient() {
        session.timer.touch();
        Exchange current = session.exchange;
        if (current != null) {
            writeHeldHead(current);
        }
        if (clientUnflushed) {
            clientUnflushed = false;
            session.client.flush();
        }
    }

    /** The last write of a response flushes by itself. */
    void flushedWithLast() {
        clientUnflushed = false;
    }

    /** Returns false when the response was refused and the exchange answered otherwise. */
    private boolean onResponseHead(Exchange current, HttpResponse response) {
        if (Tunnel.opens(current, response)) {
            writeHeldHead(current);
            Tunnel.open(session, current, response);
            return true;
        }
        if (response.status().code() < 200) {
            current.responseStarted = true;
            current.interim = true;
            write(response);
            return true;
        }
        current.responseNanos = session.engine.clock.nanoTime();
        if (!ResponseHeaders.prepare(current, response, session.frontend)) {
            session.servers.onFailedRewrite(current);
            return false;
        }
        current.responseStarted = true;
        current.status = response.status().code();
        // Goes out with the last body piece if it comes in this read burst, else at its end.
        current.responseHeadHeld = response;
        return true;
    }

    private void writeHeldHead(Exchange current) {
        HttpResponse head = current.responseHeadHeld;
        if (head != null) {
            current.responseHeadHeld = null;
            write(head);
        }
    }

    private void onResponseContent(Exchange current, HttpContent received) {
        HttpContent content = received;
        Channel client = session.client;
        if (content.decoderResult().isFailure()) {
            // A body that does not parse is never passed on as complete: both sides end.
            content.release();
            session.servers.onMalformedResponse(current);
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (current.interim) {
            current.interim = !last;
            client.write(content, client.voidPromise());
            client.flush();
            return;
        }
        content = Compressions.body(current, content, client.alloc());
        if (!last) {
            writeHeldHead(current);
            write(content);
            if (!client.isWritable()) {
                current.serverChannel.config().setAutoRead(false);
            }
            return;
        }
        current.responseComplete = true;
        session.servers.release(current, current.serverReusable && current.requestComplete
                ? current.server
                : null);
        HttpResponse head = current.responseHeadHeld;
        current.responseHeadHeld = null;
        session.finishExchange(current, head == null
                ? content
                : WholeMessage.response(head, (LastHttpContent) content));
    }

    /** Writes without flushing; {@link #flushClient} flushes at the end of the read burst. */
    private void write(Object msg) {
        clientUnflushed = true;
        session.client.write(msg, session.client.voidPromise());
    }
}
