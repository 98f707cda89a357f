package io.bramble.compute.plan;

import io.bramble.pool.member.Member;
import io.bramble.pool.member.Members;
import io.bramble.pool.member.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads {@code compute start [--master NODE] [--workers NODE,...|all] [--worker-cores N]
 * [--worker-memory SIZE] [--port PORT] [--webui-port PORT] [--worker-webui-port PORT]} into a
 * plan, naming members as {@code peer status} shows them (or by address). The master is the
 * member the line runs on by default; every member but witnesses runs a worker by default.
 */
public final class StartLine {
    /** A line that cannot become a plan; its message is the one-line error users see. */
    public static final class BadStart extends Exception {
        public BadStart(String message) {
            super(message);
        }
    }

    private StartLine() {
    }

    /**
     * The plan of {@code args} (the words after {@code compute start}) in pool {@code members},
     * run on member {@code self}.
     */
    public static ComputePlan parse(List<String> args, Members members, UUID self)
            throws BadStart {
        String master = null;
        String workers = "all";
        int cores = 0;
        long memoryMb = 0;
        SparkPorts ports = SparkPorts.DEFAULT;
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new BadStart("compute start: " + option + " needs a value");
            }
            String value = args.get(i + 1);
            switch (option) {
                case "--master" -> master = value;
                case "--workers" -> workers = value;
                case "--worker-cores" -> cores = (int) number(option, value, 1,
                        ComputePlan.CORES_MAX);
                case "--worker-memory" -> memoryMb = memoryMb(value);
                case "--port" -> ports = new SparkPorts(port(option, value), ports.masterUi(),
                        ports.workerUi());
                case "--webui-port" -> ports = new SparkPorts(ports.master(), port(option,
                        value), ports.workerUi());
                case "--worker-webui-port" -> ports = new SparkPorts(ports.master(),
                        ports.masterUi(), port(option, value));
                default -> throw new BadStart("compute start: unknown option " + option
                        + "; expected --master, --workers, --worker-cores, --worker-memory,"
                        + " --port, --webui-port or --worker-webui-port");
            }
        }
        if (ports.master() == ports.masterUi()) {
            throw new BadStart("compute start: --port and --webui-port must differ");
        }
        UUID masterId = master == null ? self : member(members, master).id();
        List<UUID> workerIds = new ArrayList<>();
        if (!workers.equalsIgnoreCase("all")) {
            for (String name : workers.split(",")) {
                UUID id = member(members, name.strip()).id();
                if (!workerIds.contains(id)) {
                    workerIds.add(id);
                }
            }
        }
        return new ComputePlan(masterId, workerIds, ports, cores, memoryMb);
    }

    private static Member member(Members members, String name) throws BadStart {
        Optional<Member> found = members.all().stream().filter(m -> m.knownAs(name))
                .findFirst();
        if (found.isEmpty()) {
            throw new BadStart("compute start: no member '" + name + "' in this pool;"
                    + " 'bramble pool list' shows the members");
        }
        if (found.get().role() == Role.WITNESS) {
            throw new BadStart("compute start: " + name + " is a witness, which runs no"
                    + " Spark; name another member");
        }
        return found.get();
    }

    private static int port(String option, String value) throws BadStart {
        return (int) number(option, value, 1, 65535);
    }

    private static long number(String option, String value, long min, long max)
            throws BadStart {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadStart("compute start: " + option + " '" + value + "': expected a number"
                + " from " + min + " to " + max);
    }

    /** Spark's memory sizes ({@link SparkSize}); a worker needs at least 1m. */
    static long memoryMb(String value) throws BadStart {
        if (value.strip().toLowerCase(Locale.ROOT).matches("[0-9]+kb?")) {
            throw new BadStart("compute start: --worker-memory '" + value + "': a worker"
                    + " needs at least 1m");
        }
        OptionalLong mb = SparkSize.mib(value);
        if (mb.isPresent() && mb.getAsLong() >= 1 && mb.getAsLong() <= ComputePlan.MEMORY_MB_MAX) {
            return mb.getAsLong();
        }
        throw new BadStart("compute start: --worker-memory '" + value + "': expected a size"
                + " such as 512m or 2g");
    }
}
