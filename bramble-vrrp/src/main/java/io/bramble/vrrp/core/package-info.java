/**
 * The VRRP state machine (RFC 5798 for version 3, RFC 3768 for version 2) as a pure class: it
 * takes events and the time, and answers with actions for the shell to carry out. Nothing
 * here opens a socket, starts a thread or reads a clock.
 */
package io.bramble.vrrp.core;
