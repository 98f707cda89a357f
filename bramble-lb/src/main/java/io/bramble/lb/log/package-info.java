/**
 * Traffic logs: the httplog, tcplog and "Connect from" line formats and the sinks (stdout, stderr, a file, syslog over
 * UDP) written by one background thread, so an event loop never waits on a disk or socket.
 */
package io.bramble.lb.log;
