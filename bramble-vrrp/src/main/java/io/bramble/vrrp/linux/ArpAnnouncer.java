package io.bramble.vrrp.linux;

import io.bramble.common.os.LinuxException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * Sends gratuitous ARPs out of one interface through an AF_PACKET socket: a broadcast ARP
 * request for the virtual address from the virtual address, carrying this interface's MAC,
 * so switches and neighbours update their tables at once. Needs CAP_NET_RAW.
 */
public final class ArpAnnouncer implements AutoCloseable {
    private static final int ETH_P_ARP = 0x0806;
    private static final int ETH_P_IP = 0x0800;
    private static final int ARP_REQUEST = 1;
    private static final int HARDWARE_ETHERNET = 1;
    private static final int FRAME_BYTES = 42;
    private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};

    private final int fd;
    private final int interfaceIndex;
    private final String interfaceName;
    private final byte[] mac;

    private ArpAnnouncer(int fd, int interfaceIndex, String interfaceName, byte[] mac) {
        this.fd = fd;
        this.interfaceIndex = interfaceIndex;
        this.interfaceName = interfaceName;
        this.mac = mac;
    }

    public static ArpAnnouncer open(String interfaceName) throws LinuxException {
        int index = Libc.interfaceIndex(interfaceName);
        byte[] mac = macOf(interfaceName);
        int fd = Libc.socket(Libc.AF_PACKET, Libc.SOCK_RAW, SocketAddresses.networkOrder(
                ETH_P_ARP));
        return new ArpAnnouncer(fd, index, interfaceName, mac);
    }

    /** Sends one gratuitous ARP for {@code address}. */
    public void announce(Inet4Address address) throws LinuxException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment frame = call.allocateFrom(ValueLayout.JAVA_BYTE, frame(address));
            Libc.sendto(fd, frame, SocketAddresses.link(call, ETH_P_ARP, interfaceIndex,
                    BROADCAST),
                    "gratuitous ARP for " + address.getHostAddress() + " on "
                            + interfaceName);
        }
    }

    /** Ethernet header, then the ARP request with sender and target both the address. */
    byte[] frame(Inet4Address address) {
        byte[] frame = new byte[FRAME_BYTES];
        System.arraycopy(BROADCAST, 0, frame, 0, 6);
        System.arraycopy(mac, 0, frame, 6, 6);
        frame[12] = (byte) (ETH_P_ARP >> 8);
        frame[13] = (byte) ETH_P_ARP;
        frame[15] = HARDWARE_ETHERNET;
        frame[16] = (byte) (ETH_P_IP >> 8);
        frame[17] = (byte) ETH_P_IP;
        frame[18] = 6;
        frame[19] = 4;
        frame[21] = ARP_REQUEST;
        System.arraycopy(mac, 0, frame, 22, 6);
        System.arraycopy(address.getAddress(), 0, frame, 28, 4);
        System.arraycopy(BROADCAST, 0, frame, 32, 6);
        System.arraycopy(address.getAddress(), 0, frame, 38, 4);
        return frame;
    }

    private static byte[] macOf(String interfaceName) throws LinuxException {
        try {
            NetworkInterface nic = NetworkInterface.getByName(interfaceName);
            byte[] mac = nic == null ? null : nic.getHardwareAddress();
            if (mac == null || mac.length != 6) {
                throw new LinuxException("no Ethernet address on " + interfaceName,
                        LinuxException.ENODEV);
            }
            return mac;
        } catch (SocketException e) {
            throw new LinuxException("reading the address of " + interfaceName + ": "
                    + e.getMessage(), LinuxException.ENODEV);
        }
    }

    @Override
    public void close() {
        Libc.close(fd);
    }
}
