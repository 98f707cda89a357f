package io.bramble.pool.member;

/** What a member does in the pool. */
public enum Role {
    /** A full member: holds a vote and a copy of the cluster store. */
    VOTER,
    /** A witness: holds a vote but none of the store's records (two-node pools). */
    WITNESS
}
