package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A proxy or defaults section while its lines are read: the model's builder plus what the
 * parser must remember until the section ends (ACL names seen so far, backends named, an
 * {@code http-check expect} that may come before {@code option httpchk}).
 */
final class ProxySection {
    /** Which sections may hold a keyword, as HAProxy's proxy capabilities say. */
    enum Scope {
        DEFAULTS, FRONTEND, BACKEND
    }

    /** A backend named by default_backend or use_backend, checked once all are read. */
    record BackendReference(String name, Location where, String keyword) {}

    final ProxyConfig.Builder builder;
    final boolean isDefaults;
    final Location where;
    final Set<String> aclNames = new HashSet<>();
    /** Names of ACL lines refused with an error; rules naming them get no second one. */
    final Set<String> refusedAclNames = new HashSet<>();
    final List<BackendReference> backendReferences = new ArrayList<>();
    /** Server lines with both {@code maxconn} and {@code maxqueue}; see {@link ServerQueues}. */
    final List<Location> boundedServerQueues = new ArrayList<>();
    Optional<HttpCheckExpect> httpCheckExpect = Optional.empty();
    Optional<Location> httpCheckExpectWhere = Optional.empty();
    /** A bind line of this section was refused: its error says all there is to say. */
    boolean bindRefused;
    /** The expect above was written in this section, not inherited. */
    boolean httpCheckExpectOwn;
    Optional<HttpCheckSend> httpCheckSend = Optional.empty();
    Optional<TcpCheckRule.Connect> httpCheckConnect = Optional.empty();
    Optional<Location> httpCheckConnectWhere = Optional.empty();
    /** This section wrote http-check lines: the defaults' ones no longer apply. */
    private boolean httpCheckRulesOwn;
    /** The tcp-check steps in force: the defaults' until this section writes its own. */
    List<TcpCheckRule> tcpCheckRules = new ArrayList<>();
    List<Location> tcpCheckRulesWhere = new ArrayList<>();
    private boolean tcpCheckRulesOwn;
    /** Tables named by track rules and ACLs, checked once every proxy is read. */
    final List<StickTableReferences.Reference> tableReferences = new ArrayList<>();
    /** A {@code tcp-check comment} waiting for the step it describes. */
    String tcpCheckComment = "";

    final HaproxyConfigParser.FileProbe files;
    /** A file name of the configuration as opened: relative ones start from default-path. */
    Function<String, Path> paths = Path::of;
    /** The global {@code description} read so far, for {@code stats show-desc}. */
    Supplier<Optional<String>> globalDescription = Optional::empty;

    ProxySection(ProxyConfig.Builder builder, boolean isDefaults, Location where,
            HaproxyConfigParser.FileProbe files) {
        this.builder = builder;
        this.files = files;
        this.isDefaults = isDefaults;
        this.where = where;
        builder.acls.forEach(acl -> aclNames.add(acl.name()));
    }

    /** True when a keyword allowed in {@code scopes} may stand in this section. */
    boolean allows(Set<Scope> scopes) {
        if (isDefaults) {
            return scopes.contains(Scope.DEFAULTS);
        }
        return builder.kind.hasFrontend() && scopes.contains(Scope.FRONTEND)
                || builder.kind.hasBackend() && scopes.contains(Scope.BACKEND);
    }

    /** "a backend section", "a defaults section", for messages. */
    String describe() {
        String kind = isDefaults ? "defaults" : builder.kind.keyword();
        return "a " + kind + " section";
    }

    static ConfigLocation location(Args args) {
        return location(args.where());
    }

    static ConfigLocation location(Location where) {
        return new ConfigLocation(where.file(), where.line());
    }

    /**
     * Starts from the check lines of {@code base} (a defaults section): HAProxy's proxies
     * inherit the defaults' http-check and tcp-check rules until they write their own.
     */
    void inheritChecks(ProxySection base) {
        httpCheckExpect = base.httpCheckExpect;
        httpCheckExpectWhere = base.httpCheckExpectWhere;
        httpCheckSend = base.httpCheckSend;
        httpCheckConnect = base.httpCheckConnect;
        httpCheckConnectWhere = base.httpCheckConnectWhere;
        tcpCheckRules = new ArrayList<>(base.tcpCheckRules);
        tcpCheckRulesWhere = new ArrayList<>(base.tcpCheckRulesWhere);
    }

    /** An http-check line of this section: the inherited ones are dropped, once. */
    void ownHttpCheckRules() {
        if (!httpCheckRulesOwn) {
            httpCheckRulesOwn = true;
            httpCheckExpect = Optional.empty();
            httpCheckExpectWhere = Optional.empty();
            httpCheckSend = Optional.empty();
            httpCheckConnect = Optional.empty();
            httpCheckConnectWhere = Optional.empty();
        }
    }

    /** True once this section wrote tcp-check lines of its own. */
    boolean ownsTcpCheckRules() {
        return tcpCheckRulesOwn;
    }

    /** A tcp-check line of this section: the inherited steps are dropped, once. */
    void ownTcpCheckRules() {
        if (!tcpCheckRulesOwn) {
            tcpCheckRulesOwn = true;
            tcpCheckRules = new ArrayList<>();
            tcpCheckRulesWhere = new ArrayList<>();
        }
    }

    /** The model, with the pending http-check and tcp-check lines folded in. */
    ProxyConfig build() {
        if (builder.httpCheck.isPresent()) {
            HttpCheckConfig http = builder.httpCheck.get();
            if (httpCheckExpect.isPresent()) {
                http = http.withExpect(httpCheckExpect.get());
            }
            if (httpCheckSend.isPresent() || httpCheckConnect.isPresent()) {
                http = http.with(httpCheckSend.orElse(new HttpCheckSend(Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), "")),
                        httpCheckConnect.orElse(TcpCheckRule.Connect.DEFAULT));
            }
            builder.httpCheck = Optional.of(http);
        }
        if (builder.tcpCheck.isPresent()
                && builder.tcpCheck.get().origin().equals(CheckKeywords.TCP_CHECK)) {
            builder.tcpCheck = Optional.of(new TcpCheckConfig(CheckKeywords.TCP_CHECK,
                    tcpCheckRules));
        }
        return builder.build();
    }
}
