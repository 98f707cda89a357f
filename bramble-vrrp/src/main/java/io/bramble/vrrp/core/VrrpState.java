package io.bramble.vrrp.core;

/** The states of RFC 5798 section 6.4, plus keepalived's FAULT. */
public enum VrrpState {
    /** Not running: before start and after shutdown. */
    INITIALIZE,
    /** Watching the master's adverts, ready to take over when they stop. */
    BACKUP,
    /** Holding the virtual addresses and advertising. */
    MASTER,
    /** Unable to serve (a tracked script or interface failed): silent, holds nothing. */
    FAULT
}
