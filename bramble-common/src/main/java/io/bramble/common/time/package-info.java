/** Injected time: the {@link io.bramble.common.time.Clock} every core class is given. */
package io.bramble.common.time;
