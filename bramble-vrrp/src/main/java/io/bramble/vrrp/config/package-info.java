/**
 * keepalived.conf as bramble reads it: the model records and the parser with one keyword
 * table per block ({@code global_defs}, {@code vrrp_script}, {@code vrrp_instance},
 * {@code vrrp_sync_group}). Nothing here touches the network.
 */
package io.bramble.vrrp.config;
