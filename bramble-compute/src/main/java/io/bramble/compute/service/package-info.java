/**
 * The compute part of {@code bramble node}: a loop that reads the plan from the pool's store
 * and has the supervisor run this node's Spark daemons, the jar cache's filling, and the
 * {@code compute} command words the CLI and other members send.
 */
package io.bramble.compute.service;
