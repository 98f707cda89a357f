package io.bramble.compute.submit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a submission goes, as the local node tells the client: the pool's master, the Spark
 * home to run spark-submit from, the address this machine is known by in the pool (the
 * driver's, which executors connect back to), the cores the master's live workers have and
 * the most memory one of them offers (0 when unknown). Sent as {@code key=value} lines.
 */
public record SubmitTarget(String masterUrl, Path sparkHome, String scala, String localAddress,
        int aliveCores, long workerMemoryMb) {
    public String encode() {
        return "master=" + masterUrl + "\nhome=" + sparkHome + "\nscala=" + scala
                + "\naddress=" + localAddress + "\ncores=" + aliveCores + "\nmemory="
                + workerMemoryMb + "\n";
    }

    public static SubmitTarget decode(String text) {
        Map<String, String> values = new HashMap<>();
        text.lines().forEach(line -> {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        });
        return new SubmitTarget(values.getOrDefault("master", ""), Path.of(values
                .getOrDefault("home", "")), values.getOrDefault("scala", ""), values
                        .getOrDefault("address", ""),
                Integer.parseInt(values.getOrDefault("cores", "0")), Long.parseLong(values
                        .getOrDefault("memory", "0")));
    }
}
