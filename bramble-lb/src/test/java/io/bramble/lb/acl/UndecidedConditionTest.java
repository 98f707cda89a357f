package io.bramble.lb.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.AclConfig;
import io.bramble.lb.config.AclFetch;
import io.bramble.lb.config.AclMatch;
import io.bramble.lb.config.AclTerm;
import io.bramble.lb.config.Condition;
import io.bramble.lb.config.ConfigLocation;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A condition on the client's bytes cannot tell while they are too few, whatever negation or
 * {@code unless} surrounds it, as in HAProxy; a passing branch or a failing term decides.
 */
class UndecidedConditionTest {
    private record Bytes(ClientBytes clientBytes) implements RequestFacts {
        public String method() {
            return null;
        }

        public String path() {
            return null;
        }

        public String uri() {
            return null;
        }

        public List<String> headerValues(String name) {
            return List.of();
        }

        public InetAddress source() {
            return InetAddress.getLoopbackAddress();
        }
    }

    private final AclSet acls = new AclSet(List.of(
            new AclConfig("hello", AclFetch.REQ_SSL_HELLO_TYPE, Optional.empty(),
                    AclMatch.INTEGER, List.of("1"), false, ConfigLocation.NONE),
            new AclConfig("local", AclFetch.SRC, Optional.empty(), AclMatch.IP,
                    List.of("127.0.0.0/8"), false, ConfigLocation.NONE),
            new AclConfig("far", AclFetch.SRC, Optional.empty(), AclMatch.IP,
                    List.of("192.0.2.0/24"), false, ConfigLocation.NONE)));

    private CompiledCondition.Verdict decide(boolean unless, List<List<AclTerm>> terms,
            ClientBytes bytes) {
        return acls.compile(new Condition(unless, terms, ConfigLocation.NONE))
                .decide(new Bytes(bytes));
    }

    private static AclTerm term(String name, boolean negated) {
        return new AclTerm(name, negated);
    }

    @Test
    void tooFewBytesLeaveTheConditionUndecidedUntilTheyAreComplete() throws Exception {
        byte[] hello = TlsClientHelloTest.clientHello("a.example");
        ClientBytes partial = new ClientBytes(hello, 7, false);
        ClientBytes whole = new ClientBytes(hello, hello.length, false);
        ClientBytes cutFinal = new ClientBytes(Arrays.copyOf(hello, 7), 7, true);
        List<List<AclTerm>> helloOnly = List.of(List.of(term("hello", false)));
        List<List<AclTerm>> notHello = List.of(List.of(term("hello", true)));

        for (boolean unless : new boolean[]{false, true}) {
            assertThat(decide(unless, helloOnly, partial)).isEqualTo(
                    CompiledCondition.Verdict.UNDECIDED);
            assertThat(decide(unless, notHello, partial)).isEqualTo(
                    CompiledCondition.Verdict.UNDECIDED);
        }
        assertThat(decide(false, helloOnly, whole)).isEqualTo(CompiledCondition.Verdict.APPLIES);
        assertThat(decide(true, helloOnly, whole)).isEqualTo(CompiledCondition.Verdict.SKIPPED);
        assertThat(decide(false, helloOnly, cutFinal)).isEqualTo(
                CompiledCondition.Verdict.SKIPPED);
        assertThat(decide(true, helloOnly, cutFinal)).isEqualTo(
                CompiledCondition.Verdict.APPLIES);
    }

    @Test
    void aPassingBranchOrAFailingTermDecidesAtOnce() throws Exception {
        ClientBytes partial = new ClientBytes(TlsClientHelloTest.clientHello("a.example"), 7,
                false);
        assertThat(decide(false, List.of(List.of(term("hello", false)),
                List.of(term("local", false))), partial))
                .isEqualTo(CompiledCondition.Verdict.APPLIES);
        assertThat(decide(false, List.of(List.of(term("far", false), term("hello", false))),
                partial)).isEqualTo(CompiledCondition.Verdict.SKIPPED);
        assertThat(decide(false, List.of(List.of(term("local", false), term("hello", false))),
                partial)).isEqualTo(CompiledCondition.Verdict.UNDECIDED);
    }
}
