package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code userlist} sections, the {@code http_auth} and {@code http_auth_group} ACLs and
 * {@code http-request auth}, with HAProxy 2.6.12's verdicts on the same lines.
 */
class UserlistKeywordsTest {
    private static final String SHA512 = "$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U"
            + "0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1";

    private static LbConfig parse(String userlist, String rules) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                frontend fe
                    mode http
                    bind 127.0.0.1:8080
                %s
                userlist L1
                %s
                """.formatted(rules, userlist));
    }

    private static void refused(String userlist, String rules, String where, String message) {
        assertThatThrownBy(() -> parse(userlist, rules)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(where).hasMessageContaining(message);
    }

    @Test
    void usersAndGroupsFromEitherSideAreBoundToTheAclsAboveTheSection() {
        LbConfig config = parse("""
                    group G1 users tiger,scott
                    group G2
                    user tiger password %s
                    user scott insecure-password elgato
                    user xdoe insecure-password hello groups G2,G1
                """.formatted(SHA512), """
                    acl auth_ok http_auth(L1)
                    acl g2 http_auth_group(L1) G2
                    http-request auth if !auth_ok
                    http-request auth realm "My Zone" if !g2
                """);
        ProxyConfig fe = config.frontends().getFirst();
        Userlist list = fe.acls().getFirst().userlist().orElseThrow();
        assertThat(list.groups()).containsExactlyInAnyOrder("G1", "G2");
        assertThat(list.user("tiger").orElseThrow().groups()).containsExactly("G1");
        assertThat(list.user("xdoe").orElseThrow().groups()).containsExactlyInAnyOrder("G1",
                "G2");
        assertThat(list.user("tiger").orElseThrow().password())
                .isEqualTo(new UserPassword.Hashed(SHA512));
        assertThat(fe.acls().get(1).userlist()).contains(list);
        assertThat(fe.requestRules()).extracting(HttpRequestRule::action).containsExactly(
                new HttpRequestAction.Auth("fe"), new HttpRequestAction.Auth("My Zone"));
    }

    @Test
    void passwordsAreNeverShown() {
        LbConfig config = parse("    user scott insecure-password elgato\n    user t password "
                + SHA512, "    acl ok http_auth(L1)\n    http-request auth if !ok");
        String shown = config.toString();
        assertThat(shown).doesNotContain("elgato").doesNotContain("TVLlQ");
        assertThatThrownBy(() -> parse("    user scott insecure-password elgato extra", ""))
                .hasMessageNotContaining("elgato");
    }

    @Test
    void hashesBrambleCannotCheckAreRefusedAtTheirLineWithTheReason() {
        refused("    user u password $y$j9T$abcdefghijklmnop$3dL1LkYnZM.OVXuVdnnaKVDlLYT92dRwOzDZ"
                + "5XiVCe.", "", "lb.cfg:6", "bramble cannot check yescrypt ($y$) hashes");
        refused("    user u password $2b$10$abcdefghijklmnopqrstuv", "", "lb.cfg:6",
                "bcrypt ($2b$)");
        refused("    user u password xyz", "", "lb.cfg:6",
                "not a crypt(3) hash bramble knows; it checks SHA-512 ($6$)");
        refused("    user u password $6$salt$short", "", "lb.cfg:6", "not a crypt(3) hash");
    }

    @Test
    void refusesWhatHaproxyRefuses() {
        refused("    user u insecure-password p groups NOG", "", "lb.cfg:6",
                "no group 'NOG' in userlist 'L1' for user 'u'");
        refused("    group G users nobody", "", "lb.cfg:6",
                "no user 'nobody' in userlist 'L1' for group 'G'");
        refused("    user u insecure-password p extra", "", "lb.cfg:6",
                "'user' takes password, insecure-password and groups");
        refused("    group G", "    acl a http_auth(NOPE)", "lb.cfg:4",
                "no userlist named 'NOPE'");
        refused("    group G", "    acl a http_auth_group(L1) NOGROUP", "lb.cfg:4",
                "no group 'NOGROUP' in userlist 'L1'");
        refused("    group G", "    acl a http_auth_group(L1)", "lb.cfg:4",
                "expected at least one pattern");
        refused("    group G", "    acl a http_auth", "lb.cfg:4", "missing userlist name");
    }

    @Test
    void refusesWhatBrambleWouldNotDoAsHaproxyDoes() {
        refused("    user u", "", "lb.cfg:6", "expected 'password HASH' or 'insecure-password");
        refused("    group G", "    acl a http_auth(L1) x", "lb.cfg:4", "takes no flags nor "
                + "patterns");
        refused("    group G", "    acl a http_auth_group(L1) -i G", "lb.cfg:4",
                "takes no flags");
    }

    @Test
    void aUserOrGroupNamedTwiceKeepsItsFirstLineWithAWarningAsHaproxyDoes() {
        LbConfig config = parse("""
                    group G
                    group G users u
                    user u insecure-password p
                    user u insecure-password q groups G
                """, "    acl a http_auth(L1)");
        Userlist list = config.frontends().getFirst().acls().getFirst().userlist()
                .orElseThrow();
        assertThat(list.user("u").orElseThrow().password())
                .isEqualTo(new UserPassword.Clear("p"));
        assertThat(list.user("u").orElseThrow().groups()).isEqualTo(Set.of());
        assertThat(config.warnings()).anyMatch(w -> w.contains("lb.cfg:7")
                && w.contains("ignoring group 'G'")).anyMatch(w -> w.contains("lb.cfg:9")
                        && w.contains("ignoring user 'u'"));
    }
}
