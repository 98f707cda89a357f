package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two termination characters of a tcp session, as HAProxy's section 8.5 lists them. */
class TcpTerminationTest {
    @Test
    void aNormalEndIsTwoDashes() {
        assertThat(new TcpTermination().code()).isEqualTo("--");
    }

    @Test
    void eachEventHasHaproxysCharacters() {
        assertThat(code(t -> t.rejected())).isEqualTo("PR");
        assertThat(code(t -> t.noServer())).isEqualTo("SC");
        assertThat(code(t -> t.connectTimedOut())).isEqualTo("sC");
        assertThat(code(t -> t.aborted(TcpTermination.Side.CLIENT, false))).isEqualTo("CC");
        assertThat(code(t -> t.aborted(TcpTermination.Side.CLIENT, true))).isEqualTo("CD");
        assertThat(code(t -> t.aborted(TcpTermination.Side.SERVER, true))).isEqualTo("SD");
        assertThat(code(t -> t.timedOut(TcpTermination.Side.CLIENT, false))).isEqualTo("cC");
        assertThat(code(t -> t.timedOut(TcpTermination.Side.CLIENT, true))).isEqualTo("cD");
        assertThat(code(t -> t.timedOut(TcpTermination.Side.SERVER, true))).isEqualTo("sD");
    }

    @Test
    void theFirstEventWins() {
        TcpTermination termination = new TcpTermination();
        termination.timedOut(TcpTermination.Side.CLIENT, true);
        termination.timedOut(TcpTermination.Side.SERVER, true);
        termination.aborted(TcpTermination.Side.SERVER, true);
        assertThat(termination.code()).isEqualTo("cD");
    }

    private static String code(java.util.function.Consumer<TcpTermination> event) {
        TcpTermination termination = new TcpTermination();
        event.accept(termination);
        return termination.code();
    }
}
