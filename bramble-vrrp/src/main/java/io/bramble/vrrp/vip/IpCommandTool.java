package io.bramble.vrrp.vip;

import io.bramble.vrrp.config.VirtualAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fallback when netlink cannot be used from Java: {@code ip -4 addr add|del}. Its
 * "exists" and "cannot assign" answers mean already there and not there.
 */
final class IpCommandTool implements AddressTool {
    /** {@code ip} answers in milliseconds; more means something is wrong. */
    private static final long TIMEOUT_MS = 10_000;
    private static final int OUTPUT_BYTES_MAX = 4_096;

    @Override
    public boolean add(VirtualAddress address) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "-4", "addr", "add",
                cidr(address), "dev", address.device()));
        if (!address.label().isEmpty()) {
            command.addAll(List.of("label", address.label()));
        }
        return run(command, "File exists");
    }

    @Override
    public boolean remove(VirtualAddress address) throws IOException {
        return run(List.of("ip", "-4", "addr", "del", cidr(address), "dev", address.device()),
                "Cannot assign requested address");
    }

    @Override
    public String describe() {
        return "ip command";
    }

    @Override
    public void close() {
    }

    private static String cidr(VirtualAddress address) {
        return address.address().getHostAddress() + "/" + address.prefixLength();
    }

    /** True when the command did it, false when its output says there was nothing to do. */
    private static boolean run(List<String> command, String nothingToDo) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readNBytes(OUTPUT_BYTES_MAX);
            if (!process.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer in "
                        + TIMEOUT_MS + " ms");
            }
            String text = new String(output, StandardCharsets.UTF_8).trim();
            if (process.exitValue() == 0) {
                return true;
            }
            if (text.contains(nothingToDo)) {
                return false;
            }
            throw new IOException(String.join(" ", command) + ": " + text);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
    }
}
