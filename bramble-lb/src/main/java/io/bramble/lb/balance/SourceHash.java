package io.bramble.lb.balance;

/** {@code balance source}: the client's address bytes. */
enum SourceHash implements RequestHash {
    INSTANCE;

    @Override
    public int hash(RequestKey key) {
        int hash = 0;
        for (byte b : key.clientAddress()) {
            hash = RequestHash.sdbm(hash, b & 0xFF);
        }
        return hash;
    }
}
