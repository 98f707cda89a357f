package io.bramble.lb.runtime;

import io.bramble.lb.check.CheckResult;
import io.bramble.lb.check.CheckStatus;
import io.bramble.lb.config.StatsSocketConfig.Level;
import io.bramble.lb.proxy.ProcessInfo;
import io.bramble.lb.proxy.ServerHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Answers runtime API commands the way HAProxy's CLI does: each answer ends with an empty
 * line; errors are one sentence. Thread-safe: every call reads the target afresh.
 */
public final class RuntimeApi {
    /** The {@code show servers state} format this writes (HAProxy's version 1). */
    static final String SERVERS_STATE_VERSION = "1";
    static final String SERVERS_STATE_HEADER = "# be_id be_name srv_id srv_name srv_addr "
            + "srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change "
            + "srv_check_status srv_check_result srv_check_health srv_check_state "
            + "srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord "
            + "srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port";

    private final RuntimeTarget target;
    private final String version;
    private final long pid;
    private final java.util.function.LongSupplier uptimeMs;

    /**
     * @param target the generation commands act on
     * @param version bramble's version for {@code show info}
     * @param pid this process
     * @param uptimeMs time since the process started
     */
    public RuntimeApi(RuntimeTarget target, String version, long pid,
            java.util.function.LongSupplier uptimeMs) {
        this.target = target;
        this.version = version;
        this.pid = pid;
        this.uptimeMs = uptimeMs;
    }

    /** The answer to one command run at {@code level}, ending with an empty line. */
    public String answer(RuntimeCommand command, Level level) {
        if (command.levelNeeded().compareTo(level) > 0) {
            return "Permission denied\n\n";
        }
        String body = switch (command) {
            case RuntimeCommand.Help help -> help();
            case RuntimeCommand.Prompt prompt -> "";
            case RuntimeCommand.Quit quit -> "";
            case RuntimeCommand.ShowStat stat -> target.statsCsv();
            case RuntimeCommand.ShowInfo info -> info();
            case RuntimeCommand.ShowServersState state -> serversState(state.backend());
            case RuntimeCommand.GetWeight get -> withServer(get.backend(), get.server(),
                    s -> s.state().weight() + " (initial " + s.state().initialWeight() + ")\n");
            case RuntimeCommand.SetState set -> withServer(set.backend(), set.server(), s -> {
                s.setAdmin(set.state(), "the runtime API");
                return "";
            });
            case RuntimeCommand.SetWeight set -> withServer(set.backend(), set.server(),
                    s -> setWeight(s, set));
            case RuntimeCommand.Reload reload -> reload();
            case RuntimeCommand.Invalid invalid -> invalid.message().isEmpty()
                    ? ""
                    : invalid.message() + "\n";
        };
        return body + "\n";
    }

    private String help() {
        StringBuilder out = new StringBuilder("The following commands are valid:\n");
        for (String[] line : RuntimeCommand.HELP) {
            out.append(String.format("  %-36s: %s%n", line[0], line[1]));
        }
        return out.toString();
    }

    private String info() {
        ProcessInfo info = target.info();
        long uptimeS = uptimeMs.getAsLong() / 1000;
        return "Name: bramble\n" + "Version: " + version + "\n" + "Pid: " + pid + "\n"
                + "Uptime: " + uptimeText(uptimeS) + "\n" + "Uptime_sec: " + uptimeS + "\n"
                + "Nbthread: " + info.threads() + "\n" + "Maxconn: " + info.maxconn() + "\n"
                + "CurrConns: " + info.currentConnections() + "\n" + "CumConns: "
                + info.totalConnections() + "\n" + "CumReq: " + info.totalRequests() + "\n"
                + "Transport: " + info.poller().label() + "\n";
    }

    /** HAProxy's {@code 0d 0h00m02s}. */
    static String uptimeText(long seconds) {
        return String.format("%dd %dh%02dm%02ds", seconds / 86_400, seconds / 3600 % 24,
                seconds / 60 % 60, seconds % 60);
    }

    private String serversState(Optional<String> backend) {
        if (backend.isPresent() && !target.hasBackend(backend.get())) {
            return "Can't find backend.\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(SERVERS_STATE_VERSION).append('\n').append(SERVERS_STATE_HEADER)
                .append('\n');
        for (ServerHandle server : target.servers()) {
            if (backend.isEmpty() || backend.get().equals(server.backend())) {
                out.append(stateLine(server.state())).append('\n');
            }
        }
        return out.toString();
    }

    static String stateLine(ServerHandle.State s) {
        int adminFlags = switch (s.admin()) {
            case READY -> 0;
            case DRAIN -> 0x08;
            case MAINT -> 0x01;
        };
        Optional<CheckResult> check = s.lastCheck();
        List<String> fields = new ArrayList<>(Arrays.asList(
                Integer.toString(s.backendId()), s.backend(), Integer.toString(s.serverId()),
                s.name(), s.address().getAddress().getHostAddress(), s.up() ? "2" : "0",
                Integer.toString(adminFlags), Integer.toString(s.weight()),
                Integer.toString(s.initialWeight()), Long.toString(s.sinceLastChangeS()),
                Integer.toString(check.map(c -> checkStatusCode(c.status())).orElse(1)),
                Integer.toString(check.map(c -> c.success() ? 3 : 2).orElse(0)),
                Integer.toString(s.checked() ? s.healthCounter() : 0), s.checked() ? "6" : "0",
                "0", "0", "0", "-", Integer.toString(s.address().getPort()), "-",
                s.tls() ? "1" : "0", "0", "-", "-", "0"));
        return String.join(" ", fields);
    }

    /** HAProxy's numbering of check statuses in the state file. */
    private static int checkStatusCode(CheckStatus status) {
        return switch (status) {
            case SOCKERR -> 5;
            case L4OK -> 6;
            case L4TOUT -> 7;
            case L4CON, LIVE -> 8;
            case L6OK -> 9;
            case L6TOUT -> 10;
            case L6RSP -> 11;
            case L7TOUT -> 12;
            case L7RSP -> 13;
            case L7OK -> 15;
            case L7STS -> 17;
        };
    }

    private String setWeight(ServerHandle server, RuntimeCommand.SetWeight set) {
        int weight = set.value();
        if (set.percent()) {
            weight = (int) Math.min(256, (long) server.state().initialWeight() * set.value()
                    / 100);
        }
        server.setWeight(weight);
        return "";
    }

    private String reload() {
        RuntimeTarget.ReloadOutcome outcome = target.reload();
        String message = outcome.message().endsWith("\n")
                ? outcome.message()
                : outcome.message() + "\n";
        return (outcome.applied() ? "Success=1\n" : "Success=0\n") + message;
    }

    private String withServer(String backend, String name,
            java.util.function.Function<ServerHandle, String> action) {
        if (!target.hasBackend(backend)) {
            return "No such backend.\n";
        }
        for (ServerHandle server : target.servers()) {
            if (server.backend().equals(backend) && server.name().equals(name)) {
                return action.apply(server);
            }
        }
        return "No such server.\n";
    }
}
