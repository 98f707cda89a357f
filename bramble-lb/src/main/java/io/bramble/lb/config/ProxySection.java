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
    Optional<HttpCheckExpect> httpCheckExpect = Optional.empty();
    Optional<Location> httpCheckExpectWhere = Optional.empty();
    /** A bind line of this section was refused: its error says all there is to say. */
    boolean bindRefused;

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

    /** The model, with the pending {@code http-check expect} folded in. */
    ProxyConfig build() {
        if (httpCheckExpect.isPresent() && builder.httpCheck.isPresent()) {
            builder.httpCheck = Optional.of(builder.httpCheck.get().withExpect(
                    httpCheckExpect.get()));
        }
        return builder.build();
    }
}
