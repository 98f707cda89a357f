package io.bramble.pool.link;

import io.bramble.pool.wire.Message;

/** What a node does with frames; called on Netty's event loops, so it must not block. */
public interface LinkHandler {
    void onMessage(Link link, Message message);

    /** The connection closed, for whatever reason. */
    void onClosed(Link link);
}
