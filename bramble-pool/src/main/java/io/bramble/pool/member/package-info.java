/**
 * Who belongs to the pool: {@link io.bramble.pool.member.Member} records and the pure
 * {@link io.bramble.pool.member.Members} view over them. No I/O.
 */
package io.bramble.pool.member;
