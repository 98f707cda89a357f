package io.bramble.lb.config;

/** How a {@code tcp-check expect} compares its pattern with what the server sent. */
public enum TcpCheckMatch {
    /** The reply contains the text. */
    STRING,
    /** A regular expression matches somewhere in the reply. */
    RSTRING,
    /** The reply contains the bytes, written in hexadecimal. */
    BINARY,
    /** A regular expression matches the reply written in upper-case hexadecimal. */
    RBINARY,
    /** The first packet is a MySQL packet other than an error ({@code option mysql-check}). */
    MYSQL_HANDSHAKE,
    /** The packet after the first is a MySQL packet other than an error. */
    MYSQL_OK,
    /** An LDAPv3 bind response with result code 0 ({@code option ldap-check}). */
    LDAP_BIND_RESPONSE
}
