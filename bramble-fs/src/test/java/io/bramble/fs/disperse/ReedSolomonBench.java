package io.bramble.fs.disperse;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawDecoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawEncoder;

/**
 * A rough measure of the disperse code, not a test: 256 MiB of random file data, cut into
 * 1 MiB writes of D fragments each, encoded, and decoded with the first M data fragments lost
 * (rebuilt from the other data fragments and the parity, as a read with M data bricks down
 * must), at 2+1, 4+2 and 8+3, on one thread; beside it, Hadoop's pure-Java coder (the same
 * matrix) on the same data. Prints the median of 3 passes after one warm-up pass: file MiB
 * coded per second, and the thread's CPU milliseconds per MiB.
 *
 * <pre>
 * ./mvnw -q -o -pl bramble-fs -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp bramble-fs/target/test-classes:bramble-fs/target/classes:$(cat /tmp/cp.txt) \
 *     io.bramble.fs.disperse.ReedSolomonBench
 * </pre>
 */
public final class ReedSolomonBench {
    private static final int FILE_MIB = 256;
    private static final int WRITE_BYTES = 1 << 20;
    private static final int PASSES = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReedSolomonBench() {
    }

    @FunctionalInterface
    private interface Pass {
        void run(int write) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("%-5s %-7s %-7s %12s %14s%n", "code", "coder", "", "MiB/s",
                "ms CPU/MiB");
        for (int[] code : new int[][]{{2, 1}, {4, 2}, {8, 3}}) {
            bench(code[0], code[1]);
        }
    }

    private static void bench(int dataCount, int parityCount) throws Exception {
        ReedSolomon bramble = new ReedSolomon(dataCount, parityCount);
        int fragmentBytes = WRITE_BYTES / dataCount / StripeLayout.CHUNK_BYTES
                * StripeLayout.CHUNK_BYTES;
        int writes = FILE_MIB * (1 << 20) / WRITE_BYTES;
        byte[][][] data = new byte[writes][dataCount][fragmentBytes];
        Random random = new Random(42);
        for (byte[][] write : data) {
            for (byte[] fragment : write) {
                random.nextBytes(fragment);
            }
        }
        byte[][] parity = new byte[parityCount][fragmentBytes];
        byte[][][] parities = new byte[writes][][];
        for (int w = 0; w < writes; w++) {
            bramble.encode(Fragments.wrap(data[w], 0, dataCount), wrapped(parity));
            parities[w] = Arrays.stream(parity).map(byte[]::clone).toArray(byte[][]::new);
        }
        byte[][] rebuilt = new byte[parityCount][fragmentBytes];
        String name = dataCount + "+" + parityCount;
        double mib = (double) writes * fragmentBytes * dataCount / (1 << 20);

        report(name, "bramble", "encode", mib, writes, w -> bramble.encode(Fragments.wrap(
                data[w], 0, dataCount), wrapped(parity)));
        RSRawEncoder hadoopEncoder = new RSRawEncoder(new ErasureCoderOptions(dataCount,
                parityCount));
        report(name, "hadoop", "encode", mib, writes, w -> hadoopEncoder.encode(data[w],
                parity));

        report(name, "bramble", "decode", mib, writes, w -> {
            ByteBuffer[] available = new ByteBuffer[dataCount + parityCount];
            ByteBuffer[] outputs = new ByteBuffer[dataCount + parityCount];
            for (int i = 0; i < dataCount + parityCount; i++) {
                if (i < parityCount) {
                    outputs[i] = ByteBuffer.wrap(rebuilt[i]);
                } else {
                    available[i] = ByteBuffer.wrap(fragment(data[w], parities[w], i));
                }
            }
            bramble.decode(available, outputs);
        });
        RSRawDecoder hadoopDecoder = new RSRawDecoder(new ErasureCoderOptions(dataCount,
                parityCount));
        int[] erased = new int[parityCount];
        Arrays.setAll(erased, i -> i);
        report(name, "hadoop", "decode", mib, writes, w -> {
            byte[][] inputs = new byte[dataCount + parityCount][];
            for (int i = parityCount; i < dataCount + parityCount; i++) {
                inputs[i] = fragment(data[w], parities[w], i);
            }
            hadoopDecoder.decode(inputs, erased, rebuilt);
        });
        for (int i = 0; i < parityCount; i++) {
            if (!Arrays.equals(rebuilt[i], data[writes - 1][i])) {
                throw new IllegalStateException("fragment " + i + " rebuilt wrong");
            }
        }
    }

    private static byte[] fragment(byte[][] data, byte[][] parity, int index) {
        return index < data.length ? data[index] : parity[index - data.length];
    }

    private static ByteBuffer[] wrapped(byte[][] arrays) {
        return Fragments.wrap(arrays, 0, arrays.length);
    }

    /** One warm-up pass, then the median of {@link #PASSES} passes over every write. */
    private static void report(String code, String coder, String what, double mib, int writes,
            Pass pass) throws Exception {
        double[] mibPerSecond = new double[PASSES];
        double[] cpuMsPerMib = new double[PASSES];
        for (int p = -1; p < PASSES; p++) {
            long cpuNs = THREADS.getCurrentThreadCpuTime();
            long startNs = System.nanoTime();
            for (int w = 0; w < writes; w++) {
                pass.run(w);
            }
            if (p >= 0) {
                mibPerSecond[p] = mib / ((System.nanoTime() - startNs) / 1e9);
                cpuMsPerMib[p] = (THREADS.getCurrentThreadCpuTime() - cpuNs) / 1e6 / mib;
            }
        }
        Arrays.sort(mibPerSecond);
        Arrays.sort(cpuMsPerMib);
        System.out.printf("%-5s %-7s %-7s %,12.0f %14.2f%n", code, coder, what,
                mibPerSecond[PASSES / 2], cpuMsPerMib[PASSES / 2]);
    }
}
