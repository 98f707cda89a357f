package io.bramble.it.fs;

import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fio (Debian's {@code fio}) jobs that write data with a CRC32C in every block and read it
 * back to check it ({@code --verify=crc32c --verify_fatal=1}): random reads and writes of
 * 4 KiB from two processes; 64 MiB written in 1 MiB blocks and synced, then checked by a second
 * run after the page cache was dropped ({@code --verify_only}, {@code --invalidate=1}), so
 * the bytes come from the bricks; and random 64 KiB O_DIRECT reads and writes, which bypass
 * the page cache both ways.
 */
final class FioRuns {
    /**
     * One fio command line, run in a folder.
     *
     * @param name what the job is called in the output
     * @param args its arguments after {@code --directory}
     */
    record Job(String name, List<String> args) {}

    /** No verify state files: fio would leave them in the working directory. */
    private static final List<String> VERIFY = List.of("--verify=crc32c", "--verify_fatal=1",
            "--verify_state_save=0", "--ioengine=psync", "--group_reporting");
    static final List<Job> JOBS = List.of(
            new Job("randrw", List.of("--name=randrw", "--rw=randrw", "--bs=4k", "--size=8M",
                    "--numjobs=2", "--do_verify=1")),
            new Job("seqwrite", List.of("--name=seq", "--rw=write", "--bs=1M", "--size=64M",
                    "--do_verify=0", "--end_fsync=1")),
            new Job("seqverify", List.of("--name=seq", "--rw=write", "--bs=1M", "--size=64M",
                    "--verify_only", "--invalidate=1")),
            new Job("direct", List.of("--name=direct", "--rw=randrw", "--bs=64k",
                    "--size=16M", "--direct=1", "--do_verify=1")));
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern ERRORS = Pattern.compile("err= *(\\d+)");

    private FioRuns() {
    }

    static ExecResult run(Job job, Path folder) {
        List<String> command = new ArrayList<>(List.of("fio", "--directory=" + folder));
        command.addAll(job.args());
        command.addAll(VERIFY);
        return Exec.run(RUN_TIMEOUT, command);
    }

    /** Exit 0, a job report, every job's {@code err=} 0, and no failed check. */
    static boolean passed(ExecResult result) {
        Matcher errors = ERRORS.matcher(result.output());
        boolean reported = false;
        while (errors.find()) {
            reported = true;
            if (!errors.group(1).equals("0")) {
                return false;
            }
        }
        return result.ok() && reported && !result.output().contains("verify failed")
                && !result.output().contains("bad magic");
    }
}
