package io.bramble.common.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ThreadCredentialsTest {
    private static final ProcessIdentity NOBODY = new ProcessIdentity(OptionalInt.of(65534),
            OptionalInt.of(65534), List.of(65534), "user 'nobody'");

    private static List<String> status(String uid, String gid, String groups) {
        return List.of("Name:\tlb-worker", "Umask:\t0022", "State:\tS (sleeping)",
                "Uid:\t" + uid, "Gid:\t" + gid, "FDSize:\t256", "Groups:\t" + groups);
    }

    @Test
    void allFourIdsAndTheGroupsMustMatch() {
        assertThat(ThreadCredentials.mismatch(status("65534\t65534\t65534\t65534",
                "65534\t65534\t65534\t65534", "65534 "), NOBODY)).isEmpty();
        assertThat(ThreadCredentials.mismatch(status("0\t0\t0\t0", "0\t0\t0\t0", "0"), NOBODY))
                .hasValueSatisfying(m -> assertThat(m).isEqualTo("(lb-worker): Uid: 0\t0\t0\t0,"
                        + " Gid: 0\t0\t0\t0, Groups: 0"));
        assertThat(ThreadCredentials.mismatch(status("65534\t65534\t0\t65534",
                "65534\t65534\t65534\t65534", "65534"), NOBODY))
                .as("a saved uid of root could take root back").isPresent();
        assertThat(ThreadCredentials.mismatch(status("65534\t65534\t65534\t65534",
                "65534\t65534\t65534\t65534", "65534 27"), NOBODY))
                .as("a supplementary group left over").isPresent();
        assertThat(ThreadCredentials.mismatch(List.of("Name:\tx"), NOBODY)).isPresent();
    }

    @Test
    void onlyWhatTheIdentitySetsIsCompared() {
        ProcessIdentity groupOnly = new ProcessIdentity(OptionalInt.empty(), OptionalInt.of(5),
                List.of(5), "(gid 5)");
        assertThat(ThreadCredentials.mismatch(status("0\t0\t0\t0", "5\t5\t5\t5", "5"),
                groupOnly)).isEmpty();
        ProcessIdentity userOnly = new ProcessIdentity(OptionalInt.of(7), OptionalInt.empty(),
                List.of(), "(uid 7)");
        assertThat(ThreadCredentials.mismatch(status("7\t7\t7\t7", "0\t0\t0\t0", "0 1"),
                userOnly)).isEmpty();
    }

    @Test
    void thisProcessRunsAsItselfInEveryThread() throws Exception {
        List<String> self = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                "/proc/self/status"));
        String uid = self.stream().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow()
                .split("\\s+")[1];
        ProcessIdentity current = new ProcessIdentity(OptionalInt.of(Integer.parseUnsignedInt(
                uid)), OptionalInt.empty(), List.of(), "this process");
        assertThat(ThreadCredentials.mismatches(current)).isEmpty();
        ProcessIdentity other = new ProcessIdentity(OptionalInt.of(Integer.parseUnsignedInt(
                uid) + 1), OptionalInt.empty(), List.of(), "someone else");
        assertThat(ThreadCredentials.mismatches(other)).isNotEmpty();
    }
}
