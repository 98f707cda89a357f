package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code acl NAME CRITERION [FLAGS] PATTERN...}: criteria {@code path}, {@code url},
 * {@code hdr(NAME)}, {@code method}, {@code src}, {@code ssl_fc},
 * {@code http_auth(USERLIST)} and {@code http_auth_group(USERLIST) GROUP...}, the first three
 * with the suffixes
 * {@code _beg}, {@code _end}, {@code _sub}, {@code _dir}, {@code _dom}, {@code _reg}; flags
 * {@code -i}, {@code -m METHOD} and {@code --}.
 */
final class AclKeyword {
    private static final Pattern CRITERION = Pattern.compile(
            "(path|url|hdr|method|src|ssl_fc|http_auth|http_auth_group|var|req[._]len"
                    + "|req[._]ssl_hello_type|req[._]ssl_sni|req\\.ssl_alpn)"
                    + "(_beg|_end|_sub|_dir|_dom|_reg)?"
                    + "(?:\\(([^)]*)\\))?");
    private static final Map<String, AclFetch> FETCHES = Map.of("path", AclFetch.PATH, "url",
            AclFetch.URL, "hdr", AclFetch.HDR, "method", AclFetch.METHOD, "src", AclFetch.SRC,
            "ssl_fc", AclFetch.SSL_FC, "http_auth", AclFetch.HTTP_AUTH, "http_auth_group",
            AclFetch.HTTP_AUTH_GROUP, "var", AclFetch.VAR);
    /** The fetches of the client's raw bytes, by either of the names HAProxy gives them. */
    private static final Map<String, AclFetch> CLIENT_BYTES = Map.of("req.len",
            AclFetch.REQ_LEN, "req_len", AclFetch.REQ_LEN, "req.ssl_hello_type",
            AclFetch.REQ_SSL_HELLO_TYPE, "req_ssl_hello_type", AclFetch.REQ_SSL_HELLO_TYPE,
            "req.ssl_sni", AclFetch.REQ_SSL_SNI, "req_ssl_sni", AclFetch.REQ_SSL_SNI,
            "req.ssl_alpn", AclFetch.REQ_SSL_ALPN);
    /** The criteria that take a suffix such as {@code _beg}. */
    private static final Set<String> SUFFIXED = Set.of("path", "url", "hdr");
    private static final Map<String, AclMatch> SUFFIXES = Map.of("_beg", AclMatch.BEGINS,
            "_end", AclMatch.ENDS, "_sub", AclMatch.CONTAINS, "_dir", AclMatch.DIR, "_dom",
            AclMatch.DOMAIN, "_reg", AclMatch.REGEX);
    private static final Map<String, AclMatch> METHODS = Map.of("str", AclMatch.EXACT, "beg",
            AclMatch.BEGINS, "end", AclMatch.ENDS, "sub", AclMatch.CONTAINS, "dir",
            AclMatch.DIR, "dom", AclMatch.DOMAIN, "reg", AclMatch.REGEX, "ip", AclMatch.IP,
            "found", AclMatch.FOUND, "int", AclMatch.INTEGER);
    private static final String SUPPORTED = "path, url, hdr(NAME), method, src, ssl_fc, "
            + "http_auth(USERLIST) or http_auth_group(USERLIST), req.len, req.ssl_hello_type, "
            + "req.ssl_sni, req.ssl_alpn, path/url/hdr with _beg, _end, "
            + "_sub, _dir, _dom or _reg, or a stick table fetch (sc_*, scN_*, src_*, "
            + "table_cnt)";

    private AclKeyword() {
    }

    /**
     * Reads one {@code acl} line. When a line with a valid name is refused, the name is kept
     * as refused so that rules using it do not add a second error saying it is missing.
     */
    static void acl(ProxySection s, Args a) {
        String name = a.next("an ACL name");
        HaproxyConfigParser.checkName(a, name, "ACL");
        try {
            criterion(s, a, name);
        } catch (RuntimeException e) {
            s.refusedAclNames.add(name);
            throw e;
        }
    }

