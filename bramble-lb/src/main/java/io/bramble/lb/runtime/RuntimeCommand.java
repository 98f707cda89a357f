package io.bramble.lb.runtime;

import io.bramble.lb.check.AdminState;
import io.bramble.lb.config.StatsSocketConfig.Level;
import java.util.List;
import java.util.Optional;

/**
 * One command of the runtime API, parsed from its words. A line may hold several commands
 * separated by {@code ;}, as with HAProxy.
 */
public sealed interface RuntimeCommand {
    /** The lowest socket level allowed to run it. */
    Level levelNeeded();

    record Help() implements RuntimeCommand {
        public Level levelNeeded() {
            return Level.USER;
        }
    }

    /** Switches the connection to interactive mode (a prompt, several lines). */
    record Prompt() implements RuntimeCommand {
        public Level levelNeeded() {
            return Level.USER;
        }
    }

    record Quit() implements RuntimeCommand {
        public Level levelNeeded() {
            return Level.USER;
        }
    }

    record ShowStat() implements RuntimeCommand {
        public Level levelNeeded() {
            return Level.USER;
        }
    }

    record ShowInfo() implements RuntimeCommand {
        public Level levelNeeded() {
            return Level.USER;
        }
    }

    /** {@code show servers state [BACKEND]}. */
    record ShowServersState(Optional<String> backend) implements RuntimeCommand {
        public Level levelNeeded() {
            return Level.USER;
        }
    }

    /** {@code get weight B/S}. */
    record GetWeight(String backend, String server) implements RuntimeCommand {
        public Level levelNeeded() {
            return Level.USER;
        }
    }

    /** {@code disable server}, {@code enable server}, {@code set server B/S state X}. */
    record SetState(String backend, String server, AdminState state) implements RuntimeCommand {
        public Level levelNeeded() {
            return Level.ADMIN;
        }
    }

    /** {@code set weight B/S N} or {@code N%} of the configured weight. */
    record SetWeight(String backend, String server, int value, boolean percent)
            implements
                RuntimeCommand {
        public Level levelNeeded() {
            return Level.ADMIN;
        }
    }

    /** bramble's own: read the configuration file again. */
    record Reload() implements RuntimeCommand {
        public Level levelNeeded() {
            return Level.ADMIN;
        }
    }

    /** Words that are no command, or a command used wrongly: the message says which. */
    record Invalid(String message) implements RuntimeCommand {
        public Level levelNeeded() {
            return Level.USER;
        }
    }

    /** Each command with its help line, in the order {@code help} lists them. */
    List<String[]> HELP = List.of(
            new String[]{"help", "list the commands"},
            new String[]{"prompt", "toggle interactive mode with a prompt"},
            new String[]{"quit", "disconnect"},
            new String[]{"show stat", "report counters of every proxy and server (CSV)"},
            new String[]{"show info", "report information about the running process"},
            new String[]{"show servers state [<bk>]", "dump the state of the servers"},
            new String[]{"get weight <bk>/<srv>", "report a server's current weight"},
            new String[]{"disable server <bk>/<srv>", "put a server in maintenance (MAINT)"},
            new String[]{"enable server <bk>/<srv>", "take a server out of maintenance"},
            new String[]{"set server <bk>/<srv> state <st>", "set ready, drain or maint"},
            new String[]{"set weight <bk>/<srv> <w>[%]", "change a server's weight"},
            new String[]{"reload", "read the configuration file again and apply it"});

    /** Parses one command's words (already split on blanks). */
    static RuntimeCommand parse(List<String> words) {
        String line = String.join(" ", words);
        if (words.isEmpty()) {
            return new Invalid("");
        }
        return switch (words.get(0)) {
            case "help" -> new Help();
            case "prompt" -> new Prompt();
            case "quit" -> new Quit();
            case "reload" -> new Reload();
            case "show" -> show(words);
            case "get" -> words.size() >= 2 && words.get(1).equals("weight")
                    ? serverCommand(words, 2, (b, s) -> new GetWeight(b, s))
                    : unknown(line);
            case "disable", "enable" -> toggle(words, line);
            case "set" -> set(words, line);
            default -> unknown(line);
        };
    }

