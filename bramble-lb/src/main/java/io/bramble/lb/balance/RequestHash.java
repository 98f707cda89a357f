package io.bramble.lb.balance;

/** The part of a request a hashing algorithm keys on, reduced to 32 bits. */
interface RequestHash {
    int hash(RequestKey key);

    /**
     * HAProxy's default string hash (sdbm); spreads short keys well enough for a table of
     * servers, and costs one multiply-free loop.
     */
    static int sdbm(int seed, int value) {
        return value + (seed << 6) + (seed << 16) - seed;
    }
}
