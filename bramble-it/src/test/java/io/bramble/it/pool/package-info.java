/**
 * The trusted pool with real {@code bramble node} processes on 127.0.0.x: forming a pool with
 * the seeds' commands, liveness after kill -9 and SIGSTOP, majority, the witness, security.
 */
package io.bramble.it.pool;
