package io.bramble.cli.cluster;

import io.bramble.cluster.cib.XmlTreeParser;
import io.bramble.cluster.pcs.CibElement;
import io.bramble.cluster.pcs.Pcs;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsOptions;
import io.bramble.cluster.live.InstalledAgents;
import io.bramble.cluster.pcs.PcsResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The shell around {@link Pcs} for {@code bramble resource|constraint|property|stonith …}:
 * takes pcs's words with {@code -f FILE} anywhere among them, reads the CIB from FILE, runs
 * the command, prints pcs's lines and writes the changed CIB back, as {@code pcs -f} does.
 * Without {@code -f} the local node runs the words on the pool's CIB, as pcs runs them on the
 * live cluster.
 */
abstract class PcsGrammarCommand implements Callable<Integer> {
    /** CIB files are small; this is far above any bramble takes. */
    static final long CIB_BYTES_MAX = SimulateCommand.CIB_BYTES_MAX;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = {"Without -f: the state directory of the local node, which",
                    "runs the command on the pool's CIB; $BRAMBLE_STATE_DIR or",
                    "/var/lib/bramble by default."})
    private Path stateDir;

    /** Takes pcs's words, which picocli does not know; they are read as typed. */
    @Unmatched
    private List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> all = new ArrayList<>(commandWords(spec.name()));
        all.addAll(withPaths(wordsAsTyped()));
        PcsResult result;
        try {
            if (Pcs.asksAboutAgents(all)) {
                try (InstalledAgents agents = new InstalledAgents()) {
                    result = Pcs.run(PcsOptions.parse(all), CibElement.empty(), agents);
                }
                return print(result, out, err);
            }
            if (!PcsOptions.namesFile(all)) {
                return LiveCluster.send(stateDir, LiveCluster.line(all), out, err);
            }
            PcsOptions options = PcsOptions.parse(all);
            Path file = Path.of(options.file().get());
            boolean fresh = !Files.exists(file);
            CibElement start = fresh ? CibElement.empty() : read(file);
            try (InstalledAgents agents = new InstalledAgents()) {
                result = Pcs.run(options, start, agents);
            }
            if (result.cib().isPresent() || fresh) {
                write(file, result.cib().orElse(start));
            }
        } catch (PcsException e) {
            result = new PcsResult(java.util.Optional.empty(), List.of(),
                    e.errors().stream().map(m -> "Error: " + m).toList(), 1);
        }
        return print(result, out, err);
    }

    private static int print(PcsResult result, PrintWriter out, PrintWriter err) {
        result.out().forEach(out::println);
        result.err().forEach(err::println);
        out.flush();
        err.flush();
        return result.exitCode();
    }

    /**
     * The words after this command's name as the user typed them: picocli drops a
     * {@code --}, which pcs reads (a negative score after it is no deprecated form). bramble's
     * own {@code --debug} is left out, picocli has taken it.
     */
    private List<String> wordsAsTyped() {
        List<String> typed = spec.commandLine().getParseResult().originalArgs();
        List<String> path = List.of(spec.qualifiedName(" ").split(" "));
        int at = 0;
        int matched = 1;
        while (at < typed.size() && matched < path.size()) {
            if (typed.get(at++).equals(path.get(matched))) {
                matched++;
            }
        }
        List<String> words = new ArrayList<>();
        for (int i = at; i < typed.size(); i++) {
            String word = typed.get(i);
            if (word.equals("--state-dir")) {
                i++;
            } else if (!word.equals("--debug") && !word.startsWith("--state-dir=")) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * The words with the files they name made absolute, for a command whose files the node
     * reads or writes; as typed by default.
     */
    List<String> withPaths(List<String> words) {
        return words;
    }

    /** The pcs words this command stands for: its own name by default. */
    List<String> commandWords(String name) {
        return List.of(name);
    }

    static CibElement read(Path file) {
        try {
            if (Files.size(file) > CIB_BYTES_MAX) {
                throw new PcsException("Unable to parse cluster configuration file " + file
                        + ": larger than " + CIB_BYTES_MAX + " bytes");
            }
            return CibElement.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new PcsException("Unable to read " + file + ": " + e.getMessage());
        } catch (XmlTreeParser.XmlSyntaxException e) {
            throw new PcsException("unable to process cib: " + file + " line " + e.line()
                    + ": " + e.getMessage());
        }
    }

    /**
     * Replaces the file in one step, so that a reader never sees half a CIB. A file that does
     * not exist yet is made, as pcs makes it.
     */
    static void write(Path file, CibElement cib) {
        Path temporary = file.resolveSibling(file.getFileName() + ".bramble-tmp");
        try {
            Files.writeString(temporary, cib.toXml(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PcsException("Unable to write to file: '" + file + "': " + e);
        }
    }
}
