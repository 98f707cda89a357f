/**
 * The web server's I/O shell: listening, the transport (epoll or NIO), each connection's
 * pipeline and its bounds (connections, idle time, backpressure).
 */
package io.bramble.web.server;
