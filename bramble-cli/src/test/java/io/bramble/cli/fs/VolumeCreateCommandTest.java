package io.bramble.cli.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.create.CreateLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** {@code volume create}'s questions, asked by the client before it sends the line. */
class VolumeCreateCommandTest {
    private static VolumeCommand.Create create(String... args) {
        ParseResult parsed = new CommandLine(new VolumeCommand()).parseArgs(args);
        return (VolumeCommand.Create) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void aDisperseLineWithoutRedundancyAsksGlustersQuestion() {
        assertThat(create("create", "ec", "disperse", "4", "a:/b", "b:/b", "c:/b", "d:/b")
                .questions()).containsExactly("There isn't an optimal redundancy value for this"
                        + " configuration. Do you want to create the volume with redundancy 1 ?");
        assertThat(create("create", "ec", "disperse", "3", "redundancy", "1", "a:/b", "b:/b",
                "c:/b").questions()).isEmpty();
        assertThat(create("create", "gv0", "replica", "2", "a:/b", "b:/b").questions())
                .isEmpty();
        // A line in error asks nothing: the node answers it.
        assertThat(create("create", "ec", "disperse", "4", "a:/b").questions()).isEmpty();
    }

    @Test
    void aNoPrintsTheUsageAndFails() {
        StringWriter err = new StringWriter();
        assertThat(create("create", "ec", "disperse", "4", "a:/b", "b:/b", "c:/b", "d:/b")
                .declined(new PrintWriter(err))).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(CreateLine.USAGE + System.lineSeparator());
    }
}
