/**
 * TLS with the JDK's implementation through Netty: termination on {@code bind ... ssl crt}
 * (certificates chosen by SNI, ALPN http/1.1) and origination to {@code server ... ssl}
 * (verified against {@code ca-file}, or not with {@code verify none}). Reads HAProxy's PEM
 * bundles: the certificate chain and its private key in one file.
 */
package io.bramble.lb.tls;
