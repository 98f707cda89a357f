package io.bramble.cli.fs;

import io.bramble.cli.pool.NodeRequest;
import io.bramble.fs.volume.create.CreateLine;
import io.bramble.fs.volume.create.CreateRequest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code bramble volume VERB ...}, VERB one of create, start, stop, delete, list, info,
 * status, set, get, reset, heal, reset-brick, replace-brick, profile and top, in the gluster
 * grammar. The node reads the words and answers as Gluster 10 does; this side only asks
 * Gluster's questions before a stop or a delete.
 */
@Command(
        name = "volume",
        description = {"Create, start and inspect the pool's volumes, as 'gluster volume' does.",
                "Run on any member; the volume's definition is in the pool's store."},
        subcommands = {VolumeCommand.Create.class, VolumeCommand.Start.class,
                VolumeCommand.Stop.class, VolumeCommand.Delete.class,
                VolumeCommand.ListVolumes.class, VolumeCommand.Info.class,
                VolumeCommand.Status.class, VolumeCommand.Set.class, VolumeCommand.Get.class,
                VolumeCommand.Reset.class, VolumeCommand.Heal.class,
                VolumeCommand.ResetBrick.class, VolumeCommand.ReplaceBrick.class,
                VolumeCommand.AddBrick.class, VolumeCommand.RemoveBrick.class,
                VolumeCommand.Rebalance.class, VolumeCommand.Profile.class, VolumeCommand.Top.class,
                VolumeCommand.GetSpec.class},
        footer = {"",
                "Examples (seed 004's two-node replica, then its life):",
                "  bramble volume create gv0 replica 2 transport tcp \\",
                "      gluster1:/data/brick1/gv0 gluster2:/data/brick1/gv0",
                "  bramble volume start gv0",
                "  bramble volume info gv0",
                "  bramble volume status gv0 detail",
                "  bramble volume set gv0 network.ping-timeout 10",
                "  bramble volume heal gv0 info",
                "  bramble volume profile gv0 start",
                "  bramble volume top gv0 write-perf bs 1024 count 1024",
                "  bramble --mode=script volume stop gv0",
                "  bramble --mode=script volume delete gv0",
                "Called as 'gluster', the same lines start with 'gluster'. Options: docs/fs.md."})
