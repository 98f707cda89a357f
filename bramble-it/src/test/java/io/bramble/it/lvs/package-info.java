/** Real {@code bramble vrrp} processes directing keepalived virtual servers, and web servers. */
package io.bramble.it.lvs;
