/**
 * The running director: a virtual service per {@code virtual_server}, its listeners, its
 * checkers and the scripts they trigger, and its status socket; the I/O shell around
 * {@link io.bramble.lvs.service.VirtualService}.
 */
package io.bramble.lvs.runtime;
