package io.bramble.cli.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** {@code volume add-brick}: its words go to the node, which checks and answers them. */
class VolumeAddBrickCommandTest {
    @Test
    void theLineGoesToTheNodeAsTypedAndTheHelpOffersGrowthAndShrinking() {
        ParseResult parsed = new CommandLine(new VolumeCommand()).parseArgs("add-brick", "gv0",
                "replica", "2", "gluster3:/data/gv0", "gluster4:/data/gv0", "force");
        VolumeCommand.AddBrick add = (VolumeCommand.AddBrick) parsed.subcommand().commandSpec()
                .userObject();
        assertThat(add.words()).containsExactly("volume", "add-brick", "gv0", "replica", "2",
                "gluster3:/data/gv0", "gluster4:/data/gv0", "force");
        String help = new CommandLine(new VolumeCommand()).getUsageMessage();
        assertThat(help).contains("add-brick").contains("rebalance").contains("remove-brick");
        ParseResult rebalance = new CommandLine(new VolumeCommand()).parseArgs("rebalance",
                "gv0", "fix-layout", "start");
        assertThat(((VolumeCommand.Rebalance) rebalance.subcommand().commandSpec().userObject())
                .words()).containsExactly("volume", "rebalance", "gv0", "fix-layout", "start");
    }

    /** commit and force ask Gluster's question first (not with --mode=script); the rest not. */
    @Test
    void removeBrickAsksBeforeTakingBricksOut() {
        for (String action : List.of("start", "status", "stop", "commit", "force")) {
            ParseResult parsed = new CommandLine(new VolumeCommand()).parseArgs("remove-brick",
                    "gv0", "gluster3:/data/gv0", action);
            VolumeCommand.RemoveBrick remove = (VolumeCommand.RemoveBrick) parsed.subcommand()
                    .commandSpec().userObject();
            assertThat(remove.words()).containsExactly("volume", "remove-brick", "gv0",
                    "gluster3:/data/gv0", action);
            assertThat(remove.question().isPresent()).as(action).isEqualTo(action.equals(
                    "commit") || action.equals("force"));
        }
    }
}
