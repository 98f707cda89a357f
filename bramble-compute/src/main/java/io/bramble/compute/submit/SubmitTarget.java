package io.bramble.compute.submit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a submission goes, as the local node tells the client: the pool's master, the Spark
 * home to run spark-submit from, the address this machine is known by in the pool (the
 * driver's, which executors connect back to) and the cores the master's live workers have.
 * Sent as {@code key=value} lines.
 */
public record SubmitTarget(String masterUrl, Path sparkHome, String scala, String localAddress,
        int aliveCores) {
    public String encode() {
        return "master=" + masterUrl + "\nhome=" + sparkHome + "\nscala=" + scala
                + "\naddress=" + localAddress + "\ncores=" + aliveCores + "\n";
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
                Integer.parseInt(values.getOrDefault(
                        "cores", "0")));
    }
}
