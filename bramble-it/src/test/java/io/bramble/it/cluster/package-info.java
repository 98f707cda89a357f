/**
 * The resource manager's live cluster with real {@code bramble node} processes on 127.0.0.x:
 * pcs's words on the pool's CIB from any member.
 */
package io.bramble.it.cluster;
