package io.bramble.lvs.route;

/** A virtual address and port of one protocol: which virtual service a packet is for. */
record ServiceKey(int protocol, int address, int port) {}
