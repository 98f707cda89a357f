/**
 * Moving Spark's master when its member is gone: which member takes it over, and when. Pure;
 * the change itself is a versioned write of the plan to the pool's store, which needs the
 * majority, so a member cut off with the old master cannot take it too.
 */
package io.bramble.compute.failover;