public final class VolumeCommand implements Runnable {
    @Spec
    private CommandSpec spec;
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this help.")
    private boolean help;
    /** Gluster's other volume verbs and whatever follows them. */
    @Parameters(arity = "0..*", paramLabel = "WORD", hidden = true)
    private List<String> rest = new ArrayList<>();
    @Unmatched
    private List<String> unmatched = new ArrayList<>();

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), rest.isEmpty()
                ? "missing command: create, start, stop, delete, list, info, status, set, get,"
                        + " reset, heal, reset-brick, replace-brick, profile or top"
                : "'volume " + rest.getFirst() + "' is not supported by bramble yet; it runs"
                        + " volume create|start|stop|delete|list|info|status|set|get|reset|heal"
                        + "|reset-brick|replace-brick|profile|top");
    }

    /** The words {@code volume VERB ARGS...}. */
    private static List<String> line(String verb, List<String> args) {
        List<String> words = new ArrayList<>(List.of("volume", verb));
        words.addAll(args);
        return words;
    }

    @Command(
            name = "create",
            description = {"Make a volume of bricks (HOST:PATH, on members of the pool).",
                    "  volume create NAME [replica N [arbiter 1]] [transport tcp]",
                    "                HOST:PATH... [force]",
                    "  volume create NAME disperse N [redundancy M] HOST:PATH... [force]",
                    "  volume create NAME disperse-data D redundancy M HOST:PATH... [force]",
                    "Consecutive groups of N bricks are replica sets (or disperse sets of",
                    "N - M data bricks and M bricks of parity, any M of which may be lost),",
                    "each on different members; files are spread over the sets. Each",
                    "brick's folder is made on its member if missing. 'force' allows what",
                    "Gluster refuses without it: a brick on the root file system, a mount",
                    "point or a folder with files, and two bricks of a set on one member."},
            footer = {"", "Examples (seeds 004, 001, 000, 003):",
                    "  bramble volume create gv0 replica 2 transport tcp \\",
                    "      192.168.1.100:/data/b1/brick 192.168.1.101:/data/b2/brick",
                    "  bramble volume create gv0 replica 2 \\",
                    "      192.168.0.121:/srv/gv0 192.168.0.122:/srv/gv0",
                    "  bramble volume create vol0 replica 2 gluster1.local:/srv/vol0 \\",
                    "      gluster2.local:/srv/vol0 force      # bricks on the root file"
                            + " system",
                    "  bramble volume create data1 replica 3 arbiter 1 \\",
                    "      gluster{1,2,3}:/data/glusterfs/volumes/bricks/data1",
                    "  bramble volume create data1 disperse 3 redundancy 1 \\",
                    "      gluster{1,2,3}:/data/glusterfs/volumes/bricks/data1"})
    static final class Create extends NodeRequest {
        @Parameters(
                arity = "1..*",
                paramLabel = "WORD",
                description = "The line after"
                        + " 'volume create', as above.")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("create", args);
        }

        /** Gluster's questions about the disperse counts it chose; none for a line in error. */
        @Override
        protected List<String> questions() {
            return CreateLine.read(args) instanceof CreateRequest request
                    ? request.questions()
                    : List.of();
        }

        /** Gluster's answer to a "no": the usage, and a failure. */
        @Override
        protected int declined(PrintWriter err) {
            err.println(CreateLine.USAGE);
            err.flush();
            return 1;
        }
    }

    @Command(
            name = "start",
            description = {"Start serving a volume: each member serves its"
                    + " bricks.", "  volume start NAME [force]   (force: restart offline bricks)"})
    static final class Start extends NodeRequest {
        @Parameters(arity = "1..2", paramLabel = "NAME [force]")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("start", args);
        }
    }

    @Command(
            name = "stop",
            description = {"Stop serving a volume (asks first, as Gluster"
                    + " does).", "  volume stop NAME [force]"},
            footer = {"",
                    "  bramble --mode=script volume stop gv0    # no question"})
    static final class Stop extends NodeRequest {
        @Parameters(arity = "1..2", paramLabel = "NAME [force]")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("stop", args);
        }

        @Override
        protected Optional<String> question() {
            return Optional.of("Stopping volume will make its data inaccessible. Do you want to"
                    + " continue?");
        }
    }

    @Command(
            name = "delete",
            description = {"Forget a stopped volume (asks first). The"
                    + " bricks' files stay;", "the command prints how to remove them.",
                    "  volume delete NAME"})
    static final class Delete extends NodeRequest {
        @Parameters(arity = "1", paramLabel = "NAME")
        private String name;

        @Override
        protected List<String> words() {
            return List.of("volume", "delete", name);
        }

        @Override
        protected Optional<String> question() {
            return Optional.of("Deleting volume will erase all information about the volume."
                    + " Do you want to continue?");
        }
    }

    @Command(name = "list", description = {"The volumes' names."})
    static final class ListVolumes extends NodeRequest {
        @Override
        protected List<String> words() {
            return List.of("volume", "list");
        }
    }

    @Command(
            name = "info",
            description = {"A volume's definition in Gluster's layout.",
                    "  volume info [all|NAME]"})
    static final class Info extends NodeRequest {
        @Parameters(arity = "0..1", paramLabel = "NAME")
        private List<String> args = new ArrayList<>();

        @Override
        protected List<String> words() {
            return line("info", args);
        }
    }

    @Command(
            name = "status",
            description = {"Each brick of a started volume: port, online,"
                    + " pid;", "with 'detail', the disk under it too.",
                    "  volume status [all|NAME] [detail]"})
    static final class Status extends NodeRequest {
        @Parameters(arity = "0..2", paramLabel = "NAME [detail]")
        private List<String> args = new ArrayList<>();

        @Override
        protected List<String> words() {
            return line("status", args);
        }
    }

    @Command(
            name = "set",
            description = {"Set volume options (docs/fs.md lists them).",
                    "  volume set NAME OPTION VALUE [OPTION VALUE]..."},
            footer = {"",
                    "  bramble volume set gv0 cluster.quorum-type auto"})
    static final class Set extends NodeRequest {
        @Parameters(arity = "3..*", paramLabel = "NAME OPTION VALUE")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("set", args);
        }
    }

    @Command(
            name = "get",
            description = {"Show volume options and their values.",
                    "  volume get NAME OPTION|all"})
    static final class Get extends NodeRequest {
        @Parameters(arity = "2", paramLabel = "NAME OPTION|all")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("get", args);
        }
    }

    @Command(
            name = "reset",
            description = {"Put volume options back to their defaults.",
                    "  volume reset NAME [OPTION|all] [force]"})
    static final class Reset extends NodeRequest {
        @Parameters(arity = "1..3", paramLabel = "NAME [OPTION|all] [force]")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("reset", args);
        }
    }

    @Command(
            name = "heal",
            description = {"Self-heal. Every node heals, each second, the files its bricks'",
                    "indexes list; these start a pass now on every node of the volume",
                    "(full: every file, not only those listed), or show what is left.",
                    "  volume heal NAME [full]",
                    "  volume heal NAME info [summary|split-brain]",
                    "  volume heal NAME statistics heal-count",
                    "A file in split-brain (every copy blamed by another) is healed only",
                    "from the copy a rule names: the volume's",
                    "cluster.favorite-child-policy, or one of these, FILE a path from the",
                    "volume's root (/dir/file); without FILE, every file in split-brain",
                    "of that brick's replica set:",
                    "  volume heal NAME split-brain bigger-file FILE",
                    "  volume heal NAME split-brain latest-mtime FILE",
                    "  volume heal NAME split-brain source-brick HOST:PATH [FILE]"})
    static final class Heal extends NodeRequest {
        @Parameters(
                arity = "1..5",
                paramLabel = "NAME [full|info [summary|split-brain]|statistics heal-count"
                        + "|split-brain ...]")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("heal", args);
        }
    }

    @Command(
            name = "reset-brick",
            description = {"Make a replicated brick whose folder was lost (a disk replaced, the",
                    "folder made anew) a brick again, filled from the other copies of its",
                    "replica set. A node never serves such a folder by itself.",
                    "  volume reset-brick NAME HOST:PATH start",
                    "  volume reset-brick NAME HOST:PATH HOST:PATH commit [force]",
                    "start only checks that the brick is no longer served; commit marks the",
                    "other copies to heal it, makes the folder a brick and serves it."})
    static final class ResetBrick extends NodeRequest {
        @Parameters(
                arity = "3..5",
                paramLabel = "NAME HOST:PATH [HOST:PATH] start|commit"
                        + " [force]")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("reset-brick", args);
        }
    }

    @Command(
            name = "replace-brick",
            description = {"Move a replicated brick to another folder or node: the new brick",
                    "takes its place in the replica set and is filled from the set's other",
                    "copies, which clients read meanwhile.",
                    "  volume replace-brick NAME SOURCE-BRICK NEW-BRICK commit force"})
    static final class ReplaceBrick extends NodeRequest {
        @Parameters(arity = "1..6", paramLabel = "NAME SOURCE-BRICK NEW-BRICK commit force")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("replace-brick", args);
        }
    }

    /**
     * The verbs of a volume's growth and shrinking: their words go to the node as typed, which
     * reads them as Gluster does.
     */
    abstract static class Growth extends NodeRequest {
        @Parameters(arity = "0..*", paramLabel = "WORD")
        private List<String> args = new ArrayList<>();

        @Override
        protected List<String> words() {
            return line(spec.name(), args);
        }
    }

    @Command(
            name = "add-brick",
            description = {"Grow a volume by whole replica, disperse or stripe sets (or single",
                    "bricks of a distribute volume); running mounts take them on.",
                    "  volume add-brick NAME [replica N] HOST:PATH... [force]"})
    static final class AddBrick extends Growth {
    }

    @Command(
            name = "remove-brick",
            description = {"Shrink a distribute volume: start moves every file off the bricks",
                    "to the others, which then take all new files; commit, once status",
                    "shows completed, takes the bricks out of the volume. force takes",
                    "bricks (whole replica, disperse or stripe sets too) out at once: their",
                    "files stay on them, no longer reachable through the volume.",
                    "  volume remove-brick NAME BRICK... start|status|stop|commit",
                    "  volume remove-brick NAME BRICK... force"})
    static final class RemoveBrick extends Growth {
        @Override
        protected Optional<String> question() {
            List<String> words = words();
            String last = words.getLast();
            return last.equals("commit") || last.equals("force")
                    ? Optional.of("Removing brick(s) can result in data loss. Do you want to"
                            + " Continue?")
                    : Optional.empty();
        }
    }

    @Command(
            name = "rebalance",
            description = {"Spread a grown volume's folders over every brick, so that new",
                    "files use the new bricks; start also moves existing files to the",
                    "bricks their names hash to now.",
                    "  volume rebalance NAME fix-layout start",
                    "  volume rebalance NAME start [force]",
                    "  volume rebalance NAME stop|status"})
    static final class Rebalance extends Growth {
    }

    @Command(
            name = "profile",
            description = {"Count each brick's file operations (calls, latency, block sizes),",
                    "as Gluster's profile does; info shows them since start and since the",
                    "last info.",
                    "  volume profile NAME start|stop",
                    "  volume profile NAME info [peek|incremental [peek]|cumulative|clear]"})
    static final class Profile extends NodeRequest {
        @Parameters(arity = "2..4", paramLabel = "NAME start|info [...]|stop")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("profile", args);
        }
    }

    @Command(
            name = "top",
            description = {"Each brick's files most opened, read, written or listed, or its",
                    "disk's throughput measured with COUNT blocks of SIZE bytes.",
                    "  volume top NAME open|read|write|opendir|readdir [brick HOST:PATH]",
                    "             [list-cnt N]",
                    "  volume top NAME read-perf|write-perf bs SIZE count N",
                    "             [brick HOST:PATH]",
                    "  volume top NAME clear [brick HOST:PATH]"})
    static final class Top extends NodeRequest {
        @Parameters(arity = "2..10", paramLabel = "NAME VIEW [OPTION VALUE]...")
        private List<String> args;

        @Override
        protected List<String> words() {
            return line("top", args);
        }
    }

    /** For the mount client: the volume and its bricks' endpoints, as text. */
    @Command(
            name = "getspec",
            hidden = true,
            description = {"The volume's definition and"
                    + " bricks' endpoints, for a mount client."})
    static final class GetSpec extends NodeRequest {
        @Parameters(arity = "1", paramLabel = "NAME")
        private String name;

        @Override
        protected List<String> words() {
            return List.of("volume", "getspec", name);
        }
    }
}
