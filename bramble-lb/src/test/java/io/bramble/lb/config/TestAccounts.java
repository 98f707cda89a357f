package io.bramble.lb.config;

import io.bramble.common.os.Accounts;
import java.util.List;

/** Fixed accounts, so that parsing {@code user} and {@code group} is the same on any machine. */
final class TestAccounts {
    static final Accounts FIXED = Accounts.parse(List.of(
            "root:x:0:0:root:/root:/bin/bash",
            "haproxy:x:102:105::/var/lib/haproxy:/usr/sbin/nologin",
            "bramble:x:990:990::/var/lib/bramble:/usr/sbin/nologin",
            "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin"),
            List.of(
                    "root:x:0:",
                    "ssl-cert:x:110:haproxy,postgres",
                    "haproxy:x:105:",
                    "bramble:x:990:",
                    "logs:x:120:bramble",
                    "nogroup:x:65534:"));

    private TestAccounts() {
    }
}
