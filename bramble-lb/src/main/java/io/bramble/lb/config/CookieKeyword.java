package io.bramble.lb.config;

import io.bramble.common.config.Args;
import java.util.Optional;

/**
 * {@code cookie NAME insert|prefix|rewrite [indirect] [nocache] [postonly] [preserve]
 * [httponly] [secure] [domain D]}, and the spelling {@code option cookie NAME MODE} some
 * recipes use, read the same way with a warning.
 */
final class CookieKeyword {
    private CookieKeyword() {
    }

    static void cookie(ProxySection s, Args a) {
        String name = a.next("a cookie name");
        if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}"
                .indexOf(c) < 0)) {
            throw a.unexpected("a cookie name (letters, digits and - _ . without spaces)",
                    name);
        }
        CookieMode mode = a.choice("a cookie mode", CookieMode.class);
        boolean indirect = false;
        boolean nocache = false;
        boolean postOnly = false;
        boolean preserve = false;
        boolean httpOnly = false;
        boolean secure = false;
        Optional<String> domain = Optional.empty();
        while (a.hasNext()) {
            String option = a.choice("a cookie option", "indirect", "nocache", "postonly",
                    "preserve", "httponly", "secure", "domain", "maxidle", "maxlife",
                    "dynamic", "attr");
            switch (option) {
                case "indirect" -> indirect = true;
                case "nocache" -> nocache = true;
                case "postonly" -> postOnly = true;
                case "preserve" -> preserve = true;
                case "httponly" -> httpOnly = true;
                case "secure" -> secure = true;
                case "domain" -> domain = Optional.of(a.next("a cookie domain"));
                default -> throw a.fail("cookie option '" + option + "' is not supported by "
                        + "bramble");
            }
        }
        s.builder.cookie = Optional.of(new CookieConfig(name, mode, indirect, nocache,
                postOnly, preserve, httpOnly, secure, domain));
    }

    /** {@code option cookie NAME MODE}: not HAProxy's spelling, but its meaning is clear. */
    static void optionCookie(ProxySection s, Args a) {
        String written = String.join(" ", a.remaining());
        cookie(s, a);
        a.warning("not a HAProxy keyword; read as 'cookie " + written + "', which is how "
                + "HAProxy spells it");
    }
}
