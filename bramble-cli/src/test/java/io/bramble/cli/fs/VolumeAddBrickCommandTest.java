package io.bramble.cli.fs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** {@code volume add-brick}: its words go to the node, which checks and answers them. */
class VolumeAddBrickCommandTest {
    @Test
    void theLineGoesToTheNodeAsTypedAndTheHelpOffersGrowthOnly() {
        ParseResult parsed = new CommandLine(new VolumeCommand()).parseArgs("add-brick", "gv0",
                "replica", "2", "gluster3:/data/gv0", "gluster4:/data/gv0", "force");
        VolumeCommand.AddBrick add = (VolumeCommand.AddBrick) parsed.subcommand().commandSpec()
                .userObject();
        assertThat(add.words()).containsExactly("volume", "add-brick", "gv0", "replica", "2",
                "gluster3:/data/gv0", "gluster4:/data/gv0", "force");
        String help = new CommandLine(new VolumeCommand()).getUsageMessage();
        assertThat(help).contains("add-brick").contains("rebalance")
                .doesNotContain("remove-brick");
        ParseResult rebalance = new CommandLine(new VolumeCommand()).parseArgs("rebalance",
                "gv0", "fix-layout", "start");
        assertThat(((VolumeCommand.Rebalance) rebalance.subcommand().commandSpec().userObject())
                .words()).containsExactly("volume", "rebalance", "gv0", "fix-layout", "start");
    }
}
