package io.bramble.cli.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** {@code volume heal}'s words, as the client sends them to the node. */
class VolumeHealCommandTest {
    private static List<String> sent(String... args) {
        ParseResult parsed = new CommandLine(new VolumeCommand()).parseArgs(args);
        VolumeCommand.Heal heal = (VolumeCommand.Heal) parsed.subcommand().commandSpec()
                .userObject();
        return heal.words();
    }

    @Test
    void theSplitBrainLinesGoToTheNodeAsTyped() {
        assertThat(sent("heal", "gv0", "split-brain", "source-brick", "gluster1:/data/gv0",
                "/dir/file1")).containsExactly("volume", "heal", "gv0", "split-brain",
                        "source-brick", "gluster1:/data/gv0", "/dir/file1");
        assertThat(sent("heal", "gv0", "split-brain", "bigger-file", "/f")).containsExactly(
                "volume", "heal", "gv0", "split-brain", "bigger-file", "/f");
        assertThat(sent("heal", "gv0", "info", "split-brain")).containsExactly("volume",
                "heal", "gv0", "info", "split-brain");
    }

    @Test
    void theHelpShowsTheSplitBrainLines() {
        String help = new CommandLine(new VolumeCommand()).getSubcommands().get("heal")
                .getUsageMessage();
        assertThat(help).contains("volume heal NAME info [summary|split-brain]",
                "volume heal NAME split-brain source-brick HOST:PATH [FILE]",
                "cluster.favorite-child-policy");
    }
}
