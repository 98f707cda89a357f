/**
 * Where adverts travel: raw protocol 112 on a real interface, or UDP between 127.x addresses
 * for the one-machine loopback backend. A channel sends bytes and hands back decoded packets;
 * it knows nothing of instances.
 */
package io.bramble.vrrp.net;
