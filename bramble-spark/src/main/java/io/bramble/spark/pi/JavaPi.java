package io.bramble.spark.pi;

/**
 * The Monte-Carlo estimate of {@link MonteCarloPi} in plain Java on one thread, with the same
 * drawing loop: the baseline that {@code bench/run compute} compares the Spark job's samples
 * per second and core with.
 *
 * <p>Usage: {@code JavaPi [SAMPLES]}, 1,000,000 by default. Prints one line:
 * {@code Java estimated Pi at 3.141592 in 2.631579 seconds: 380000000 samples/s}.
 */
public final class JavaPi {
    private JavaPi() {
    }

    public static void main(String[] args) {
        long samples = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        if (samples < 1 || samples > MonteCarloPi.SAMPLES_MAX) {
            System.err.println("JavaPi: expected 1 to " + MonteCarloPi.SAMPLES_MAX + " samples");
            System.exit(2);
        }
        long start = System.nanoTime();
        long inside = MonteCarloPi.insideOf(samples);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Java estimated Pi at %f in %f seconds: %.0f samples/s%n",
                4.0 * inside / samples, seconds, samples / seconds);
    }
}
