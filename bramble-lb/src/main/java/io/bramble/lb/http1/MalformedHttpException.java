package io.bramble.lb.http1;

import io.netty.handler.codec.DecoderException;

/**
 * A message that cannot be read one way only, with the status the client gets for it: 400
 * for bad syntax, 414 for a request line over the bound, 431 for a header block over it, 422
 * for a transfer coding bramble does not decode, 505 for an HTTP version other than 1.x.
 */
public final class MalformedHttpException extends DecoderException {
    private final int status;

    public MalformedHttpException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    static MalformedHttpException bad(String reason) {
        return new MalformedHttpException(400, reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Raised for every malformed request a peer sends: a stack trace would cost more
        // than the message and say nothing the reason does not.
        return this;
    }
}
