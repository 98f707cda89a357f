/**
 * {@code compute submit}: reading a spark-submit line, the checks made before anything runs,
 * and where the application goes (the pool's master, the local node's Spark home). The
 * command itself runs spark-submit as a child of the client, so its output and exit code are
 * the application's.
 */
package io.bramble.compute.submit;
