package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.agent.AgentName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that succeeded parks its stop, a stop takes it back, and the keeper runs what is
 * parked once the daemon's pipe closes, newest first, with the start's environment.
 */
class KeeperTest {
    private static final AgentName AGENT = AgentName.ocf("test", "recorder");

    @TempDir
    Path root;
    private Path agent;
    private Path record;

    @BeforeEach
    void agent() throws Exception {
        record = root.resolve("record");
        agent = root.resolve("recorder");
        Files.writeString(agent, "#!/bin/sh\necho \"$1 $OCF_RESOURCE_INSTANCE"
                + " $OCF_RESKEY_CRM_meta_name [$OCF_RESKEY_note]\" >> " + record + "\n");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void ran(ParkedStops stops, String resource, String action, int rc) {
        ActionRequest request = ActionRequest.of(resource, AGENT, action, 5_000, Map.of(
                "note", "it's " + resource));
        stops.after(request, rc, List.of(agent.toString(), action), Map.of(
                "OCF_RESOURCE_INSTANCE", resource, "OCF_RESKEY_CRM_meta_name", action,
                "OCF_RESKEY_note", "it's " + resource));
    }

    @Test
    void parksTheStopOfWhatStartedAndForgetsWhatStopped() throws Exception {
        ParkedStops stops = ParkedStops.in(root.resolve("stops"));
        ran(stops, "a", "start", 0);
        ran(stops, "b", "start", 1);
        ran(stops, "c", "start", 0);
        ran(stops, "c", "monitor", 7);
        ran(stops, "c", "stop", 0);
        try (var files = Files.list(root.resolve("stops"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.stop");
        }
        String script = Files.readString(root.resolve("stops/a.stop"));
        assertThat(script).contains("'OCF_RESKEY_CRM_meta_name=stop'",
                "'OCF_RESKEY_note=it'\\''s a'", "timeout -s KILL 5 '" + agent + "' 'stop'");
    }

    @Test
    void runsTheParkedStopsNewestFirstOnceThePipeCloses() throws Exception {
        ParkedStops stops = ParkedStops.in(root.resolve("stops"));
        ran(stops, "vip", "start", 0);
        Files.setLastModifiedTime(root.resolve("stops/vip.stop"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 10_000));
        ran(stops, "web", "start", 0);
        Keeper keeper = Keeper.start(stops, root.resolve("keeper.log"));
        try {
            assertThat(keeper.awaitEnd(200)).as("waits while the pipe is open").isFalse();
            assertThat(record).doesNotExist();
            keeper.pipeClosed();
            assertThat(keeper.awaitEnd(20_000)).isTrue();
            assertThat(Files.readAllLines(record)).containsExactly(
                    "stop web stop [it's web]", "stop vip stop [it's vip]");
            assertThat(root.resolve("stops/web.stop")).doesNotExist();
            assertThat(Files.readString(root.resolve("keeper.log"))).contains(
                    "bramble node ended: running web.stop");
        } finally {
            keeper.close();
        }
    }

    @Test
    void closingItRunsNothing() throws Exception {
        ParkedStops stops = ParkedStops.in(root.resolve("stops"));
        ran(stops, "vip", "start", 0);
        Keeper keeper = Keeper.start(stops, root.resolve("keeper.log"));
        keeper.close();
        assertThat(keeper.awaitEnd(20_000)).isTrue();
        assertThat(record).doesNotExist();
        assertThat(root.resolve("stops/vip.stop")).exists();
    }
}
