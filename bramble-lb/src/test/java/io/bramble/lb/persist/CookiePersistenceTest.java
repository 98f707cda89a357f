package io.bramble.lb.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.CookieConfig;
import io.bramble.lb.config.CookieMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookiePersistenceTest {
    private final CookiePersistence prefix = new CookiePersistence(
            CookieConfig.of("JSESSIONID", CookieMode.PREFIX));

    @Test
    void prefixModeMarksTheApplicationCookieOnTheWayOut() {
        assertThat(prefix.onSetCookie("JSESSIONID=ABC123; Path=/; HttpOnly", "web1"))
                .isEqualTo("JSESSIONID=web1~ABC123; Path=/; HttpOnly");
        assertThat(prefix.onSetCookie("theme=dark", "web1")).isEqualTo("theme=dark");
        assertThat(prefix.onSetCookie("JSESSIONIDX=1", "web1")).isEqualTo("JSESSIONIDX=1");
    }

    @Test
    void prefixModeStripsThePrefixOnTheWayIn() {
        RequestCookie seen = prefix.onRequest("theme=dark; JSESSIONID=web2~ABC123; a=b");
        assertThat(seen.serverValue()).isEqualTo("web2");
        assertThat(seen.forwardedHeader()).isEqualTo("theme=dark; JSESSIONID=ABC123; a=b");
        RequestCookie plain = prefix.onRequest("JSESSIONID=ABC123");
        assertThat(plain.pinned()).isFalse();
        assertThat(plain.forwardedHeader()).isEqualTo("JSESSIONID=ABC123");
        assertThat(prefix.onRequest(null).pinned()).isFalse();
    }

    @Test
    void insertModeAddsItsOwnCookieAndIndirectHidesIt() {
        CookieConfig config = new CookieConfig("SERVERID", CookieMode.INSERT, true, true, false,
                false, true, false, Optional.empty());
        CookiePersistence insert = new CookiePersistence(config);
        RequestCookie fresh = insert.onRequest("theme=dark");
        assertThat(insert.mustInsert(fresh, "s1", false, false)).isTrue();
        assertThat(insert.insertedCookie("s1")).isEqualTo("SERVERID=s1; path=/; HttpOnly");
        RequestCookie pinned = insert.onRequest("SERVERID=s1; theme=dark");
        assertThat(pinned.serverValue()).isEqualTo("s1");
        assertThat(pinned.forwardedHeader()).isEqualTo("theme=dark");
        assertThat(insert.mustInsert(pinned, "s1", false, false)).isFalse();
        assertThat(insert.mustInsert(pinned, "s2", false, false)).isTrue();
        assertThat(insert.onRequest("SERVERID=s1").forwardedHeader()).isNull();
    }

    @Test
    void rewriteModeReplacesTheValue() {
        CookiePersistence rewrite = new CookiePersistence(
                CookieConfig.of("SERVERID", CookieMode.REWRITE));
        assertThat(rewrite.onSetCookie("SERVERID=xyz; Path=/", "web1"))
                .isEqualTo("SERVERID=web1; Path=/");
        assertThat(rewrite.onRequest("SERVERID=web1").serverValue()).isEqualTo("web1");
    }
}
