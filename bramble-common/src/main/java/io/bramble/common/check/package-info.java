/** Always-on invariant and argument checks shared by every module. */
package io.bramble.common.check;
