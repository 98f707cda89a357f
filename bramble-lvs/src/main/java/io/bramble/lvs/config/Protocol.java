package io.bramble.lvs.config;

/** The layer-4 protocol of a virtual service ({@code protocol TCP|UDP}). */
public enum Protocol {
    TCP, UDP
}
