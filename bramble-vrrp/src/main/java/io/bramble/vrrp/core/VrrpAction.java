package io.bramble.vrrp.core;

/**
 * What the state machine asks the shell to do, in order. The shell knows each instance's
 * addresses, interface, authentication and scripts; the actions only name the instance.
 */
public sealed interface VrrpAction {
    /** The instance these actions are for. */
    String instance();

    /** Send one advert with this priority and interval to the group or the unicast peers. */
    record SendAdvert(String instance, int priority, int advertIntervalMs)
            implements
                VrrpAction {}

    /** Put the instance's virtual addresses on their interfaces. */
    record AddVips(String instance) implements VrrpAction {}

    /** Take the instance's virtual addresses off (also at start: a crashed run's leftovers). */
    record RemoveVips(String instance) implements VrrpAction {}

    /** Announce the virtual addresses with {@code count} gratuitous ARPs each. */
    record SendGratuitousArps(String instance, int count) implements VrrpAction {}

    /** The instance changed state: log it, run notify scripts, tell listeners. */
    record StateChanged(String instance, VrrpState from, VrrpState to, String reason)
            implements
                VrrpAction {}

    /** An advert was ignored for a protocol reason the operator should see. */
    record AdvertIgnored(String instance, String reason) implements VrrpAction {}
}