    private static RuntimeCommand show(List<String> words) {
        String what = words.size() >= 2 ? words.get(1) : "";
        return switch (what) {
            case "stat" -> new ShowStat();
            case "info" -> new ShowInfo();
            case "servers" -> words.size() >= 3 && words.get(2).equals("state")
                    ? new ShowServersState(words.size() >= 4
                            ? Optional.of(words.get(3))
                            : Optional.empty())
                    : unknown(String.join(" ", words));
            default -> unknown(String.join(" ", words));
        };
    }

    private static RuntimeCommand toggle(List<String> words, String line) {
        if (words.size() < 2 || !words.get(1).equals("server")) {
            return unknown(line);
        }
        AdminState state = words.get(0).equals("disable") ? AdminState.MAINT : AdminState.READY;
        return serverCommand(words, 2, (b, s) -> new SetState(b, s, state));
    }

    private static RuntimeCommand set(List<String> words, String line) {
        if (words.size() >= 2 && words.get(1).equals("weight")) {
            return serverCommand(words, 2, (b, s) -> weight(b, s, words.size() > 3
                    ? words.get(3)
                    : null));
        }
        if (words.size() >= 2 && words.get(1).equals("server")) {
            return serverCommand(words, 2, (b, s) -> serverState(b, s, words));
        }
        return unknown(line);
    }

    private static RuntimeCommand serverState(String backend, String server,
            List<String> words) {
        if (words.size() < 4) {
            return new Invalid("'set server <srv>' only supports 'state' in bramble.");
        }
        if (words.get(3).equals("weight")) {
            return weight(backend, server, words.size() > 4 ? words.get(4) : null);
        }
        if (!words.get(3).equals("state")) {
            return new Invalid("'set server <srv> " + words.get(3) + "' is not supported by "
                    + "bramble; it supports 'state' and 'weight'.");
        }
        String value = words.size() > 4 ? words.get(4) : "";
        return switch (value) {
            case "ready" -> new SetState(backend, server, AdminState.READY);
            case "drain" -> new SetState(backend, server, AdminState.DRAIN);
            case "maint" -> new SetState(backend, server, AdminState.MAINT);
            default -> new Invalid(
                    "'set server <srv> state' expects 'ready', 'drain' and 'maint'.");
        };
    }

    private static RuntimeCommand weight(String backend, String server, String text) {
        if (text == null) {
            return new Invalid("Require <weight> or <weight%>.");
        }
        boolean percent = text.endsWith("%");
        String digits = percent ? text.substring(0, text.length() - 1) : text;
        int value;
        try {
            value = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return new Invalid("Require <weight> or <weight%>.");
        }
        if (!percent && (value < 0 || value > 256)) {
            return new Invalid("Absolute weight can only be between 0 and 256 inclusive.");
        }
        if (percent && (value < 0 || value > 100)) {
            return new Invalid("Relative weight must be positive and at most 100%.");
        }
        return new SetWeight(backend, server, value, percent);
    }

    /** Reads {@code BACKEND/SERVER} at {@code index}. */
    private static RuntimeCommand serverCommand(List<String> words, int index,
            java.util.function.BiFunction<String, String, RuntimeCommand> make) {
        String target = words.size() > index ? words.get(index) : "";
        int slash = target.indexOf('/');
        if (slash <= 0 || slash == target.length() - 1) {
            return new Invalid("Require 'backend/server'.");
        }
        return make.apply(target.substring(0, slash), target.substring(slash + 1));
    }

    private static RuntimeCommand unknown(String line) {
        return new Invalid("Unknown command: '" + line + "'. Run 'help' for the commands "
                + "bramble knows.");
    }
}
