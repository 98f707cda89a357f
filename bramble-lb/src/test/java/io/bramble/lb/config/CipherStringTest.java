package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CipherStringTest {
    /** A JDK 25's TLS 1.2 suites, best first (all of them enabled by default). */
    private static final List<String> JDK = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_DHE_RSA_WITH_AES_256_CBC_SHA");

    private static CipherString.Result read(String text) {
        return CipherString.tls12(text, Set.copyOf(JDK), JDK);
    }

    @Test
    void openSslNamesBecomeTheIanaNames() {
        assertThat(CipherNames.iana("ECDHE-ECDSA-AES128-GCM-SHA256"))
                .contains("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        assertThat(CipherNames.iana("ECDHE-RSA-AES256-GCM-SHA384"))
                .contains("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(CipherNames.iana("ECDHE-RSA-CHACHA20-POLY1305"))
                .contains("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        assertThat(CipherNames.iana("DHE-RSA-AES128-GCM-SHA256"))
                .contains("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(CipherNames.iana("ECDHE-RSA-AES128-SHA256"))
                .contains("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        assertThat(CipherNames.iana("ECDHE-RSA-AES128-SHA"))
                .contains("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        assertThat(CipherNames.iana("AES128-GCM-SHA256"))
                .contains("TLS_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(CipherNames.iana("EDH-RSA-DES-CBC3-SHA"))
                .contains("TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(CipherNames.iana("ECDHE-ECDSA-AES128-CCM8"))
                .contains("TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8");
        assertThat(CipherNames.iana("HIGH")).isEmpty();
        assertThat(CipherNames.iana("AES128-GCM")).isEmpty();
        assertThat(CipherNames.iana("ECDHE-RSA-CHACHA20-SHA256")).isEmpty();
    }

    @Test
    void namesKeepTheirOrderAndThoseTheJdkLacksAreListed() {
        CipherString.Result mozilla = read("ECDHE-ECDSA-AES128-GCM-SHA256:"
                + "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305:"
                + "DHE-RSA-AES256-GCM-SHA384:AES128-GCM-SHA256:ECDHE-ECDSA-AES128-CCM");
        assertThat(mozilla.suites()).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(mozilla.unknown()).containsExactly("AES128-GCM-SHA256",
                "ECDHE-ECDSA-AES128-CCM");
        assertThat(mozilla.jdkDefaults()).isFalse();
    }

    @Test
    void classesSelectAmongTheJdksSuitesAndExclusionsHold() {
        assertThat(read("HIGH:!aNULL:!MD5").suites()).isEqualTo(JDK);
        assertThat(read("ECDHE+AESGCM:!ECDSA").suites()).containsExactly(
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(read("!DHE:ALL:DHE-RSA-AES256-GCM-SHA384").suites())
                .as("! is for good").noneMatch(s -> s.contains("_DHE_"));
        assertThat(read("ALL:-SHA1:ECDHE-RSA-AES128-SHA").suites())
                .as("- can be taken back").endsWith("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")
                .doesNotContain("TLS_DHE_RSA_WITH_AES_256_CBC_SHA");
        assertThat(read("ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-GCM-SHA384:+SHA1").suites())
                .containsExactly("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        assertThat(read("kEECDH+aRSA+CHACHA20").suites()).containsExactly(
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void unknownWordsAndDirectivesAreReportedNotGuessed() {
        CipherString.Result result = read("ECDHE-RSA-AES128-GCM-SHA256:@STRENGTH:SUITEB128:"
                + "CAMELLIA256-SHA");
        assertThat(result.suites()).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(result.unknown()).containsExactly("@STRENGTH", "SUITEB128",
                "CAMELLIA256-SHA");
        assertThat(read("EXP:RC4:eNULL").suites()).as("classes the JDK has nothing of")
                .isEmpty();
    }

    @Test
    void profileSystemIsTheJdksChoice() {
        CipherString.Result result = read("PROFILE=SYSTEM");
        assertThat(result.jdkDefaults()).isTrue();
        assertThat(result.unknown()).isEmpty();
    }

    @Test
    void tls13ListsTakeTheIanaNames() {
        Set<String> tls13 = Set.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
                "TLS_CHACHA20_POLY1305_SHA256");
        CipherString.Result result = CipherString.tls13("TLS_AES_128_GCM_SHA256:"
                + "TLS_AES_128_CCM_SHA256:TLS_CHACHA20_POLY1305_SHA256", tls13);
        assertThat(result.suites()).containsExactly("TLS_AES_128_GCM_SHA256",
                "TLS_CHACHA20_POLY1305_SHA256");
        assertThat(result.unknown()).containsExactly("TLS_AES_128_CCM_SHA256");
    }
}
