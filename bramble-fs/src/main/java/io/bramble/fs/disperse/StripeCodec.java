package io.bramble.fs.disperse;

import io.bramble.common.check.Checks;
import java.nio.ByteBuffer;

/**
 * Turns whole stripes of a file into the ranges of its D + M fragment files that hold them,
 * and back ({@link StripeLayout}: chunk {@code j} of each stripe is data fragment {@code j},
 * the parity fragments are coded from the data ones stripe by stripe). Pure: works on the
 * arrays it is handed.
 */
final class StripeCodec {
    private final ReedSolomon code;
    private final StripeLayout layout;

    StripeCodec(ReedSolomon code) {
        this.code = code;
        this.layout = new StripeLayout(code.dataCount());
    }

    ReedSolomon code() {
        return code;
    }

    StripeLayout layout() {
        return layout;
    }

    /**
     * The fragments of {@code stripes} (whole stripes of file bytes), one array per fragment,
     * each {@code 512} bytes per stripe.
     */
    byte[][] split(byte[] stripes) {
        int stripeCount = stripeCount(stripes.length);
        byte[][] fragments = new byte[code.fragmentCount()][stripeCount
                * StripeLayout.CHUNK_BYTES];
        int chunk = StripeLayout.CHUNK_BYTES;
        for (int s = 0; s < stripeCount; s++) {
            for (int j = 0; j < code.dataCount(); j++) {
                System.arraycopy(stripes, s * layout.stripeBytes() + j * chunk, fragments[j],
                        s * chunk, chunk);
            }
        }
        ByteBuffer[] data = new ByteBuffer[code.dataCount()];
        ByteBuffer[] parity = new ByteBuffer[code.parityCount()];
        for (int i = 0; i < fragments.length; i++) {
            ByteBuffer buffer = ByteBuffer.wrap(fragments[i]);
            if (i < data.length) {
                data[i] = buffer;
            } else {
                parity[i - data.length] = buffer;
            }
        }
        code.encode(data, parity);
        return fragments;
    }

    /**
     * The file bytes of whole stripes from the fragments at hand ({@code fragments[i]} null
     * when fragment {@code i} is not, each else {@code 512} bytes per stripe): the data
     * fragments as they are, those missing decoded from D others.
     *
     * @throws TooFewFragmentsException when fewer than D fragments are at hand
     */
    byte[] join(byte[][] fragments, int stripeCount) {
        byte[][] data = dataFragments(fragments, stripeCount * StripeLayout.CHUNK_BYTES);
        byte[] stripes = new byte[stripeCount * layout.stripeBytes()];
        int chunk = StripeLayout.CHUNK_BYTES;
        for (int s = 0; s < stripeCount; s++) {
            for (int j = 0; j < code.dataCount(); j++) {
                System.arraycopy(data[j], s * chunk, stripes, s * layout.stripeBytes()
                        + j * chunk, chunk);
            }
        }
        return stripes;
    }

    /** The data fragments, decoding those missing from the fragments at hand. */
    private byte[][] dataFragments(byte[][] fragments, int length) {
        byte[][] data = new byte[code.dataCount()][];
        boolean missing = false;
        for (int j = 0; j < data.length; j++) {
            data[j] = fragments[j];
            missing |= data[j] == null;
        }
        if (!missing) {
            return data;
        }
        ByteBuffer[] available = new ByteBuffer[code.fragmentCount()];
        ByteBuffer[] rebuilt = new ByteBuffer[code.fragmentCount()];
        for (int i = 0; i < available.length; i++) {
            if (fragments[i] != null) {
                Checks.argument(fragments[i].length == length, "fragment " + i + " is "
                        + fragments[i].length + " bytes, " + length + " expected");
                available[i] = ByteBuffer.wrap(fragments[i]);
            } else if (i < data.length) {
                data[i] = new byte[length];
                rebuilt[i] = ByteBuffer.wrap(data[i]);
            }
        }
        code.decode(available, rebuilt);
        return data;
    }

    /**
     * Rebuilds the fragments {@code wanted} (indexes) from those at hand, all of one length;
     * returns them in the order asked.
     */
    byte[][] rebuild(byte[][] fragments, int[] wanted, int length) {
        ByteBuffer[] available = new ByteBuffer[code.fragmentCount()];
        ByteBuffer[] rebuilt = new ByteBuffer[code.fragmentCount()];
        byte[][] out = new byte[wanted.length][length];
        for (int i = 0; i < available.length; i++) {
            available[i] = fragments[i] == null ? null : ByteBuffer.wrap(fragments[i]);
        }
        for (int w = 0; w < wanted.length; w++) {
            available[wanted[w]] = null;
            rebuilt[wanted[w]] = ByteBuffer.wrap(out[w]);
        }
        code.decode(available, rebuilt);
        return out;
    }

    private int stripeCount(int bytes) {
        Checks.argument(bytes % layout.stripeBytes() == 0, bytes + " bytes are not whole "
                + "stripes of " + layout.stripeBytes());
        return bytes / layout.stripeBytes();
    }
}
