/**
 * Real configuration files, the ones Debian installs with HAProxy and keepalived (read where
 * the packages put them), checked by bramble beside the real tools' own check.
 */
package io.bramble.it.corpus;
