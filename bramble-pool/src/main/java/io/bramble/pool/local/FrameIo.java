package io.bramble.pool.local;

import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.Message;
import io.bramble.pool.wire.MessageCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Frames on a blocking stream: a 4-byte length, then a {@link MessageCodec} body. */
final class FrameIo {
    private FrameIo() {
    }

    static void write(OutputStream out, Message message) throws IOException {
        byte[] body = MessageCodec.encode(message);
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(body.length);
        data.write(body);
        data.flush();
    }

    static Message read(InputStream in) throws IOException, MalformedFrameException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        if (length < 0 || length > MessageCodec.FRAME_BYTES_MAX) {
            throw new MalformedFrameException("a frame of " + length + " bytes");
        }
        return MessageCodec.decode(data.readNBytes(length));
    }
}
