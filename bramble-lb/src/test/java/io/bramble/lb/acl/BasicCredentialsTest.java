package io.bramble.lb.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.UserPassword;
import io.bramble.lb.config.Userlist;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Basic credentials checked against a userlist, the hashes made by glibc's crypt(3) and
 * {@code openssl passwd}, which HAProxy 2.6 accepted for the same passwords.
 */
class BasicCredentialsTest {
    private static final Map<String, String> HASHES = Map.of(
            "sha512", "$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQ"
                    + "SpT0Y77vwPZN.Pq.H91p5hVO1",
            "sha256", "$5$saltsalt$0IyaXrmV7.sGNS6tirgqHLqX/G.FBvgkYA.lpPdS5sA",
            "rounds", "$5$rounds=1000$saltsalt$eKLZU9t9OoPWrqOQsoTIKG0aYkZ5rGOoOQhiIvoSWX2",
            "md5", "$1$saltsalt$9xy1btjgzLYfb7hivXtC//",
            "des", "abNANd1rDfiNc",
            "utf8", "$6$abc$We/zNc8oYCOt9Gy7wjQNaIZrsfcArOZgXUJBix2o20WroMAFqNTB8UqGL792.xnxbJDEd"
                    + "GcXwRAMK/zy7svCJ/");

    private static Userlist userlist() {
        Map<String, Userlist.User> users = new java.util.HashMap<>();
        HASHES.forEach((name, hash) -> users.put(name, new Userlist.User(name,
                new UserPassword.Hashed(hash), Set.of())));
        users.put("scott", new Userlist.User("scott", new UserPassword.Clear("elgato"),
                Set.of("G1")));
        return new Userlist("L1", users, Set.of("G1"));
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(
                StandardCharsets.UTF_8));
    }

    private static boolean accepted(String... headers) {
        return BasicCredentials.user(userlist(), List.of(headers)).isPresent();
    }

    @Test
    void eachHashFormatAcceptsItsPasswordAndNoOther() {
        for (String user : List.of("sha512", "sha256", "rounds", "md5", "des")) {
            assertThat(accepted(basic(user + ":secret"))).as(user).isTrue();
            assertThat(accepted(basic(user + ":secreT"))).as(user).isFalse();
            assertThat(accepted(basic(user + ":"))).as(user).isFalse();
        }
        assertThat(accepted(basic("utf8:pässword"))).isTrue();
    }

    @Test
    void desLooksAtTheFirstEightCharactersAsCryptDoes() {
        assertThat(accepted(basic("des:secret99"))).isFalse();
        Userlist list = new Userlist("L", Map.of("d", new Userlist.User("d",
                new UserPassword.Hashed("abD6HAB6eqg.k"), Set.of())), Set.of());
        assertThat(BasicCredentials.user(list, List.of(basic("d:longpassword9")))).isPresent();
        assertThat(BasicCredentials.user(list, List.of(basic("d:longpassXYZ")))).isPresent();
    }

    @Test
    void aClearPasswordIsComparedAsWrittenAndTheUserNameSplitsAtTheFirstColon() {
        assertThat(BasicCredentials.user(userlist(), List.of(basic("scott:elgato"))))
                .map(Userlist.User::groups).contains(Set.of("G1"));
        assertThat(accepted(basic("scott:elgato:x"))).isFalse();
        assertThat(accepted(basic("scott:Elgato"))).isFalse();
        assertThat(accepted(basic("nobody:elgato"))).isFalse();
    }

    @Test
    void onlyTheFirstHeaderAndOnlyBasicCountsInAnyCase() {
        String good = basic("scott:elgato");
        assertThat(accepted("bAsIc " + good.substring(6))).isTrue();
        assertThat(accepted(good + "  ")).isTrue();
        assertThat(accepted(basic("scott:wrong"), good)).isFalse();
        assertThat(accepted("Bearer " + good.substring(6))).isFalse();
        assertThat(accepted("Basic not*base64")).isFalse();
        assertThat(accepted("Basic " + Base64.getEncoder().encodeToString("scott".getBytes(
                StandardCharsets.UTF_8)))).isFalse();
        assertThat(accepted("Basic")).isFalse();
        assertThat(accepted()).isFalse();
    }
}
