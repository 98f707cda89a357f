package io.bramble.lvs.route;

/**
 * What identifies a connection (or UDP flow) through the director, as IPVS keys it: the
 * client's address and port, and the virtual address and port it reached.
 */
record ClientKey(int client, int clientPort, int virtualAddress, int virtualPort) {
    static ClientKey of(Ipv4Packet packet) {
        return new ClientKey(packet.source(), packet.sourcePort(), packet.destination(),
                packet.destinationPort());
    }
}