    private static void criterion(ProxySection s, Args a, String name) {
        String criterion = a.next("a criterion (" + SUPPORTED + ")");
        Optional<StickFetch> stick = StickFetchNames.parse(s, a, criterion);
        if (stick.isPresent()) {
            stickAcl(s, a, name, stick.get());
            return;
        }
        Matcher m = CRITERION.matcher(criterion);
        if (!m.matches() || m.group(3) != null && !m.group(1).equals("hdr")
                && !m.group(1).startsWith("http_auth") && !m.group(1).equals("var")
                || m.group(2) != null && !SUFFIXED.contains(m.group(1))) {
            throw a.fail("criterion " + Args.quote(criterion) + " is not supported by bramble; "
                    + "supported: " + SUPPORTED);
        }
        AclFetch fetch = FETCHES.getOrDefault(m.group(1), CLIENT_BYTES.get(m.group(1)));
        Optional<String> argument = Optional.ofNullable(m.group(3)).filter(x -> !x.isEmpty());
        if (m.group(1).startsWith("http_auth") && argument.isEmpty()) {
            throw a.fail("missing userlist name: write " + m.group(1) + "(USERLIST)");
        }
        if (fetch == AclFetch.VAR) {
            variable(a, argument);
        }
        AclMatch match = m.group(2) != null
                ? SUFFIXES.get(m.group(2))
                : fetch == AclFetch.SRC
                        ? AclMatch.IP
                        : fetch.integer() ? AclMatch.INTEGER : AclMatch.EXACT;
        if (fetch == AclFetch.SSL_FC || fetch == AclFetch.HTTP_AUTH) {
            match = AclMatch.FOUND; // a boolean: TLS, or credentials of the userlist's
        }
        boolean ignoreCase = false;
        boolean methodWritten = false;
        while (a.peek().filter(w -> w.startsWith("-")).isPresent()) {
            String flag = a.next("a flag");
            switch (flag) {
                case "-i" -> ignoreCase = true;
                case "-m" -> {
                    match = method(a);
                    methodWritten = true;
                    if (match == AclMatch.INTEGER && fetch != AclFetch.VAR
                            && !fetch.integer()) {
                        throw a.fail("'-m int' is read by bramble on var(), req.len, "
                                + "req.ssl_hello_type and stick table fetches only");
                    }
                }
                case "--" -> {
                    requireMethod(a, fetch, methodWritten);
                    finish(s, a, name, fetch, argument, match, ignoreCase);
                    return;
                }
                default -> throw a.fail("ACL flag " + Args.quote(flag) + " is not supported by "
                        + "bramble; supported: -i, -m METHOD, --");
            }
        }
        requireMethod(a, fetch, methodWritten);
        finish(s, a, name, fetch, argument, match, ignoreCase);
    }

    /** var() has no type of its own: HAProxy asks for a match method, and so does bramble. */
    private static void requireMethod(Args a, AclFetch fetch, boolean methodWritten) {
        if (fetch == AclFetch.VAR && !methodWritten) {
            throw a.fail("matching method must be specified first (using '-m') for var(), as "
                    + "HAProxy asks");
        }
    }

    private static void variable(Args a, Optional<String> argument) {
        if (argument.isEmpty()) {
            throw a.fail("missing variable name: write var(SCOPE.NAME)");
        }
        try {
            io.bramble.lb.format.VariableName.parse(argument.get());
        } catch (IllegalArgumentException e) {
            throw a.fail(e.getMessage());
        }
    }

    /** An ACL on a stick table: integer patterns, {@code -m int} allowed as written. */
    private static void stickAcl(ProxySection s, Args a, String name, StickFetch fetch) {
        if (a.nextIf("-m")) {
            a.choice("the match method of an integer fetch", "int");
        }
        a.nextIf("--");
        List<String> patterns = a.rest();
        try {
            IntegerRanges.parse(patterns);
        } catch (IllegalArgumentException e) {
            throw a.fail(e.getMessage());
        }
        s.builder.acls.add(AclConfig.stick(name, fetch, patterns, ProxySection.location(a)));
        s.aclNames.add(name);
    }

    private static AclMatch method(Args a) {
        String method = a.next("a match method (str, beg, end, sub, dir, dom, reg, ip, found, "
                + "int)");
        AclMatch match = METHODS.get(method);
        if (match == null) {
            throw a.fail("match method " + Args.quote(method) + " is not supported by bramble; "
                    + "supported: str, beg, end, sub, dir, dom, reg, ip, found, int");
        }
        return match;
    }

    private static void finish(ProxySection s, Args a, String name, AclFetch fetch,
            Optional<String> argument, AclMatch match, boolean ignoreCase) {
        List<String> patterns = new ArrayList<>(a.rest());
        if (fetch == AclFetch.HTTP_AUTH && (!patterns.isEmpty() || ignoreCase)
                || fetch == AclFetch.HTTP_AUTH_GROUP && (match != AclMatch.EXACT
                        || ignoreCase)) {
            throw a.fail(fetch == AclFetch.HTTP_AUTH
                    ? "http_auth(USERLIST) is true or false: it takes no flags nor patterns"
                    : "http_auth_group(USERLIST) matches group names as written: it takes no "
                            + "flags");
        }
        if (match == AclMatch.FOUND && !patterns.isEmpty()) {
            throw a.fail("'-m found' takes no patterns, got " + patterns.size());
        }
        if (match != AclMatch.FOUND && patterns.isEmpty()) {
            throw a.fail("expected at least one pattern after the criterion, got nothing");
        }
        if (match == AclMatch.INTEGER) {
            try {
                IntegerRanges.parse(patterns);
            } catch (IllegalArgumentException e) {
                throw a.fail(e.getMessage());
            }
        }
        for (String pattern : patterns) {
            check(a, match, pattern, ignoreCase);
        }
        s.builder.acls.add(new AclConfig(name, fetch, argument, match, patterns, ignoreCase,
                ProxySection.location(a)));
        s.aclNames.add(name);
    }

    private static void check(Args a, AclMatch match, String pattern, boolean ignoreCase) {
        if (match == AclMatch.IP) {
            if (Cidr.tryParse(pattern).isEmpty()) {
                throw a.unexpected("an address or network such as 10.0.0.0/8", pattern);
            }
        } else if (match == AclMatch.REGEX) {
            OptionKeywords.compile(a, ignoreCase ? "(?i)" + pattern : pattern);
        }
    }
}
