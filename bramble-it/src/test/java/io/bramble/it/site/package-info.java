/**
 * The seed 000 website end to end: {@code bramble web} servers behind two {@code bramble lb}
 * processes that run VRRP in the same process ({@code --vrrp}), on loopback addresses and in a
 * network-namespace lab, and {@code bramble demo} run as a user runs it.
 */
package io.bramble.it.site;
