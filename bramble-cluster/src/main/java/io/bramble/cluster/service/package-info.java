/**
 * The live cluster inside {@code bramble node}: the coordinator on the member that leads the
 * pool's store, and on every member that is not a witness the node's own side (its lease,
 * its executor). Thin shells around {@code coordinate} and {@code exec}: threads, the store
 * and messages between members are here, every decision is in the pure cores.
 */
package io.bramble.cluster.service;
