package io.bramble.lb.config;

/**
 * The access log line format: HAProxy's default (connection-level), {@code option tcplog},
 * {@code option httplog} or a {@code log-format} line.
 */
public enum LogFormat {
    DEFAULT, TCP, HTTP, CUSTOM
}
