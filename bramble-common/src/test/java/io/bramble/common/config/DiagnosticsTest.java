package io.bramble.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.error.UserError;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    private final Location where = new Location("haproxy.cfg", 12);

    @Test
    void formatsAsFileLineKeywordMessage() {
        assertThat(where).hasToString("haproxy.cfg:12");
        assertThat(new Diagnostic(Severity.ERROR, where, "maxconn", "expected x, got y"))
                .hasToString("haproxy.cfg:12: maxconn: expected x, got y");
        assertThat(new Diagnostic(Severity.WARNING, where, "chroot", "ignored"))
                .hasToString("haproxy.cfg:12: chroot: warning: ignored");
    }

    @Test
    void keepsOrderAndSeparatesKinds() {
        Diagnostics d = new Diagnostics();
        d.warning(where, "a", "w1");
        d.error(where, "b", "e1");
        d.warning(where, "c", "w2");
        d.error(where, "d", "e2");
        assertThat(d.all()).extracting(Diagnostic::keyword).containsExactly("a", "b", "c", "d");
        assertThat(d.errors()).extracting(Diagnostic::keyword).containsExactly("b", "d");
        assertThat(d.warnings()).extracting(Diagnostic::keyword).containsExactly("a", "c");
        assertThat(d.hasErrors()).isTrue();
    }

    @Test
    void throwsEveryErrorAtOnceWithExitCode2() {
        Diagnostics d = new Diagnostics();
        d.throwIfErrors();
        d.warning(where, "daemon", "ignored");
        d.throwIfErrors();
        d.error(where, "maxconn", "bad");
        d.error(new Location("haproxy.cfg", 20), "bind", "worse");
        assertThatThrownBy(d::throwIfErrors).isInstanceOfSatisfying(ConfigException.class,
                e -> {
                    assertThat(e).isInstanceOf(UserError.class);
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).isEqualTo("haproxy.cfg:12: maxconn: bad\n"
                            + "haproxy.cfg:20: bind: worse\n2 errors in config");
                    assertThat(e.diagnostics()).hasSize(3);
                    assertThat(e.errors()).hasSize(2);
                });
    }

    @Test
    void sortsByFileThenLineKeepingOrderWithinALine() {
        Diagnostics d = new Diagnostics();
        d.error(new Location("a.cfg", 9), "late", "e");
        d.warning(new Location("b.cfg", 1), "other", "w");
        d.warning(new Location("a.cfg", 2), "early", "w1");
        d.error(new Location("a.cfg", 2), "early", "e2");
        Diagnostics sorted = d.inLineOrder();
        assertThat(sorted.all()).extracting(x -> x.where() + " " + x.message())
                .containsExactly("a.cfg:2 w1", "a.cfg:2 e2", "a.cfg:9 e", "b.cfg:1 w");
        assertThat(sorted.errorCount()).isEqualTo(2);
    }

    @Test
    void storesABoundedNumberOfMessages() {
        Diagnostics d = new Diagnostics();
        for (int i = 0; i < Diagnostics.STORED_MAX + 5; i++) {
            d.error(where, "k", "e" + i);
        }
        assertThat(d.all()).hasSize(Diagnostics.STORED_MAX);
        assertThat(d.errorCount()).isEqualTo(Diagnostics.STORED_MAX + 5);
        assertThatThrownBy(d::throwIfErrors).hasMessageEndingWith(
                "1005 errors in config (5 messages not shown)");
    }

    @Test
    void locationsStartAtLineOne() {
        assertThatThrownBy(() -> new Location("f", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
