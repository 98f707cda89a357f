package io.bramble.vrrp.core;

/** What drives the state machine: the shell turns packets, timers and checks into these. */
public sealed interface VrrpEvent {
    /** The node starts: every instance leaves INITIALIZE. */
    record Start() implements VrrpEvent {}

    /** Time passed: fire the timers that are due. The shell sends one at each deadline. */
    record Tick() implements VrrpEvent {}

    /** The node stops: a master announces priority 0 so a backup takes over at once. */
    record Shutdown() implements VrrpEvent {}

    /** A checked advert for the named instance. */
    record AdvertReceived(String instance, Advert advert) implements VrrpEvent {}

    /** A tracked object (script, interface, health gate) went up or down. */
    record TrackChanged(String tracked, boolean up) implements VrrpEvent {}
}
