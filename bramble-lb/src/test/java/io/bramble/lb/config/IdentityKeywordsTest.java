package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import io.bramble.common.os.ProcessIdentity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code user}, {@code group}, {@code uid} and {@code gid}: resolved as HAProxy does. */
class IdentityKeywordsTest {
    private static LbConfig parse(boolean root, String lines) {
        return new HaproxyConfigParser(Map.of(), root, path -> java.util.OptionalLong.empty(),
                () -> TestAccounts.FIXED).parse("id.cfg", "global\n" + lines);
    }

    private static ProcessIdentity runAs(String lines) {
        return parse(true, lines).global().runAs().orElseThrow();
    }

    @Test
    void userAndGroupResolveToIdsAndTheUsersSupplementaryGroups() {
        ProcessIdentity identity = runAs("  user haproxy\n  group haproxy\n");
        assertThat(identity.uid()).isEqualTo(OptionalInt.of(102));
        assertThat(identity.gid()).isEqualTo(OptionalInt.of(105));
        assertThat(identity.groups()).as("its group, then the groups listing it")
                .containsExactly(105, 110);
        assertThat(identity.description()).isEqualTo("user 'haproxy' (uid 102), group "
                + "'haproxy' (gid 105)");
        assertThat(parse(true, "  user haproxy\n  group haproxy\n").warnings()).isEmpty();
    }

    @Test
    void aUserAloneTakesItsOwnGroupNotRoots() {
        ProcessIdentity identity = runAs("  user bramble\n");
        assertThat(identity.gid()).isEqualTo(OptionalInt.of(990));
        assertThat(identity.groups()).containsExactly(990, 120);
        assertThat(identity.description()).isEqualTo("user 'bramble' (uid 990), its group "
                + "(gid 990)");
    }

    @Test
    void aGroupAloneKeepsTheUserAndSetsOnlyThatGroup() {
        ProcessIdentity identity = runAs("  group nogroup\n");
        assertThat(identity.uid()).isEmpty();
        assertThat(identity.gid()).isEqualTo(OptionalInt.of(65534));
        assertThat(identity.groups()).containsExactly(65534);
    }

    @Test
    void numericIdsNeedNoAccount() {
        ProcessIdentity identity = runAs("  uid 4000\n  gid 4001\n");
        assertThat(identity.uid()).isEqualTo(OptionalInt.of(4000));
        assertThat(identity.gid()).isEqualTo(OptionalInt.of(4001));
        assertThat(identity.groups()).containsExactly(4001);
        assertThat(identity.description()).isEqualTo("(uid 4000), (gid 4001)");
        ProcessIdentity known = runAs("  uid 102\n");
        assertThat(known.gid()).as("uid 102 is haproxy's, whose group is 105")
                .isEqualTo(OptionalInt.of(105));
        assertThat(known.groups()).containsExactly(105, 110);
    }

    @Test
    void aUidWithoutAccountOrGroupWarnsThatTheGroupStaysRoots() {
        LbConfig config = parse(true, "  uid 4000\n");
        assertThat(config.global().runAs().orElseThrow().gid()).isEmpty();
        assertThat(config.warnings()).singleElement().asString().startsWith("id.cfg:2: uid: ")
                .contains("root's group (gid 0)");
        assertThat(parse(true, "  uid 4000\n  gid 4000\n").warnings()).isEmpty();
    }

    @Test
    void unknownNamesAreErrorsAtTheirLine() {
        assertThatThrownBy(() -> parse(true, "  maxconn 10\n  user nosuch\n  group nosuch\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e
                        .getMessage()).contains("id.cfg:3: user: cannot find user 'nosuch' in "
                                + "/etc/passwd")
                        .contains("id.cfg:4: group: cannot find group "
                                + "'nosuch' in /etc/group"));
        assertThatThrownBy(() -> parse(false, "  user nosuch\n"))
                .as("also when not root, as HAProxy").isInstanceOf(ConfigException.class);
    }

    @Test
    void idsMustBeNumbersInLinuxsRange() {
        for (String bad : List.of("uid abc", "gid -1", "uid 4294967295", "uid 99999999999")) {
            assertThatThrownBy(() -> parse(true, "  " + bad + "\n"))
                    .as(bad).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e
                            .getMessage()).startsWith("id.cfg:2: " + bad.split(" ")[0] + ": "));
        }
        assertThat(runAs("  uid 0\n").uid()).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void theFirstUserAndTheFirstGroupCountAndLaterOnesWarn() {
        LbConfig config = parse(true, "  user haproxy\n  uid 5\n  gid 990\n  group haproxy\n");
        ProcessIdentity identity = config.global().runAs().orElseThrow();
        assertThat(identity.uid()).isEqualTo(OptionalInt.of(102));
        assertThat(identity.gid()).isEqualTo(OptionalInt.of(990));
        assertThat(config.warnings()).hasSize(2).satisfiesExactly(
                w -> assertThat(w).startsWith("id.cfg:3: uid: ").contains("already set at line"
                        + " 2"),
                w -> assertThat(w).startsWith("id.cfg:5: group: ").contains("already set"));
    }

    @Test
    void notAsRootEveryLineWarnsThatItIsIgnored() {
        LbConfig config = parse(false, "  user haproxy\n  gid 5\n");
        assertThat(config.warnings()).hasSize(2).allSatisfy(w -> assertThat(w)
                .contains("not running as root"));
        assertThat(config.warnings().getFirst()).contains("user 'haproxy'");
        assertThat(config.warnings().getLast()).contains("gid 5");
    }

    @Test
    void noKeywordsNoSwitch() {
        assertThat(parse(true, "  maxconn 10\n").global().runAs()).isEqualTo(Optional.empty());
    }
}
