/**
 * The trusted pool: node identity, members and their liveness, authenticated joins, mutual-TLS
 * messaging between nodes, and the cluster store every member holds a copy of.
 */
package io.bramble.pool;
