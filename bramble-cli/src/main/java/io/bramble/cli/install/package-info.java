/**
 * {@code bramble install}: puts bramble's entry points where the system looks for them (the
 * mount helper in /sbin, the node's systemd unit, optionally the {@code gluster} name).
 */
package io.bramble.cli.install;
