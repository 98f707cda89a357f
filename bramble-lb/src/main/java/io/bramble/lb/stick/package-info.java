/**
 * Stick tables: bounded tables of counters keyed by a client's address or another sample,
 * with HAProxy's frequency counters, expiry and eviction. Pure: time comes from an injected
 * clock; the proxy tracks entries and feeds events in.
 */
package io.bramble.lb.stick;
