/** Addresses and ports as users write them in configs and on the command line. */
package io.bramble.common.net;
