/** Facts about the running process that the operating system knows: who it runs as. */
package io.bramble.common.os;
