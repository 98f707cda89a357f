package io.bramble.lb.config;

/** The three proxy sections; a listen is a frontend and a backend under one name. */
public enum ProxyKind {
    FRONTEND(true, false), BACKEND(false, true), LISTEN(true, true);

    private final boolean frontend;
    private final boolean backend;

    ProxyKind(boolean frontend, boolean backend) {
        this.frontend = frontend;
        this.backend = backend;
    }

    /** Accepts connections: may have binds, ACLs, use_backend rules. */
    public boolean hasFrontend() {
        return frontend;
    }

    /** Has servers and a balance algorithm. */
    public boolean hasBackend() {
        return backend;
    }

    /** The section keyword as written in haproxy.cfg. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
