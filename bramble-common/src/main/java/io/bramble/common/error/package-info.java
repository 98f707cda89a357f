/** Errors meant for the user: one clear message and an exit code, never a stack trace. */
package io.bramble.common.error;
