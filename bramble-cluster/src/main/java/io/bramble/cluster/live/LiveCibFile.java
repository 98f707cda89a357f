package io.bramble.cluster.live;

import io.bramble.cluster.cib.CibReader;
import io.bramble.cluster.cib.XmlTreeParser;
import io.bramble.cluster.pcs.CibElement;
import io.bramble.cluster.pcs.CibNodes;
import io.bramble.cluster.pcs.CibStamp;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.common.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The live CIB as a file, as pcs's {@code cluster cib [FILE]} and {@code cluster cib-push FILE
 * [--config]} move it: a Pacemaker user edits a copy offline ({@code pcs -f FILE …}) and pushes
 * it back, or brings a Pacemaker cluster's CIB over. A pushed CIB is read as the coordinator
 * reads it first (anything bramble does not run is refused, naming the element and line, and
 * nothing changes), and replaces the pool's only if it is newer (a higher admin epoch, or
 * epoch), as cibadmin's replace requires; with {@code --config} its configuration replaces the
 * current one's whatever its epoch, and the epoch moves on by one. Paths are absolute: the
 * command line resolved them.
 */
final class LiveCibFile {
    private final LiveCib cib;
    private final PoolHosts hosts;

    LiveCibFile(LiveCib cib, PoolHosts hosts) {
        this.cib = cib;
        this.hosts = hosts;
    }

    /** {@code pcs cluster cib [FILE]}: the CIB printed, or written to FILE. */
    PcsResult show(List<String> words) {
        if (words.size() > 1 || words.stream().anyMatch(w -> w.startsWith("-")
                || w.contains("="))) {
            throw new PcsException("'" + String.join(" ", words) + "' is not supported by"
                    + " bramble's cluster cib; usage: pcs cluster cib [FILE]");
        }
        String xml = CibNodes.withNodes(cib.read(), hosts.all()).toXml();
        if (words.isEmpty()) {
            return new PcsResult(Optional.empty(), xml.lines().toList(), List.of(), 0);
        }
        Path file = Path.of(words.getFirst());
        try {
            Files.writeString(file, xml);
        } catch (IOException e) {
            throw new PcsException("Unable to write to file '" + file + "': " + e.getMessage());
        }
        return new PcsResult(Optional.empty(), List.of(), List.of(), 0);
    }

    /** {@code pcs cluster cib-push FILE [--config]}. */
    PcsResult push(List<String> words, CibStamp stamp) {
        List<String> files = new ArrayList<>();
        boolean configOnly = false;
        for (String word : words) {
            if (word.equals("--config") || word.equals("scope=configuration")) {
                configOnly = true;
            } else if (word.startsWith("-") || word.contains("=")) {
                throw new PcsException("'" + word + "' is not supported by bramble's cluster"
                        + " cib-push; usage: pcs cluster cib-push FILE [--config]");
            } else {
                files.add(word);
            }
        }
        if (files.size() != 1) {
            throw new PcsException("usage: pcs cluster cib-push FILE [--config]");
        }
        CibElement pushed = read(Path.of(files.getFirst()));
        boolean replaceConfiguration = configOnly;
        String[] refusal = new String[1];
        cib.change(hosts.all(), current -> {
            if (replaceConfiguration) {
                return Optional.of(CibElement.withConfigurationOf(current, pushed));
            }
            if (!newer(pushed, current)) {
                refusal[0] = "Unable to push to the CIB because pushed configuration is older"
                        + " than existing one";
                return Optional.empty();
            }
            return Optional.of(pushed.copy());
        }, stamp);
        if (refusal[0] != null) {
            throw new PcsException(refusal[0]);
        }
        return new PcsResult(Optional.empty(), List.of("CIB updated"), List.of(), 0);
    }

    /** The file's CIB, refused with every problem when bramble could not run it. */
    private static CibElement read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > CibRecord.CIB_BYTES_MAX) {
                throw new PcsException("Unable to push " + file + ": larger than "
                        + CibRecord.CIB_BYTES_MAX + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PcsException("Unable to read " + file + ": " + e.getMessage());
        }
        try {
            CibReader.read(file.toString(), bytes);
            return CibElement.parse(bytes);
        } catch (ConfigException e) {
            throw new PcsException(e.diagnostics().stream().map(Object::toString).toList());
        } catch (XmlTreeParser.XmlSyntaxException e) {
            throw new PcsException(file + ":" + e.line() + ": " + e.getMessage());
        }
    }

    /** Whether {@code pushed} comes after {@code current}: admin epoch, then epoch. */
    static boolean newer(CibElement pushed, CibElement current) {
        int admin = Long.compare(number(pushed, "admin_epoch"), number(current, "admin_epoch"));
        return admin > 0 || admin == 0 && number(pushed, "epoch") > number(current, "epoch");
    }

    private static long number(CibElement cib, String attribute) {
        return cib.attribute(attribute).filter(v -> v.matches("[0-9]{1,18}"))
                .map(Long::parseLong).orElse(0L);
    }
}
