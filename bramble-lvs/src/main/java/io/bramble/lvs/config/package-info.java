/**
 * The LVS part of keepalived.conf ({@code virtual_server}, {@code virtual_server_group}, their
 * real servers and checkers) read by keyword tables into checked records; owns no sockets.
 */
package io.bramble.lvs.config;
