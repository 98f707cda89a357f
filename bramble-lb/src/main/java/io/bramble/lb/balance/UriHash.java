package io.bramble.lb.balance;

/**
 * {@code balance uri [whole] [len N] [depth N]}: the path (up to the {@code ?} unless
 * {@code whole}), cut to its first {@code len} characters and first {@code depth} directories.
 */
final class UriHash implements RequestHash {
    private final boolean whole;
    private final int lengthMax;
    private final int depthMax;

    UriHash(boolean whole, int lengthMax, int depthMax) {
        this.whole = whole;
        this.lengthMax = lengthMax;
        this.depthMax = depthMax;
    }

    @Override
    public int hash(RequestKey key) {
        String uri = key.uri();
        int end = uri.length();
        if (!whole) {
            int query = uri.indexOf('?');
            end = query < 0 ? end : query;
        }
        if (lengthMax > 0) {
            end = Math.min(end, lengthMax);
        }
        int hash = 0;
        int slashes = 0;
        for (int i = 0; i < end; i++) {
            char c = uri.charAt(i);
            if (c == '/' && depthMax > 0 && ++slashes > depthMax) {
                break;
            }
            hash = RequestHash.sdbm(hash, c);
        }
        return hash;
    }
}
