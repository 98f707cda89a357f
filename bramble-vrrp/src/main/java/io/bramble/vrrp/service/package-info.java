/**
 * The I/O shell around the VRRP core: one event-loop thread drives a
 * {@link io.bramble.vrrp.core.VrrpNode} with received adverts, timer ticks, script results,
 * interface states and health gates, and carries out its actions (adverts, addresses,
 * gratuitous ARPs, notify scripts, listeners). Other modules (the load balancer) plug in
 * through {@link io.bramble.vrrp.service.VipListener} and
 * {@link io.bramble.vrrp.service.VipGate}.
 */
package io.bramble.vrrp.service;
