package io.bramble.lb.config;

/** {@code mode http|tcp}. HAProxy's default, without a defaults section, is tcp. */
public enum ProxyMode {
    HTTP, TCP;

    public static final ProxyMode DEFAULT = TCP;
}
