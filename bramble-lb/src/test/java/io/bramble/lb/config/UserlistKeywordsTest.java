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

    /** A userlist line refused at its line (6) with {@code message}. */
    private static void refusedUser(String line, String message) {
        refused("    " + line, "", "lb.cfg:6", message);
    }

    /** An ACL line, above a userlist L1 of one group G, refused at its line (4). */
    private static void refusedAcl(String acl, String message) {
        refused("    group G", "    acl a " + acl, "lb.cfg:4", message);
    }

    @Test
    void hashesBrambleCannotCheckAreRefusedAtTheirLineWithTheReason() {
        Map.of("$y$j9T$abcdefghijklmnop$3dL1LkYnZM.OVXuVdnnaKVDlLYT92dRwOzDZ5XiVCe.",
                "bramble cannot check yescrypt ($y$) hashes",
                "$2b$10$abcdefghijklmnopqrstuv", "bcrypt ($2b$)",
                "xyz", "not a crypt(3) hash bramble knows; it checks SHA-512 ($6$)",
                "$6$salt$short", "not a crypt(3) hash")
                .forEach((hash, message) -> refusedUser("user u password " + hash, message));
    }

    @Test
    void refusesWhatHaproxyRefuses() {
        refusedUser("user u insecure-password p groups NOG",
                "no group 'NOG' in userlist 'L1' for user 'u'");
        refusedUser("group G users nobody", "no user 'nobody' in userlist 'L1' for group 'G'");
        refusedUser("user u insecure-password p extra",
                "'user' takes password, insecure-password and groups");
        refusedAcl("http_auth(NOPE)", "no userlist named 'NOPE'");
        refusedAcl("http_auth_group(L1) NOGROUP", "no group 'NOGROUP' in userlist 'L1'");
        refusedAcl("http_auth_group(L1)", "expected at least one pattern");
        refusedAcl("http_auth", "missing userlist name");
    }

    @Test
    void refusesWhatBrambleWouldNotDoAsHaproxyDoes() {
        refusedUser("user u", "expected 'password HASH' or 'insecure-password");
        refusedAcl("http_auth(L1) x", "takes no flags nor patterns");
        refusedAcl("http_auth_group(L1) -i G", "takes no flags");
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
