package io.bramble.lb.config;

/**
 * How an ACL compares what it fetched with its patterns (HAProxy's {@code -m} methods; the
 * suffix of {@code path_beg}, {@code hdr_end} and the like selects one).
 */
public enum AclMatch {
    /** Equal strings ({@code -m str}, the default for {@code path}, {@code hdr}). */
    EXACT,
    /** Starts with the pattern ({@code _beg}). */
    BEGINS,
    /** Ends with the pattern ({@code _end}). */
    ENDS,
    /** Contains the pattern ({@code _sub}). */
    CONTAINS,
    /** Contains the pattern as a whole slash-delimited part ({@code _dir}). */
    DIR,
    /** Contains the pattern as a whole dot- or slash-delimited part ({@code _dom}). */
    DOMAIN,
    /** Matches the regular expression ({@code _reg}). */
    REGEX,
    /** The address lies in a network pattern ({@code src}). */
    IP,
    /** The fetch returned something at all ({@code -m found}). */
    FOUND,
    /** An integer in one of the ranges the patterns make ({@link IntegerRanges}). */
    INTEGER
}
