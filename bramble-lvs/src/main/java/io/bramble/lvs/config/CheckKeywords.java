package io.bramble.lvs.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.ConfigBlock;
import io.bramble.common.config.KeywordTable;
import io.bramble.vrrp.config.Readers;
import java.net.InetAddress;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The keywords inside {@code TCP_CHECK}, {@code HTTP_GET}/{@code SSL_GET} and MISC_CHECK. */
final class CheckKeywords {
    static final int URLS_MAX = 64;
    static final int STATUS_RANGES_MAX = 64;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern STATUS = Pattern.compile("(\\d{3})(?:-(\\d{3}))?");

    /** Options every connecting checker has ({@code connect_ip} ... {@code delay_loop}). */
    private static KeywordTable<CheckDraft> connecting(String context) {
        KeywordTable<CheckDraft> table = new KeywordTable<CheckDraft>(context)
                .keyword("connect_ip", (c, a) -> c.connectIp = address(a, "a connect address"))
                .keyword("connect_port", (c, a) -> c.connectPort = port(a))
                .keyword("bindto", (c, a) -> c.bindTo = address(a, "a local address"))
                .keyword("bind_port", (c, a) -> c.bindPort = port(a))
                .unsupported("bind_if", "bramble binds checks by address only (bindto)")
                .unsupported("fwmark", "bramble does not mark check packets")
                .keyword("alpha", (c, a) -> c.tunables.alpha = Tunables.flag(a));
        return Tunables.timingKeywords(table, c -> c.tunables);
    }

    static final KeywordTable<CheckDraft> TCP = connecting("TCP_CHECK");

    static final KeywordTable<CheckDraft> HTTP = connecting("HTTP_GET and SSL_GET")
            .keyword("url", CheckKeywords::url)
            .keyword("http_protocol", (c, a) -> {
                c.httpProtocol = a.choice("an HTTP version", "1.0", "1.0C", "1.1");
                a.end();
            })
            .keyword("enable_sni", (c, a) -> {
                c.sni = true;
                a.end();
            })
            .keyword("virtualhost", (c, a) -> c.tunables.virtualhost = word(a, "a host name"))
            .warnOnly("fast_recovery", "bramble checks every url in each round, as keepalived "
                    + "does with fast_recovery");

    static final KeywordTable<CheckDraft> MISC = Tunables.timingKeywords(
            new KeywordTable<CheckDraft>("MISC_CHECK"), (CheckDraft c) -> c.tunables)
            .keyword("alpha", (c, a) -> c.tunables.alpha = Tunables.flag(a))
            .keyword("misc_path", (c, a) -> c.miscPath = Readers.command(a, false))
            .keyword("misc_timeout", (c, a) -> {
                c.miscTimeout = a.duration("a time in seconds", Tunables.TIMER_MIN,
                        Tunables.TIMER_MAX, ChronoUnit.SECONDS);
                a.end();
            })
            .keyword("misc_dynamic", (c, a) -> {
                c.miscDynamic = true;
                a.end();
            })
            .unsupported("user", "the check runs as bramble's user");

    private static final KeywordTable<CheckDraft.UrlDraft> URL = new KeywordTable<CheckDraft.UrlDraft>(
            "url")
            .keyword("path", (u, a) -> u.path = word(a, "a path such as /"))
            .keyword("digest", CheckKeywords::digest)
            .keyword("status_code", CheckKeywords::statusCodes)
            .keyword("virtualhost", (u, a) -> u.virtualhost = word(a, "a host name"))
            .unsupported("regex", "check the body with digest or a MISC_CHECK")
            .unsupported("regex_no_match", "")
            .unsupported("regex_options", "")
            .unsupported("regex_stack", "")
            .unsupported("regex_min_offset", "")
            .unsupported("regex_max_offset", "");

    private CheckKeywords() {
    }

    private static void url(CheckDraft check, Args args) {
        args.end();
        if (check.urls.size() >= URLS_MAX) {
            throw args.fail("more than " + URLS_MAX + " url blocks in one checker");
        }
        CheckDraft.UrlDraft url = new CheckDraft.UrlDraft(args.where());
        for (ConfigBlock statement : args.block("url keywords")) {
            URL.dispatch(url, statement, check.diagnostics);
        }
        if (url.path == null) {
            args.error("a url needs a path");
        }
        check.urls.add(url);
    }

    private static void digest(CheckDraft.UrlDraft url, Args args) {
        String word = args.next("an MD5 digest (32 hex digits, as genhash prints)");
        if (!DIGEST.matcher(word).matches()) {
            throw args.unexpected("an MD5 digest (32 hex digits, as genhash prints)", word);
        }
        args.end();
        url.digest = word.toLowerCase(Locale.ROOT);
    }

    private static void statusCodes(CheckDraft.UrlDraft url, Args args) {
        String what = "a status code or range such as 200 or 200-299";
        do {
            String word = args.next(what);
            Matcher matcher = STATUS.matcher(word);
            if (!matcher.matches()) {
                throw args.unexpected(what, word);
            }
            int low = Integer.parseInt(matcher.group(1));
            int high = matcher.group(2) == null ? low : Integer.parseInt(matcher.group(2));
            if (low < 100 || high > 599 || high < low) {
                throw args.unexpected(what + " between 100 and 599", word);
            }
            if (url.statusCodes.size() >= STATUS_RANGES_MAX) {
                throw args.fail("more than " + STATUS_RANGES_MAX + " status codes");
            }
            url.statusCodes.add(new StatusRange(low, high));
        } while (args.hasNext());
    }

    private static InetAddress address(Args args, String what) {
        InetAddress address = args.inetAddress(what);
        args.end();
        return address;
    }

    private static int port(Args args) {
        int port = args.port("a port");
        args.end();
        return port;
    }

    static String word(Args args, String what) {
        String word = args.next(what);
        args.end();
        return word;
    }
}
