/**
 * HAProxy log-format strings, as header values and redirect targets take them: parsed once at
 * load into a {@link io.bramble.lb.format.LogFormatString}, which renders against the
 * {@link io.bramble.lb.format.FormatContext} of one request or response. Pure; the proxy
 * supplies the context.
 */
package io.bramble.lb.format;
