/**
 * {@code bramble demo}: the recipe's highly available website on one machine without root
 * (two {@code bramble web}, two {@code bramble lb --vrrp} on 127.x addresses, as child
 * processes), a client loop through the virtual address, and the recipe's failures played in
 * order with what the client saw; and {@code bramble demo fs}: seed 001's replicated volume
 * (two {@code bramble node} and a witness, a {@code bramble mount}) with a client writing
 * through the mount while a node dies and returns. Owns its child processes, its temporary
 * folder and its mount, and nothing else.
 */
package io.bramble.cli.demo;
