package io.bramble.pool.link;

import io.bramble.pool.tls.PeerTrust;
import io.bramble.pool.wire.Message;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;

/** One TLS connection to another node, in either direction. */
public final class Link {
    private final Channel channel;
    private final boolean inbound;
    private volatile UUID member;

    Link(Channel channel, boolean inbound) {
        this.channel = channel;
        this.inbound = inbound;
    }

    public boolean inbound() {
        return inbound;
    }

    public void send(Message message) {
        channel.writeAndFlush(message);
    }

    public void close() {
        channel.close();
    }

    public boolean isOpen() { return channel.isActive(); }

    /**
     * Lets the peer stay silent for up to {@code seconds} from now before this side closes
     * the link, instead of {@link Transport#READ_IDLE_SECONDS_MAX}; for a step the peer may
     * need long for. Only links this node was called on are bounded at all.
     */
    public void allowSilence(int seconds) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(Transport.IDLE_HANDLER) != null) {
            pipeline.replace(Transport.IDLE_HANDLER, Transport.IDLE_HANDLER,
                    new ReadTimeoutHandler(seconds, TimeUnit.SECONDS));
        }
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /**
     * The member the peer's certificate names, when the pool's {@code authority} signed it;
     * empty for a node of no pool or of another pool.
     */
    public Optional<UUID> certifiedMember(X509Certificate authority) {
        UUID known = member;
        if (known != null) {
            return Optional.of(known);
        }
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            Optional<UUID> id = PeerTrust.member(chain, authority);
            id.ifPresent(v -> member = v);
            return id;
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    /** The public key the peer's TLS certificate holds (the node's own key). */
    public Optional<java.security.PublicKey> peerKey() {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        try {
            return Optional.of(ssl.engine().getSession().getPeerCertificates()[0].getPublicKey());
        } catch (SSLPeerUnverifiedException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return (inbound ? "from " : "to ") + channel.remoteAddress();
    }
}
