/**
 * The {@code volume} command words a node runs, in the gluster grammar and with Gluster 10's
 * messages: one class per verb, a table from verb to class, and the internal verbs one node
 * asks another (a brick's folder, a brick's status). Reads and writes volumes in the cluster
 * store; reaches other members only through the pool link.
 */
package io.bramble.fs.volume.command;
