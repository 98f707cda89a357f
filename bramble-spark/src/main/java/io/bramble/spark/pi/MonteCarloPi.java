package io.bramble.spark.pi;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Seed 000's Monte-Carlo estimate of Pi as a Spark job in Java: points drawn uniformly in the
 * square [-1, 1)², the share inside the unit circle is Pi / 4. The samples are split over
 * {@code PARTITIONS} tasks, each drawing its own share with a generator of its own.
 *
 * <p>Usage: {@code MonteCarloPi [PARTITIONS [SAMPLES]]}, 2 partitions and 1,000,000 samples by
 * default, as in the seed. Prints one line, the seed's:
 * {@code Spark estimated Pi at 3.141444 in 0.720023 seconds using 24 partitions}.
 */
public final class MonteCarloPi {
    static final String APP_NAME = "MonteCarloPi";
    static final int PARTITIONS_MAX = 100_000;
    static final long SAMPLES_MAX = 1_000_000_000_000L;

    private MonteCarloPi() {
    }

    public static void main(String[] args) {
        int partitions = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long samples = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        if (partitions < 1 || partitions > PARTITIONS_MAX || samples < partitions
                || samples > SAMPLES_MAX) {
            System.err.println("MonteCarloPi: expected 1 to " + PARTITIONS_MAX + " partitions"
                    + " and from that many to " + SAMPLES_MAX + " samples");
            System.exit(2);
        }
        SparkConf conf = new SparkConf().setAppName(APP_NAME);
        try (JavaSparkContext context = new JavaSparkContext(conf)) {
            long start = System.nanoTime();
            List<Integer> tasks = IntStream.range(0, partitions).boxed().toList();
            long inside = context.parallelize(tasks, partitions)
                    .map(task -> insideOf(share(samples, partitions, task)))
                    .reduce(Long::sum);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Spark estimated Pi at %f in %f seconds using %d partitions%n",
                    4.0 * inside / samples, seconds, partitions);
        }
    }

    /** Samples of task {@code task}: an equal share, the first tasks taking the remainder. */
    static long share(long samples, int partitions, int task) {
        return samples / partitions + (task < samples % partitions ? 1 : 0);
    }

    /** How many of {@code count} uniform points of the square fall inside the circle. */
    static long insideOf(long count) {
        SplittableRandom random = new SplittableRandom();
        long inside = 0;
        for (long i = 0; i < count; i++) {
            double x = random.nextDouble() * 2 - 1;
            double y = random.nextDouble() * 2 - 1;
            if (x * x + y * y < 1) {
                inside++;
            }
        }
        return inside;
    }
}
