/**
 * Short OS commands with bounded time and bounded output, and signals sent to processes: the
 * kit's only way to run tools such as {@code ip} and {@code kill}.
 */
package io.bramble.testkit.exec;
