# A real server's tunl0 for kernels built without IP-in-IP (CONFIG_NET_IPIP): takes the
# IP-in-IP packets sent to this machine from a raw socket and hands each inner packet to the
# kernel through a TUN device, as the ipip module's tunl0 would.
# Usage: python3 ipip-to-tun.py DEVICE
import fcntl
import os
import socket
import struct
import sys

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000
IPPROTO_IPIP = 4

device = os.open("/dev/net/tun", os.O_RDWR)
fcntl.ioctl(device, TUNSETIFF, struct.pack("16sH", sys.argv[1].encode(), IFF_TUN | IFF_NO_PI))
tunnel = socket.socket(socket.AF_INET, socket.SOCK_RAW, IPPROTO_IPIP)
print("ready", flush=True)
while True:
    packet = tunnel.recv(65535)
    outer = (packet[0] & 0x0F) * 4
    os.write(device, packet[outer:])
