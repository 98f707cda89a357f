package io.bramble.vrrp.config;

/**
 * {@code state MASTER|BACKUP}. As in keepalived 2.2, both start as backup and the highest
 * priority wins the election; MASTER only disables {@code nopreempt} and
 * {@code preempt_delay}, which need BACKUP.
 */
public enum InitialState {
    MASTER, BACKUP
}
