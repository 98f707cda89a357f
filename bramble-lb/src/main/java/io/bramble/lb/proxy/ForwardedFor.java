package io.bramble.lb.proxy;

import io.bramble.common.net.Cidr;
import io.bramble.lb.config.ForwardFor;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;

/** {@code option forwardfor}: tells the server who the client is. */
final class ForwardedFor {
    private ForwardedFor() {
    }

    /** Adds the header line unless the client is excepted or {@code if-none} finds one. */
    static void apply(ForwardFor option, HttpHeaders headers, InetAddress client) {
        for (Cidr network : option.except()) {
            if (network.contains(client)) {
                return;
            }
        }
        if (option.ifNone() && headers.contains(option.header())) {
            return;
        }
        headers.add(option.header(), NetUtil.toAddressString(client)); // ::1, as HAProxy writes it
    }
}
