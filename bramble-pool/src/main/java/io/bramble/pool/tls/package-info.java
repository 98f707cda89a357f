/**
 * The pool's own certificate authority and each node's credentials: made at the first probe,
 * kept as PEM files in the state directory, used for mutual TLS between members.
 */
package io.bramble.pool.tls;
