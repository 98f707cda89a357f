package io.bramble.lb.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.GlobalSettings;
import io.bramble.lb.config.LogFormat;
import io.bramble.lb.config.LogLevel;
import io.bramble.lb.config.LogSettings;
import io.bramble.lb.config.LogTarget;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traffic lines reach only the syslog targets whose level takes info, at the right priority. */
class LogWriterTest {
    private static LogTarget target(int port, String facility, LogLevel max, LogLevel min) {
        return new LogTarget("127.0.0.1:" + port, facility, max, min, ConfigLocation.NONE);
    }

    private static List<String> receive(DatagramSocket socket, int count) throws Exception {
        List<String> received = new ArrayList<>();
        byte[] buffer = new byte[2048];
        for (int i = 0; i < count; i++) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            received.add(new String(packet.getData(), 0, packet.getLength(),
                    StandardCharsets.UTF_8));
        }
        return received;
    }

    /** One local0 syslog target at {@code socket}, taking every level. */
    private static LogSettings udpTarget(DatagramSocket socket, int lineBytesMax, boolean raw) {
        return new LogSettings(false, List.of(new LogTarget("127.0.0.1:"
                + socket.getLocalPort(), "local0", LogLevel.DEBUG, LogLevel.EMERG, lineBytesMax,
                raw, ConfigLocation.NONE)), LogFormat.HTTP, false);
    }

    @Test
    void aTargetBelowInfoGetsNoTrafficLines() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                LogWriter writer = new LogWriter(42)) {
            socket.setSoTimeout(10_000);
            int port = socket.getLocalPort();
            // The notice target comes first: had it taken a line, that would arrive first.
            LogSettings settings = new LogSettings(false, List.of(
                    target(port, "local0", LogLevel.NOTICE, LogLevel.EMERG),
                    target(port, "local1", LogLevel.INFO, LogLevel.EMERG),
                    target(port, "local2", LogLevel.DEBUG, LogLevel.DEBUG)),
                    LogFormat.HTTP, false);
            AccessLog log = writer.open(settings, GlobalSettings.defaults());
            assertThat(log.enabled()).isTrue();
            log.log("first line");
            log.log("second line");
            List<String> lines = receive(socket, 4);
            // local1 (17) * 8 + info (6) = 142; local2 (18) * 8 + debug (7), capped, = 151.
            assertThat(lines).hasSize(4).allSatisfy(line -> assertThat(line)
                    .matches("<(142|151)>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d haproxy\\[42\\]: "
                            + "(first|second) line\n"));
            assertThat(lines).filteredOn(line -> line.startsWith("<142>")).hasSize(2);
            assertThat(lines).filteredOn(line -> line.startsWith("<151>")).hasSize(2);
        }
    }

    @Test
    void aLineLongerThanTheTargetsLenIsCutToItBeforeItsLineFeed() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                LogWriter writer = new LogWriter(42)) {
            socket.setSoTimeout(10_000);
            AccessLog log = writer.open(udpTarget(socket, 100, false),
                    GlobalSettings.defaults());
            log.log("x".repeat(200));
            log.log("short");
            List<String> lines = receive(socket, 2);
            // As HAProxy 2.6.12 sent them with 'len 100': 100 bytes, then the line feed.
            assertThat(lines.get(0)).hasSize(101).endsWith("xxx\n");
            assertThat(lines.get(1)).endsWith("]: short\n");
        }
    }

    @Test
    void aRawTargetGetsTheLineAloneAndAStreamTheHeaderUnlessRaw() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                LogWriter writer = new LogWriter(42)) {
            socket.setSoTimeout(10_000);
            writer.open(udpTarget(socket, LogTarget.LINE_BYTES_DEFAULT, true),
                    GlobalSettings.defaults()).log("bare line");
            assertThat(receive(socket, 1)).containsExactly("bare line\n");
        }
        List<String> written = new ArrayList<>();
        LogSink stream = new LogSink() {
            @Override
            public void write(String line, LogLevel level) {
                written.add(line);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        new HeaderedSink(stream, new SyslogHeader(new LogTarget("stderr", "local1",
                ConfigLocation.NONE), 42)).write("a line", LogLevel.INFO);
        // As HAProxy 2.6.12 wrote it with 'log stderr local1'.
        assertThat(written).singleElement().asString().matches("<142>\\w{3} [ \\d]\\d "
                + "\\d\\d:\\d\\d:\\d\\d haproxy\\[42\\]: a line");
    }

    @Test
    void aProxyWhoseTargetsAllStopAboveInfoLogsNoTraffic() {
        try (LogWriter writer = new LogWriter(42)) {
            LogSettings notice = new LogSettings(false, List.of(new LogTarget("stdout",
                    "local0", LogLevel.NOTICE, LogLevel.EMERG, ConfigLocation.NONE)),
                    LogFormat.HTTP, false);
            assertThat(writer.open(notice, GlobalSettings.defaults()).enabled()).isFalse();
            LogSettings info = new LogSettings(false, List.of(new LogTarget("stdout",
                    "local0", ConfigLocation.NONE)), LogFormat.HTTP, false);
            assertThat(writer.open(info, GlobalSettings.defaults()).enabled()).isTrue();
        }
    }
}
