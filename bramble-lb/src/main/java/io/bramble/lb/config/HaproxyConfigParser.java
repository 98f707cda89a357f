package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.ConfigError;
import io.bramble.common.config.ConfigException;
import io.bramble.common.config.ConfigLine;
import io.bramble.common.config.Diagnostic;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.HaproxyLexer;
import io.bramble.common.config.Location;
import io.bramble.common.net.HostPort;
import io.bramble.common.os.Accounts;
import io.bramble.common.os.ProcessUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Turns a haproxy.cfg into an {@link LbConfig}: sections {@code global}, {@code defaults},
 * {@code frontend}, {@code backend} and {@code listen} (with the old
 * {@code listen NAME ADDR:PORT} form) and {@code userlist}, each line dispatched through its section's keyword
 * table. Every proxy starts from the defaults section in force above it (or the one named
 * with {@code from}). Conditional blocks ({@code .if}) are resolved first. All errors of the
 * file are reported at once by a {@link ConfigException}; warnings travel in
 * {@link LbConfig#warnings()}.
 */
public final class HaproxyConfigParser {
    /** Real HAProxy sections bramble does not read, with what to do instead. */
    private static final Map<String, String> UNSUPPORTED_SECTIONS = Map.ofEntries(
            Map.entry("peers", UnsupportedKeywords.PEERS),
            Map.entry("resolvers", "servers are resolved once at "
                    + "start"),
            Map.entry("mailers", ""), Map.entry("cache", ""), Map.entry("program", ""),
            Map.entry("http-errors", "use 'errorfile CODE FILE' in defaults or a proxy"),
            Map.entry("ring", ""), Map.entry("log-forward", ""), Map.entry("fcgi-app", ""),
            Map.entry("crt-store", ""), Map.entry("traces", ""), Map.entry("acme", ""));
    /** Proxies in one file; HAProxy has no hard limit, this bounds start-up work. */
    static final int PROXIES_MAX = 10_000;

    /** How the parser sees files named by {@code errorfile}; tests give a fixed view. */
    interface FileProbe {
        /** The size of a readable regular file, or empty when it cannot be read. */
        OptionalLong readableSize(Path path);
    }

    private static final FileProbe REAL_FILES = path -> {
        try {
            return Files.isRegularFile(path) && Files.isReadable(path)
                    ? OptionalLong.of(Files.size(path))
                    : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    };

    private final Map<String, String> environment;
    private final boolean runningAsRoot;
    private final FileProbe files;
    private final Supplier<Accounts> accounts;
    private final boolean resolveFailuresIgnored;

    /**
     * @param environment variables for {@code "${NAME}"} in the file
     * @param runningAsRoot whether {@code user}/{@code group} could be honoured; when not,
     *        they give a warning
     */
    public HaproxyConfigParser(Map<String, String> environment, boolean runningAsRoot) {
        this(environment, runningAsRoot, REAL_FILES);
    }

    HaproxyConfigParser(Map<String, String> environment, boolean runningAsRoot,
            FileProbe files) {
        this(environment, runningAsRoot, files, Accounts::system);
    }

    /** As the others, with the user and group accounts {@code user} and {@code group} name. */
    HaproxyConfigParser(Map<String, String> environment, boolean runningAsRoot,
            FileProbe files, Supplier<Accounts> accounts) {
        this(environment, runningAsRoot, files, accounts, false);
    }

    private HaproxyConfigParser(Map<String, String> environment, boolean runningAsRoot,
            FileProbe files, Supplier<Accounts> accounts, boolean resolveFailuresIgnored) {
        this.environment = Map.copyOf(environment);
        this.runningAsRoot = runningAsRoot;
        this.files = files;
        this.accounts = accounts;
        this.resolveFailuresIgnored = resolveFailuresIgnored;
    }

    /**
     * This parser, with HAProxy's {@code -dr}: a server whose address no {@code init-addr}
     * method finds starts in maintenance, with a warning, instead of being an error.
     */
    public HaproxyConfigParser ignoringResolveFailures() {
        return new HaproxyConfigParser(environment, runningAsRoot, files, accounts, true);
    }

    /** A parser with this process's environment and user. */
    public static HaproxyConfigParser forThisProcess() {
        return new HaproxyConfigParser(System.getenv(), ProcessUser.isRoot());
    }

    /** Reads and parses a file; throws {@link ConfigException} listing every error. */
    public LbConfig parse(Path file) {
        return parse(file.toString(), HaproxyLexer.read(file));
    }

    /**
     * Parses {@code text}, naming it {@code fileName} in messages. Text whose last line has no
     * line feed is refused, as HAProxy 2.6 refuses it: the file may have been cut short.
     */
    public LbConfig parse(String fileName, String text) {
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigLine> lines = new HaproxyLexer(environment, diagnostics).lex(fileName, text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            int last = (int) text.chars().filter(c -> c == '\n').count() + 1;
            diagnostics.error(new Location(fileName, last), "(end of file)", "the last line "
                    + "has no line feed, so the file may have been cut short; HAProxy 2.6 "
                    + "refuses it too: end the file with a new line");
        }
        return parse(lines, diagnostics);
    }

    private LbConfig parse(List<ConfigLine> lexed, Diagnostics lexing) {
        Diagnostics found = new Diagnostics();
        ConditionalBlocks blocks = new ConditionalBlocks(environment, found);
        List<ConfigLine> lines = blocks.keep(lexed);
        lexing.all().stream().filter(d -> !blocks.dropped(d.where())).forEach(found::add);
        FileReader reader = new FileReader(found);
        for (ConfigLine line : lines) {
            reader.line(line);
        }
        List<ProxyConfig> proxies = reader.finish();
        if (resolveFailuresIgnored) {
            proxies = proxies.stream().map(ProxyConfig::withUnresolvedServersDisabled).toList();
        }
        Diagnostics diagnostics = found.inLineOrder();
        diagnostics.throwIfErrors();
        List<String> warnings = diagnostics.warnings().stream().map(Diagnostic::toString)
                .toList();
        return new LbConfig(reader.global.build(), proxies, warnings);
    }

    /** Checks a section, server or ACL name: HAProxy allows letters, digits and - _ . :. */
    static void checkName(Args args, String name, String what) {
        if (!name.matches("[A-Za-z0-9_.:-]{1,128}")) {
            String article = "aeiouAEIOU".indexOf(what.charAt(0)) >= 0 ? "an " : "a ";
            throw args.unexpected(article + what + " name (letters, digits and - _ . :, at "
                    + "most 128)", name);
        }
    }

    /** The state of one pass over the file. */
    private final class FileReader {
        private final Diagnostics diagnostics;
        final GlobalDraft global = new GlobalDraft(runningAsRoot, accounts);
        private final List<ProxySection> sections = new ArrayList<>();
        private final Map<String, ProxySection> namedDefaults = new HashMap<>();
        private ProxySection defaults = newDefaults(null, new Location("<built-in>", 1));
        private ProxySection current;
        private final Map<String, UserlistSection> userlists = new HashMap<>();
        private UserlistSection userlist;
        private boolean inGlobal;
        private boolean skipping;

        FileReader(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        void line(ConfigLine line) {
            String keyword = line.keyword();
            if (isSectionKeyword(keyword)) {
                startSection(line);
            } else if (skipping) {
                return; // inside a section bramble does not read; its header was reported
            } else if (inGlobal) {
                GlobalKeywords.TABLE.dispatch(global, line, diagnostics);
                if (keyword.equals("ssl-server-verify")) {
                    serverVerify(line);
                }
            } else if (current != null) {
                ProxyKeywords.TABLE.dispatch(current, line, diagnostics);
            } else if (userlist != null) {
                UserlistSection.TABLE.dispatch(userlist, line, diagnostics);
            } else {
                diagnostics.error(line.where(), keyword, "outside of any section; start one "
                        + "with global, defaults, frontend, backend or listen");
            }
        }

        /**
         * {@code ssl-server-verify}: the {@code verify} of servers whose lines do not say,
         * starting from the built-in defaults; said after a proxy, it reaches only the
         * sections below.
         */
        private void serverVerify(ConfigLine line) {
            if (global.serverVerify.isEmpty()) {
                return;
            }
            ServerOptions options = defaults.builder.defaultServer;
            defaults.builder.defaultServer = options.withTls(options.tls().withVerify(
                    global.serverVerify.get()));
            if (!sections.isEmpty() || !namedDefaults.isEmpty()
                    || !defaults.where.file().equals("<built-in>")) {
                diagnostics.warning(line.where(), line.keyword(), "bramble applies it to the "
                        + "defaults and proxy sections below this line only; move it to the "
                        + "top of the file to have it reach every server");
            }
        }

        private boolean isSectionKeyword(String keyword) {
            return switch (keyword) {
                case "global", "defaults", "frontend", "backend", "listen", "userlist" -> true;
                default -> UNSUPPORTED_SECTIONS.containsKey(keyword);
            };
        }

        private void startSection(ConfigLine line) {
            inGlobal = false;
            skipping = false;
            current = null;
            userlist = null;
            Args args = new Args(line, 1, diagnostics);
            try {
                switch (line.keyword()) {
                    case "global" -> {
                        args.end();
                        inGlobal = true;
                        if (global.location == ConfigLocation.NONE) {
                            global.location = ProxySection.location(line.where());
                        }
                    }
                    case "defaults" -> startDefaults(args);
                    case "frontend" -> startProxy(args, ProxyKind.FRONTEND);
                    case "backend" -> startProxy(args, ProxyKind.BACKEND);
                    case "listen" -> startProxy(args, ProxyKind.LISTEN);
                    case "userlist" -> startUserlist(args);
                    default -> {
                        skipping = true;
                        String hint = UNSUPPORTED_SECTIONS.get(line.keyword());
                        args.error("section not supported by bramble" + (hint.isEmpty()
                                ? ""
                                : "; " + hint));
                    }
                }
            } catch (ConfigError | IllegalArgumentException e) {
                args.error(e.getMessage());
                skipping = current == null && !inGlobal && userlist == null;
            }
        }

        private void startUserlist(Args args) {
            String name = args.next("a userlist name");
            args.end();
            UserlistSection above = userlists.get(name);
            if (above != null) {
                throw args.fail("a userlist named " + Args.quote(name) + " is already at line "
                        + above.where.line());
            }
            if (userlists.size() >= PROXIES_MAX) {
                throw args.fail("more than " + PROXIES_MAX + " userlists in one file");
            }
            userlist = new UserlistSection(name, args.where());
            userlists.put(name, userlist);
        }

        private void startDefaults(Args args) {
            String name = null;
            if (args.hasNext() && !args.peek().orElse("").equals("from")) {
                name = args.next("a defaults name");
                checkName(args, name, "defaults");
            }
            ProxySection base = from(args).orElse(null);
            args.end();
            ProxySection section = newDefaults(base, args.where());
            defaults = section;
            current = section;
            if (name != null) {
                namedDefaults.put(name, section);
            }
        }

        private ProxySection newDefaults(ProxySection base, Location where) {
            ConfigLocation location = ProxySection.location(where);
            ProxyConfig.Builder builder = base == null
                    ? ProxyConfig.builder("defaults", ProxyKind.LISTEN, location)
                    : base.builder.copyFor("defaults", ProxyKind.LISTEN, location);
            ProxySection section = new ProxySection(builder, true, where, files);
            section.paths = global::file;
            section.globalDescription = () -> global.description;
            if (base != null) {
                section.inheritChecks(base);
            }
            return section;
        }

        private void startProxy(Args args, ProxyKind kind) {
            String name = args.next("a " + kind.keyword() + " name");
            checkName(args, name, kind.keyword());
            List<String> oldStyleBinds = new ArrayList<>();
            while (args.hasNext() && !args.peek().orElse("").equals("from")) {
                oldStyleBinds.add(args.next("an address"));
            }
            ProxySection base = from(args).orElse(defaults);
            args.end();
            if (sections.size() >= PROXIES_MAX) {
                throw args.fail("more than " + PROXIES_MAX + " proxies in one file");
            }
            ProxySection section = new ProxySection(base.builder.copyFor(name, kind,
                    ProxySection.location(args)), false, args.where(), files);
            section.paths = global::file;
            section.globalDescription = () -> global.description;
            section.inheritChecks(base);
            current = section;
            sections.add(section);
            try {
                oldStyleBind(args, section, String.join(" ", oldStyleBinds));
            } catch (RuntimeException e) {
                section.bindRefused = true;
                throw e;
            }
        }

        /** {@code listen NAME ADDR:PORT[,ADDR:PORT]}, the form seed recipes still use. */
        private void oldStyleBind(Args args, ProxySection section, String addresses) {
            if (addresses.isEmpty()) {
                return;
            }
            if (!section.builder.kind.hasFrontend()) {
                throw args.fail("a backend takes no address; listen on one with a frontend "
                        + "or listen section");
            }
            for (String address : addresses.split("[, ]")) {
                for (HostPort port : ProxyAddresses.bind(args, address)) {
                    section.builder.binds.add(new BindConfig(port,
                            ProxySection.location(args)));
                }
            }
        }

        private Optional<ProxySection> from(Args args) {
            if (!args.nextIf("from")) {
                return Optional.empty();
            }
            String name = args.next("the name of a defaults section");
            ProxySection named = namedDefaults.get(name);
            if (named == null) {
                throw args.fail("no defaults section named " + Args.quote(name) + " above");
            }
            return Optional.of(named);
        }

        List<ProxyConfig> finish() {
            global.identity.finish(diagnostics);
            Map<String, Userlist> built = new HashMap<>();
            userlists.forEach((name, section) -> built.put(name, section.build(diagnostics)));
            sections.forEach(section -> UserlistReferences.bind(section, built, diagnostics));
            new ProxyChecks(diagnostics, sections).run();
            List<ProxyConfig> proxies = new ArrayList<>();
            for (ProxySection section : sections) {
                try {
                    proxies.add(section.build());
                } catch (IllegalArgumentException e) {
                    diagnostics.error(section.where, section.builder.kind.keyword(),
                            e.getMessage());
                }
            }
            return proxies;
        }
    }
}
