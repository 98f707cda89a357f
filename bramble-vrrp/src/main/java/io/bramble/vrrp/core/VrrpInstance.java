package io.bramble.vrrp.core;

import io.bramble.vrrp.core.VrrpAction.AddVips;
import io.bramble.vrrp.core.VrrpAction.AdvertIgnored;
import io.bramble.vrrp.core.VrrpAction.RemoveVips;
import io.bramble.vrrp.core.VrrpAction.SendAdvert;
import io.bramble.vrrp.core.VrrpAction.SendGratuitousArps;
import io.bramble.vrrp.core.VrrpAction.StateChanged;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One VRRP instance: the RFC 5798 section 6.4 state machine with keepalived's FAULT state,
 * tracked objects, preemption delay and gratuitous-ARP refresh. Each state is a {@link Role}
 * swapped in on transition, so no method switches on the state. Callers pass the time; the
 * instance keeps its deadlines and the caller asks for the next one.
 *
 * <p>
 * Not thread-safe: one caller drives it (the node's event loop or a simulation).
 */
final class VrrpInstance {
    static final long NONE = Long.MAX_VALUE;
    /** A master answering a lower-priority master refreshes ARP caches at most this often. */
    static final long LOWER_PRIORITY_GARP_GAP_NANOS = 1_000_000_000L;
    /**
     * Linux ignores ARP updates of an address for a second after the last one (the neighbour
     * table's locktime), so the burst sent on taking over is lost on clients that heard the
     * previous master's less than a second before (a takeover soon after another). A second
     * burst this long after the first always lands.
     */
    static final long GARP_LOCKTIME_FOLLOW_UP_NANOS = 1_100_000_000L;

    private final InstanceSettings settings;
    private final Map<String, Boolean> trackedUp = new LinkedHashMap<>();
    private Role role = new Initialize();
    private boolean syncMember;
    private boolean groupFault;
    private int masterAdvertIntervalMs;
    private long masterDownAt = NONE;
    private long advertAt = NONE;
    private long garpAt = NONE;
    private long garpFollowUpAt = NONE;
    private long preemptAllowedAt;
    private boolean ignoringLowerMaster;
    private boolean readyForMaster;
    private long advertSentAt;
    private boolean lowerPriorityGarpSent;
    private long lowerPriorityGarpAt;

    VrrpInstance(InstanceSettings settings) {
        this.settings = settings;
        this.masterAdvertIntervalMs = settings.advertIntervalMs();
        for (TrackedObject object : settings.tracked()) {
            trackedUp.put(object.name(), true);
        }
    }

    String name() {
        return settings.name();
    }

    InstanceSettings settings() {
        return settings;
    }

    VrrpState state() {
        return role.state();
    }

    /** Configured priority moved by the tracked objects, kept within 1..254 (255 stays). */
    int effectivePriority() {
        if (settings.priority() == InstanceSettings.PRIORITY_OWNER) {
            return InstanceSettings.PRIORITY_OWNER;
        }
        int priority = settings.priority();
        for (TrackedObject object : settings.tracked()) {
            priority += object.priorityDelta(trackedUp.get(object.name()));
        }
        return Math.clamp(priority, 1, InstanceSettings.PRIORITY_EFFECTIVE_MAX);
    }

    /** The first weight-0 object that is down, or null: this instance's own fault. */
    String ownFault() {
        for (TrackedObject object : settings.tracked()) {
            if (object.faultsWhenDown() && !trackedUp.get(object.name())) {
                return object.name() + " is down";
            }
        }
        return null;
    }

    boolean tracks(String name) {
        return trackedUp.containsKey(name);
    }

    long nextDeadline() {
        return Math.min(Math.min(masterDownAt, advertAt), Math.min(garpAt, garpFollowUpAt));
    }

    /** Members of a sync group become master together: see {@link SyncGroup}. */
    void joinSyncGroup() {
        syncMember = true;
    }

    boolean readyForMaster() {
        return role.state() == VrrpState.BACKUP && readyForMaster;
    }

    void start(long now, List<VrrpAction> out) {
        if (role.state() != VrrpState.INITIALIZE) {
            return;
        }
        // Addresses left by a crashed run must go before anything else happens.
        out.add(new RemoveVips(name()));
        masterAdvertIntervalMs = settings.advertIntervalMs();
        long preemptDelay = preempts() ? nanos(settings.preemptDelayMs()) : 0;
        preemptAllowedAt = now + preemptDelay;
        String fault = fault();
        if (fault != null) {
            enterFault(now, fault, out);
        } else if (settings.priority() == InstanceSettings.PRIORITY_OWNER) {
            enterMaster(now, "address owner (priority 255)", out);
        } else {
            enterBackup(now, "start", preemptDelay, out);
        }
    }

    void shutdown(long now, List<VrrpAction> out) {
        if (role.state() == VrrpState.INITIALIZE) {
            return;
        }
        leave(VrrpState.INITIALIZE, "shutdown", out);
        role = new Initialize();
    }

    void tick(long now, List<VrrpAction> out) {
        role.onTimer(now, out);
    }

    void receive(Advert advert, long now, List<VrrpAction> out) {
        if (role.state() == VrrpState.INITIALIZE) {
            return;
        }
        if (advert.version() != settings.version()) {
            out.add(new AdvertIgnored(name(), "version " + advert.version().number()
                    + " advert from " + advert.source().getHostAddress() + ", this instance speaks"
                    + " version " + settings.version().number()));
            return;
        }
        if (settings.version() == VrrpVersion.V2
                && advert.advertIntervalMs() != settings.advertIntervalMs()) {
            // RFC 3768 7.1: a version 2 router must discard adverts with another interval.
            out.add(new AdvertIgnored(name(), "advert interval " + advert.advertIntervalMs()
                    + " ms from " + advert.source().getHostAddress() + ", configured "
                    + settings.advertIntervalMs() + " ms"));
            return;
        }
        if (advert.source().equals(settings.primaryAddress())) {
            return; // our own advert looped back
        }
        role.onAdvert(advert, now, out);
    }

    void trackChanged(String name, boolean up, long now, List<VrrpAction> out) {
        if (trackedUp.replace(name, up) != null) {
            reconsiderFault(now, out);
        }
    }

    void setGroupFault(boolean fault, long now, List<VrrpAction> out) {
        if (groupFault != fault) {
            groupFault = fault;
            reconsiderFault(now, out);
        }
    }

    void forceMaster(long now, String reason, List<VrrpAction> out) {
        if (role.state() == VrrpState.BACKUP) {
            enterMaster(now, reason, out);
        }
    }

    void forceBackup(long now, String reason, List<VrrpAction> out) {
        if (role.state() == VrrpState.MASTER) {
            enterBackup(now, reason, 0, out);
        }
    }

    /** RFC 5798 6.1: the address owner preempts whatever Preempt_Mode says. */
    private boolean preempts() {
        return settings.preempt() || settings.priority() == InstanceSettings.PRIORITY_OWNER;
    }

    private String fault() {
        String own = ownFault();
        if (own != null) {
            return own;
        }
        return groupFault ? "another instance of its sync group is in FAULT" : null;
    }

    private void reconsiderFault(long now, List<VrrpAction> out) {
        VrrpState state = role.state();
        if (state == VrrpState.INITIALIZE) {
            return;
        }
        String fault = fault();
        if (fault != null && state != VrrpState.FAULT) {
            enterFault(now, fault, out);
        } else if (fault == null && state == VrrpState.FAULT) {
            enterBackup(now, "fault cleared", 0, out);
        }
    }

    private void enterMaster(long now, String reason, List<VrrpAction> out) {
        VrrpState from = role.state();
        role = new Master();
        clearTimers();
        masterAdvertIntervalMs = settings.advertIntervalMs();
        out.add(new StateChanged(name(), from, VrrpState.MASTER, reason));
        // Addresses and ARPs before the first advert: a lower master still answering gives
        // the addresses up as soon as that advert reaches it, and a client whose ARP cache
        // still named it would send its next connections nowhere until our ARPs arrive.
        out.add(new AddVips(name()));
        if (settings.garpRepeat() > 0) {
            out.add(new SendGratuitousArps(name(), settings.garpRepeat()));
        }
        out.add(new SendAdvert(name(), effectivePriority(), settings.advertIntervalMs()));
        advertSentAt = now;
        advertAt = now + nanos(settings.advertIntervalMs());
        if (settings.garpRepeat() > 0) {
            garpFollowUpAt = now + GARP_LOCKTIME_FOLLOW_UP_NANOS;
        }
        if (settings.garpRefreshDelayMs() > 0 && settings.garpRepeat() > 0) {
            garpAt = now + nanos(settings.garpRefreshDelayMs());
        }
    }

    private void enterBackup(long now, String reason, long extraDelay, List<VrrpAction> out) {
        leave(VrrpState.BACKUP, reason, out);
        role = new Backup();
        masterDownAt = now + masterDownInterval() + extraDelay;
    }

    private void enterFault(long now, String reason, List<VrrpAction> out) {
        leave(VrrpState.FAULT, reason, out);
        role = new Fault();
    }

    /** Leaves the current state; a master gives up its addresses and says priority 0. */
    private void leave(VrrpState to, String reason, List<VrrpAction> out) {
        VrrpState from = role.state();
        clearTimers();
        out.add(new StateChanged(name(), from, to, reason));
        if (from == VrrpState.MASTER) {
            if (to != VrrpState.BACKUP) {
                // Priority 0 lets a backup take over after skew time, not a whole down interval.
                out.add(new SendAdvert(name(), 0, settings.advertIntervalMs()));
            }
            out.add(new RemoveVips(name()));
        }
    }

    private void clearTimers() {
        masterDownAt = NONE;
        advertAt = NONE;
        garpAt = NONE;
        garpFollowUpAt = NONE;
        readyForMaster = false;
        ignoringLowerMaster = false;
    }

    private long masterDownInterval() {
        return VrrpTimers.masterDownNanos(settings.version(), effectivePriority(),
                masterAdvertIntervalMs);
    }

    private static long nanos(long ms) {
        return VrrpTimers.nanosOfMs(ms);
    }

    /** Orders addresses as unsigned numbers, as RFC 5798 compares primary addresses. */
    static int compareAddresses(InetAddress a, InetAddress b) {
        byte[] left = a.getAddress();
        byte[] right = b.getAddress();
        if (left.length != right.length) {
            return Integer.compare(left.length, right.length);
        }
        return Arrays.compareUnsigned(left, right);
    }

    /** The behaviour of one state. */
    private interface Role {
        VrrpState state();

        void onAdvert(Advert advert, long now, List<VrrpAction> out);

        void onTimer(long now, List<VrrpAction> out);
    }

    private final class Initialize implements Role {
        @Override
        public VrrpState state() {
            return VrrpState.INITIALIZE;
        }

        @Override
        public void onAdvert(Advert advert, long now, List<VrrpAction> out) {
        }

        @Override
        public void onTimer(long now, List<VrrpAction> out) {
        }
    }

    private final class Fault implements Role {
        @Override
        public VrrpState state() {
            return VrrpState.FAULT;
        }

        @Override
        public void onAdvert(Advert advert, long now, List<VrrpAction> out) {
        }

        @Override
        public void onTimer(long now, List<VrrpAction> out) {
        }
    }

    private final class Backup implements Role {
        @Override
        public VrrpState state() {
            return VrrpState.BACKUP;
        }

        @Override
        public void onAdvert(Advert advert, long now, List<VrrpAction> out) {
            if (advert.priority() == 0) {
                // RFC 5798 6.4.2: the master is leaving; take over after skew time only.
                masterDownAt = now + VrrpTimers.skewNanos(settings.version(),
                        effectivePriority(), masterAdvertIntervalMs);
                readyForMaster = false;
                return;
            }
            boolean lower = advert.priority() < effectivePriority();
            if (lower && preempts()) {
                if (!ignoringLowerMaster) {
                    ignoringLowerMaster = true;
                    preemptAllowedAt = Math.max(preemptAllowedAt,
                            now + nanos(settings.preemptDelayMs()));
                }
                if (now >= preemptAllowedAt) {
                    return; // let the down timer run out and take over
                }
            } else {
                ignoringLowerMaster = false;
            }
            if (settings.version() == VrrpVersion.V3) {
                masterAdvertIntervalMs = advert.advertIntervalMs();
            }
            masterDownAt = now + masterDownInterval();
            readyForMaster = false;
        }

        @Override
        public void onTimer(long now, List<VrrpAction> out) {
            if (masterDownAt > now) {
                return;
            }
            masterDownAt = NONE;
            if (syncMember) {
                readyForMaster = true; // the sync group decides when all members are ready
            } else {
                enterMaster(now, "master down timer expired", out);
            }
        }
    }

    private final class Master implements Role {
        @Override
        public VrrpState state() {
            return VrrpState.MASTER;
        }

        @Override
        public void onAdvert(Advert advert, long now, List<VrrpAction> out) {
            int mine = effectivePriority();
            boolean higher = advert.priority() > mine || advert.priority() == mine
                    && compareAddresses(advert.source(), settings.primaryAddress()) > 0;
            if (advert.priority() != 0 && higher) {
                if (settings.version() == VrrpVersion.V3) {
                    masterAdvertIntervalMs = advert.advertIntervalMs();
                }
                enterBackup(now, "higher priority advert from "
                        + advert.source().getHostAddress() + " (priority " + advert.priority()
                        + ")", 0, out);
                return;
            }
            // A leaving master (priority 0) or a lower one: answer at once so it steps down
            // now rather than after our next advert. At most one answer per quarter interval:
            // two broken peers must not answer each other in a loop.
            if (now - advertSentAt >= nanos(settings.advertIntervalMs()) / 4) {
                advertise(now, out);
            }
            if (advert.priority() != 0 && settings.garpRepeat() > 0
                    && (!lowerPriorityGarpSent
                            || now - lowerPriorityGarpAt >= LOWER_PRIORITY_GARP_GAP_NANOS)) {
                // Two masters were answering ARP: make sure the network points at us.
                lowerPriorityGarpSent = true;
                lowerPriorityGarpAt = now;
                out.add(new SendGratuitousArps(name(), settings.garpRepeat()));
                garpFollowUpAt = now + GARP_LOCKTIME_FOLLOW_UP_NANOS;
            }
        }

        @Override
        public void onTimer(long now, List<VrrpAction> out) {
            if (advertAt <= now) {
                advertise(now, out);
            }
            if (garpFollowUpAt <= now) {
                garpFollowUpAt = NONE;
                out.add(new SendGratuitousArps(name(), settings.garpRepeat()));
            }
            if (garpAt <= now) {
                garpAt = NONE;
                out.add(new SendGratuitousArps(name(), settings.garpRepeat()));
            }
        }

        private void advertise(long now, List<VrrpAction> out) {
            out.add(new SendAdvert(name(), effectivePriority(), settings.advertIntervalMs()));
            advertSentAt = now;
            advertAt = now + nanos(settings.advertIntervalMs());
        }
    }
}
