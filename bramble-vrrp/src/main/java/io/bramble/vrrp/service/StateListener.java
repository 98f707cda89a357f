package io.bramble.vrrp.service;

import io.bramble.vrrp.core.VrrpState;

/** Told of every state change of every instance, from the VRRP event loop; keep it short. */
@FunctionalInterface
public interface StateListener {
    void changed(String instance, VrrpState from, VrrpState to, String reason);
}
