/**
 * VRRP packets on the wire (RFC 3768 version 2, RFC 5798 version 3, IPv4): encoding with
 * checksums and strict decoding that drops anything malformed with a counted reason.
 * Bytes in, bytes out: no sockets here.
 */
package io.bramble.vrrp.wire;
