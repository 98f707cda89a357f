/**
 * The pool's Spark cluster with real {@code bramble node} processes on 127.0.7.x: started,
 * submitted to, inspected and stopped with {@code bramble compute}.
 */
package io.bramble.it.compute;
