package io.bramble.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's client, round by round on a local folder, with time moved by hand. */
class DateClientTest {
    @TempDir
    Path dir;

    @Test
    void countsRoundsAndTheLongestGapBetweenTwoThatWorked() throws Exception {
        ManualClock clock = new ManualClock();
        Path file = dir.resolve("test1");
        DateClient client = new DateClient(file, clock);

        client.round();
        clock.advanceMillis(200);
        client.round();
        assertThat(Files.readString(file)).matches("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d"
                + " \\S+ \\d{4}\n");
        Files.delete(file);
        Files.createDirectory(file); // a folder where the file was: writes fail
        clock.advanceMillis(200);
        client.round();
        clock.advanceMillis(700);
        client.round();
        DateClient.Second first = client.takeSecond();
        assertThat(first.ok()).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(2);
        assertThat(first.failure()).isNotEmpty();
        assertThat(first.lastRead()).contains(" Nov 1").endsWith(" 2023");
        assertThat(client.totals()).isEqualTo(new DateClient.Totals(2, 2, 900));

        Files.delete(file);
        clock.advanceMillis(100);
        client.round();
        assertThat(client.totals()).isEqualTo(new DateClient.Totals(3, 2, 1000));
        DateClient.Second second = client.takeSecond();
        assertThat(second.ok()).isEqualTo(1);
        assertThat(second.failed()).isZero();
        assertThat(second.lastRead()).isEqualTo(Files.readString(file).strip());
    }

    @Test
    void aFailedSecondSaysWhy() throws Exception {
        DateClient client = new DateClient(dir.resolve("missing/test1"), new ManualClock());
        client.round();
        DateClient.Second second = client.takeSecond();
        assertThat(second.failed()).isEqualTo(1);
        assertThat(second.failure()).isNotEmpty();
        assertThat(client.totals()).isEqualTo(new DateClient.Totals(0, 1, 0));
    }
}
