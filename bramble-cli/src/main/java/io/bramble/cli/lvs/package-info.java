/** {@code bramble lvs}: the virtual server table of a running director; wiring only. */
package io.bramble.cli.lvs;
