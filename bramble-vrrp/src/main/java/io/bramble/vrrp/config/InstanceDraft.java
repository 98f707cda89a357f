package io.bramble.vrrp.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import io.bramble.vrrp.core.VrrpVersion;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;

/** A {@code vrrp_instance} while it is read; {@link ConfigChecks} applies the defaults. */
final class InstanceDraft {
    final String name;
    final Location where;
    final Diagnostics diagnostics;
    InitialState state = InitialState.BACKUP;
    Location stateWhere;
    /** Set as soon as the keyword is seen, so a bad value is not also reported missing. */
    boolean interfaceSeen;
    String interfaceName;
    boolean virtualRouterIdSeen;
    int virtualRouterId;
    int priority = InstanceConfig.PRIORITY_DEFAULT;
    VrrpVersion version;
    Long advertIntervalMs;
    Location advertWhere;
    boolean nopreempt;
    Location nopreemptWhere;
    long preemptDelayMs;
    Location preemptDelayWhere;
    String authType = "";
    String password = "";
    Location authWhere;
    final List<VirtualAddress> addresses = new ArrayList<>();
    final List<String> addressDevices = new ArrayList<>();
    Inet4Address sourceAddress;
    final List<Inet4Address> unicastPeers = new ArrayList<>();
    final List<TrackedScript> scripts = new ArrayList<>();
    final List<Boolean> scriptWeighted = new ArrayList<>();
    final List<Location> scriptWheres = new ArrayList<>();
    final List<TrackedInterface> interfaces = new ArrayList<>();
    boolean trackOwnInterface = true;
    Command notifyMaster = Command.NONE;
    Command notifyBackup = Command.NONE;
    Command notifyFault = Command.NONE;
    Command notifyStop = Command.NONE;
    Command notifyAny = Command.NONE;
    Long garpMasterDelayMs;
    Integer garpMasterRepeat;

    InstanceDraft(String name, Location where, Diagnostics diagnostics) {
        this.name = name;
        this.where = where;
        this.diagnostics = diagnostics;
    }

    NotifyScripts notifyScripts() {
        return new NotifyScripts(notifyMaster, notifyBackup, notifyFault, notifyStop,
                notifyAny);
    }
}
