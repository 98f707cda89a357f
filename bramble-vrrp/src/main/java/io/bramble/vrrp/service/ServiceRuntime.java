package io.bramble.vrrp.service;

import io.bramble.common.error.UserError;
import io.bramble.common.os.LinuxException;
import io.bramble.common.os.ProcessUser;
import io.bramble.common.time.Clock;
import io.bramble.vrrp.config.InstanceConfig;
import io.bramble.vrrp.config.ScriptConfig;
import io.bramble.vrrp.config.VrrpConfig;
import io.bramble.vrrp.core.InstanceSettings;
import io.bramble.vrrp.core.SyncGroupSettings;
import io.bramble.vrrp.core.VrrpEvent;
import io.bramble.vrrp.core.VrrpNode;
import io.bramble.vrrp.net.AdvertChannel;
import io.bramble.vrrp.vip.LinuxVipBackend;
import io.bramble.vrrp.vip.LoopbackVipBackend;
import io.bramble.vrrp.vip.VipBackend;
import io.bramble.vrrp.wire.DropCounters;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a started {@link VrrpService} holds open: the backend, the channels, the event
 * loop, the receivers, the script runners and the watcher, and the order to close them in
 * (the loop announces priority 0 through the channels before they close).
 */
final class ServiceRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);

    final Map<String, InstanceRuntime> instances;
    final VipBackend backend;
    final Tracking tracking;
    private final Map<String, AdvertChannel> channels;
    private final Notifier notifier;
    private final ActionRunner actions;
    private final EventLoop loop;
    private final List<Receiver> receivers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<VrrpEvent> initial;

    private ServiceRuntime(VrrpConfig config, ServiceOptions options, Clock clock,
            Listeners listeners, DropCounters drops, CommandRunner runner, VipBackend backend,
            Map<String, AdvertChannel> channels, Map<String, InstanceRuntime> instances,
            Tracking tracking, Consumer<Throwable> onFailure) {
        this.instances = instances;
        this.backend = backend;
        this.tracking = tracking;
        this.channels = channels;
        this.notifier = new Notifier(runner);
        this.actions = new ActionRunner(instances, config.syncGroups(), backend, listeners,
                notifier, options.events(), config.global().garpIntervalMs());
        List<SyncGroupSettings> groups = config.syncGroups().stream().map(
                g -> new SyncGroupSettings(g.name(), g.instances())).toList();
        VrrpNode node = new VrrpNode(instances.values().stream().map(i -> i.settings).toList(),
                groups, clock);
        this.loop = new EventLoop(node, clock, actions, onFailure);
        this.initial = tracking.prepare(this::post);
        for (AdvertChannel channel : channels.values()) {
            List<InstanceRuntime> on = instances.values().stream().filter(
                    i -> i.channel == channel).toList();
            receivers.add(new Receiver(channel, on, loop, drops));
        }
    }

    /** Resolves addresses and opens sockets; closes what it opened when something fails. */
    static ServiceRuntime open(VrrpConfig config, ServiceOptions options, Clock clock,
            Listeners listeners, Map<Inet4Address, List<VipGate>> gates, DropCounters drops,
            Consumer<Throwable> onFailure) {
        CommandRunner runner = commandRunner(config);
        VipBackend backend = backend(options.backend());
        Map<String, AdvertChannel> channels = new LinkedHashMap<>();
        try {
            Tracking tracking = new Tracking(config, options.backend(), gates, runner);
            Map<String, InstanceRuntime> instances = new LinkedHashMap<>();
            for (InstanceConfig instance : config.instances()) {
                Inet4Address source = Sources.source(instance, options.backend());
                AdvertChannel channel = Sources.channel(channels, instance, source, options);
                InstanceSettings settings = new InstanceSettings(instance.name(), instance
                        .virtualRouterId(), instance.version(), instance.priority(),
                        instance
                                .advertIntervalMs(),
                        instance.preempt(), instance
                                .preemptDelayMs(),
                        source, instance.garpMasterRepeat(),
                        instance.garpMasterDelayMs(), tracking.trackedBy(instance));
                instances.put(instance.name(), new InstanceRuntime(instance, settings,
                        channel));
            }
            return new ServiceRuntime(config, options, clock, listeners, drops, runner,
                    backend, channels, instances, tracking, onFailure);
        } catch (RuntimeException e) {
            channels.values().forEach(AdvertChannel::close);
            backend.close();
            throw e;
        }
    }

    void start() {
        loop.start(initial);
        for (Receiver receiver : receivers) {
            // Platform threads: a receive waits in poll(2) through FFM, which would pin the
            // carrier of a virtual thread for up to Receiver.POLL_MS.
            threads.add(Thread.ofPlatform().name("vrrp-receive").daemon().start(receiver));
        }
        for (Runnable task : tracking.tasks()) {
            threads.add(Thread.ofVirtual().name("vrrp-track").start(task));
        }
    }

    /** Stops the inputs, lets the loop announce and clean up, then closes in order. */
    void stop(long waitMs) {
        receivers.forEach(Receiver::stop);
        tracking.stop();
        loop.requestStop();
        try {
            if (!loop.awaitStopped(waitMs)) {
                LOG.error("the VRRP event loop did not stop within {} ms", waitMs);
            }
            for (Thread thread : threads) {
                thread.interrupt();
                thread.join(waitMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        actions.close();
        notifier.close();
        channels.values().forEach(AdvertChannel::close);
        backend.close();
    }

    private void post(VrrpEvent event) {
        if (!loop.post(event)) {
            LOG.warn("VRRP event queue full; dropped {}", event);
        }
    }

    private static CommandRunner commandRunner(VrrpConfig config) {
        String user = config.global().scriptUser();
        if (!config.global().scriptGroup().isEmpty()) {
            user += ":" + config.global().scriptGroup();
        }
        boolean root = ProcessUser.isRoot();
        for (ScriptConfig script : config.scripts()) {
            if (!root && !(script.user().isEmpty() && user.isEmpty())) {
                throw UserError.usage(script.where() + ": vrrp_script " + script.name()
                        + ": running scripts as another user (user, script_user) needs root");
            }
            if (root && config.global().scriptSecurity()) {
                Privileges.checkScript(script.name(), script.command());
            }
        }
        return new CommandRunner(user);
    }

    private static VipBackend backend(Backend backend) {
        if (backend == Backend.LOOPBACK) {
            return new LoopbackVipBackend();
        }
        try {
            return LinuxVipBackend.open();
        } catch (LinuxException e) {
            throw rootNeeded(e);
        }
    }

    static UserError rootNeeded(LinuxException e) {
        if (e.permissionDenied()) {
            return UserError.runtime("bramble vrrp --backend linux needs root (raw sockets "
                    + "and address changes): " + e.getMessage() + "; run it as root, or try "
                    + "'--backend loopback' on one machine", e);
        }
        return UserError.runtime(e.getMessage(), e);
    }
}
