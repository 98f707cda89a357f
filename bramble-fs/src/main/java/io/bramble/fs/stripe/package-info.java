/**
 * Stripe volumes: {@link Stripe} cuts each file into blocks dealt round-robin over its
 * children, and {@link StripeGeometry} is the pure block arithmetic it relies on. Names and
 * directories exist on every child; the children are replica sets or bricks, reached only
 * through their {@link io.bramble.fs.ops.FileOps}.
 */
package io.bramble.fs.stripe;
