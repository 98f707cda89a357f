/**
 * HTTP/1 on the wire, as the load balancer reads it from clients and writes it to servers:
 * a strict request decoder that decides every message's length in one place
 * ({@link io.bramble.lb.http1.BodyFraming}), refuses what could be read two ways, and keeps
 * request targets byte for byte. Pure parsing plus the Netty codecs around it; no routing.
 */
package io.bramble.lb.http1;
