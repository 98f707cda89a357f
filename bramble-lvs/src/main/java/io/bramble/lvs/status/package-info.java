/**
 * The virtual server table as {@code ipvsadm -Ln} prints it, and the local socket through
 * which {@code bramble lvs status} asks a running {@code bramble vrrp} for it.
 */
package io.bramble.lvs.status;
