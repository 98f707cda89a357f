package io.bramble.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Finds a word that stands where a command is expected and names none. picocli lets a
 * {@code --help} or {@code -h} anywhere on the line win over such a word, printing the help
 * of the command above it and exiting 0; bramble makes it a usage error instead, whatever
 * comes before or after it ({@code bramble --debug cluster simulate --help}).
 */
final class UnknownCommand {
    private static final List<String> HELP_WORDS = List.of("-h", "--help", "-V", "--version");

    /** The unknown word and the command it was given to. */
    record Found(String parentPath, String word) {
        /** The one line printed for it. */
        String message() {
            return "bramble: unknown command '" + word + "'" + (parentPath.isEmpty()
                    ? " (see 'bramble help' for the commands)"
                    : " for 'bramble " + parentPath + "' (see 'bramble help " + parentPath
                            + "')");
        }
    }

    private UnknownCommand() {
    }

    /**
     * The unknown command of {@code args} for the tree under {@code root}, if one must be
     * refused here: always at the top, and below it only when a help option would otherwise
     * hide it (a command such as {@code volume} gives its own message for a verb it lacks).
     */
    static Optional<Found> in(CommandLine root, String[] args) {
        CommandLine current = root;
        String path = "";
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            if (word.equals("--")) {
                return Optional.empty();
            }
            if (word.startsWith("-")) {
                OptionSpec option = current.getCommandSpec().findOption(optionName(word));
                if (option == null) {
                    return Optional.empty(); // picocli reports it
                }
                if (!word.contains("=") && option.arity().max() > 0) {
                    i++;
                }
                continue;
            }
            if (current.getSubcommands().isEmpty()) {
                return Optional.empty(); // the words of a command that runs
            }
            CommandLine next = current.getSubcommands().get(word);
            if (next == null) {
                boolean refuse = path.isEmpty() || helpAfter(args, i);
                return refuse ? Optional.of(new Found(path, word)) : Optional.empty();
            }
            current = next;
            path = path.isEmpty() ? word : path + " " + word;
        }
        return Optional.empty();
    }

    private static String optionName(String word) {
        int equals = word.indexOf('=');
        return equals < 0 ? word : word.substring(0, equals);
    }

    private static boolean helpAfter(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (HELP_WORDS.contains(args[i])) {
                return true;
            }
        }
        return false;
    }
}
