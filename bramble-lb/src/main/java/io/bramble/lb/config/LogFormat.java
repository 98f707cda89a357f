package io.bramble.lb.config;

/**
 * The access log line format: HAProxy's default (connection-level), {@code option tcplog} or
 * {@code option httplog}.
 */
public enum LogFormat {
    DEFAULT, TCP, HTTP
}
