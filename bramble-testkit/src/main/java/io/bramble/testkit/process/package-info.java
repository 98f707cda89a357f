/**
 * Long-running processes started for a test: their log files, readiness waits, stopping
 * (SIGTERM, then kill -9 after a grace period) and the JVM shutdown hook of last resort.
 */
package io.bramble.testkit.process;
