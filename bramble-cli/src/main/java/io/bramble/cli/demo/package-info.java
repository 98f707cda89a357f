/**
 * {@code bramble demo}: the recipe's highly available website on one machine without root
 * (two {@code bramble web}, two {@code bramble lb --vrrp} on 127.x addresses, as child
 * processes), a client loop through the virtual address, and the recipe's failures played in
 * order with what the client saw. Owns its child processes and nothing else.
 */
package io.bramble.cli.demo;
