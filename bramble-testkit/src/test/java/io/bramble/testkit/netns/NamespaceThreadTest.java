package io.bramble.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.net.HostPort;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A thread of this JVM inside a lab host: what it opens is the host's. */
class NamespaceThreadTest {
    @BeforeEach
    void needsALab() {
        LabRequirements.assumeMet();
    }

    @Test
    void socketsAndInterfaceNamesAreTheHostsAndStayThere() throws Exception {
        try (NetnsLab lab = NetnsLab.builder().host("a").host("b").open();
                NamespaceThread a = new NamespaceThread(lab.host("a").namespace())) {
            LabHost host = lab.host("a");
            assertThat(a.call(() -> Collections.list(NetworkInterface.getNetworkInterfaces())
                    .stream().map(NetworkInterface::getName).sorted().toList()))
                    .containsExactly(host.interfaceName(), "lo");
            // The host's address exists only in its namespace: bound there, not here.
            InetSocketAddress local = new InetSocketAddress(host.address(), 0);
            assertThatThrownBy(() -> new ServerSocket().bind(local))
                    .isInstanceOf(BindException.class);
            try (ServerSocket server = a.call(() -> {
                ServerSocket socket = new ServerSocket();
                socket.bind(local);
                return socket;
            })) {
                // Used from this thread, the socket still lives in host a: b reaches it.
                HostPort target = new HostPort(host.address().getHostAddress(),
                        server.getLocalPort());
                assertThat(lab.host("b").canConnect(target)).isTrue();
                try (Socket accepted = server.accept()) {
                    assertThat(accepted.getInetAddress()).isEqualTo(lab.host("b").address());
                }
            }
        }
    }

    @Test
    void whatTheWorkThrowsIsThrownAsIs() throws Exception {
        try (NetnsLab lab = NetnsLab.builder().host("a").open();
                NamespaceThread a = new NamespaceThread(lab.host("a").namespace())) {
            assertThatThrownBy(() -> a.call(() -> {
                throw new IOException("refused in a");
            })).isExactlyInstanceOf(IOException.class).hasMessage("refused in a");
            assertThat(a.call(() -> 42)).isEqualTo(42);
        }
    }

    @Test
    void anUnknownNamespaceIsRefused() {
        assertThatThrownBy(() -> new NamespaceThread("bramble-no-such-namespace"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bramble-no-such-namespace");
    }
}
