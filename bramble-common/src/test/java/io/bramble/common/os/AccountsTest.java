package io.bramble.common.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AccountsTest {
    private static final Accounts ACCOUNTS = Accounts.parse(List.of(
            "# a comment",
            "root:x:0:0:root:/root:/bin/bash",
            "haproxy:x:102:105::/var/lib/haproxy:/usr/sbin/nologin",
            "haproxy:x:999:999::/elsewhere:/bin/false",
            "+nisuser::::::",
            "broken:x:notanumber:1::/:/bin/sh",
            "short:x:5",
            "big:x:4294967294:4294967294::/:/bin/sh"),
            List.of(
                    "root:x:0:",
                    "haproxy:x:105:",
                    "ssl-cert:x:110:postgres,haproxy",
                    "adm:x:4:syslog, haproxy",
                    "again:x:105:haproxy"));

    @Test
    void usersAndGroupsByName() {
        Accounts.User haproxy = ACCOUNTS.user("haproxy").orElseThrow();
        assertThat(haproxy.uid()).isEqualTo(102);
        assertThat(haproxy.gid()).as("the first line of a name counts").isEqualTo(105);
        assertThat(ACCOUNTS.group("ssl-cert").orElseThrow().gid()).isEqualTo(110);
        assertThat(ACCOUNTS.userById(102)).contains(haproxy);
        assertThat(ACCOUNTS.user("nosuch")).isEmpty();
    }

    @Test
    void linesThatDoNotParseAreSkipped() {
        assertThat(ACCOUNTS.user("+nisuser")).isEmpty();
        assertThat(ACCOUNTS.user("broken")).isEmpty();
        assertThat(ACCOUNTS.user("short")).isEmpty();
        assertThat(ACCOUNTS.user("# a comment")).isEmpty();
    }

    @Test
    void idsAreUnsigned32Bit() {
        assertThat(ProcessIdentity.text(ACCOUNTS.user("big").orElseThrow().uid()))
                .isEqualTo("4294967294");
        assertThat(Accounts.id("4294967295")).as("(uid_t) -1 means no change")
                .isEqualTo(OptionalInt.empty());
        assertThat(Accounts.id("-1")).isEmpty();
        assertThat(Accounts.id("")).isEmpty();
        assertThat(Accounts.id("0")).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void groupsOfAUserAreItsGroupThenTheGroupsListingItOnce() {
        // "adm" lists " haproxy" with a space: getgrouplist(3) would not match it either.
        assertThat(ACCOUNTS.groupsOf("haproxy", 105)).containsExactly(105, 110);
        assertThat(ACCOUNTS.groupsOf("nobody", 65534)).containsExactly(65534);
    }

    @Test
    void thisMachinesFilesHaveRoot() {
        assertThat(Accounts.system().user("root").orElseThrow().uid()).isZero();
        assertThat(Accounts.system().group("root").orElseThrow().gid()).isZero();
    }
}
