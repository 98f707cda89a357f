package io.bramble.vrrp.linux;

import io.bramble.common.os.LinuxException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Adds and removes IPv4 addresses through a NETLINK_ROUTE socket ({@code RTM_NEWADDR},
 * {@code RTM_DELADDR}), as {@code ip addr add|del} does, and waits for the kernel's answer.
 * Needs CAP_NET_ADMIN. Not thread-safe: one caller at a time.
 */
public final class NetlinkAddresses implements AutoCloseable {
    private static final int RTM_NEWADDR = 20;
    private static final int RTM_DELADDR = 21;
    private static final int NLMSG_ERROR = 2;
    private static final int NLM_F_REQUEST = 0x1;
    private static final int NLM_F_ACK = 0x4;
    private static final int NLM_F_EXCL = 0x200;
    private static final int NLM_F_CREATE = 0x400;
    private static final int IFA_ADDRESS = 1;
    private static final int IFA_LOCAL = 2;
    private static final int IFA_LABEL = 3;
    private static final int RT_SCOPE_UNIVERSE = 0;
    private static final int RT_SCOPE_HOST = 254;
    private static final int HEADER_BYTES = 16;
    private static final int REQUEST_BYTES_MAX = 128;
    private static final int ANSWER_BYTES_MAX = 8_192;
    /** The kernel answers at once; this only guards against a lost answer. */
    private static final int ANSWER_TIMEOUT_MS = 2_000;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment answer;
    private int sequence;

    private NetlinkAddresses(int fd) {
        this.fd = fd;
        this.answer = arena.allocate(ANSWER_BYTES_MAX);
    }

    public static NetlinkAddresses open() throws LinuxException {
        int fd = Libc.socket(Libc.AF_NETLINK, Libc.SOCK_RAW, Libc.NETLINK_ROUTE);
        return new NetlinkAddresses(fd);
    }

    /** Adds the address; false when the interface already has it. */
    public boolean add(String interfaceName, Inet4Address address, int prefixLength,
            String label) throws LinuxException {
        int index = Libc.interfaceIndex(interfaceName);
        int error = request(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, index, address,
                prefixLength, label);
        if (error == LinuxException.EEXIST) {
            return false;
        }
        check(error, "adding " + address.getHostAddress() + "/" + prefixLength + " to "
                + interfaceName);
        return true;
    }

    /** Removes the address; false when the interface did not have it. */
    public boolean remove(String interfaceName, Inet4Address address, int prefixLength)
            throws LinuxException {
        int index = Libc.interfaceIndex(interfaceName);
        int error = request(RTM_DELADDR, 0, index, address, prefixLength, "");
        if (error == LinuxException.EADDRNOTAVAIL) {
            return false;
        }
        check(error, "removing " + address.getHostAddress() + "/" + prefixLength + " from "
                + interfaceName);
        return true;
    }

    private static void check(int error, String what) throws LinuxException {
        if (error != 0) {
            throw new LinuxException(what, error);
        }
    }

    /** Sends one request and returns the errno of the kernel's acknowledgement (0: done). */
    private int request(int type, int flags, int index, Inet4Address address, int prefixLength,
            String label) throws LinuxException {
        int seq = ++sequence;
        byte[] message = message(type, flags, seq, index, address, prefixLength, label);
        try (Arena call = Arena.ofConfined()) {
            Libc.sendto(fd, call.allocateFrom(ValueLayout.JAVA_BYTE, message), SocketAddresses
                    .netlinkKernel(call), "netlink request");
        }
        return awaitAck(seq);
    }

    private int awaitAck(int seq) throws LinuxException {
        while (true) {
            if (!Libc.pollIn(fd, ANSWER_TIMEOUT_MS)) {
                throw new LinuxException("no answer from the kernel to a netlink request",
                        LinuxException.EAGAIN);
            }
            int length = (int) Libc.recv(fd, answer, "netlink answer");
            ByteBuffer in = answer.asSlice(0, length).asByteBuffer().order(ByteOrder
                    .nativeOrder());
            for (int at = 0; at + HEADER_BYTES <= length;) {
                int messageLength = in.getInt(at);
                int messageType = Short.toUnsignedInt(in.getShort(at + 4));
                int messageSeq = in.getInt(at + 8);
                if (messageType == NLMSG_ERROR && messageSeq == seq) {
                    return -in.getInt(at + HEADER_BYTES);
                }
                if (messageLength < HEADER_BYTES) {
                    break;
                }
                at += align(messageLength);
            }
        }
    }

    /** nlmsghdr, ifaddrmsg, then IFA_LOCAL, IFA_ADDRESS and IFA_LABEL attributes. */
    private static byte[] message(int type, int flags, int seq, int index, Inet4Address address,
            int prefixLength, String label) {
        ByteBuffer out = ByteBuffer.allocate(REQUEST_BYTES_MAX).order(ByteOrder.nativeOrder());
        out.position(HEADER_BYTES);
        out.put((byte) Libc.AF_INET).put((byte) prefixLength).put((byte) 0);
        out.put((byte) (address.isLoopbackAddress() ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE));
        out.putInt(index);
        attribute(out, IFA_LOCAL, address.getAddress());
        attribute(out, IFA_ADDRESS, address.getAddress());
        if (!label.isEmpty()) {
            byte[] text = (label + "\0").getBytes(StandardCharsets.US_ASCII);
            attribute(out, IFA_LABEL, text);
        }
        int length = out.position();
        out.putInt(0, length).putShort(4, (short) type).putShort(6, (short) (NLM_F_REQUEST
                | NLM_F_ACK | flags)).putInt(8, seq).putInt(12, 0);
        byte[] message = new byte[length];
        out.get(0, message);
        return message;
    }

    private static void attribute(ByteBuffer out, int type, byte[] value) {
        int start = out.position();
        out.putShort((short) (4 + value.length)).putShort((short) type).put(value);
        out.position(start + align(4 + value.length));
    }

    private static int align(int length) {
        return (length + 3) & ~3;
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
