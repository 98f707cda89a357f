/**
 * {@code bramble compute ...}: the pool's Spark cluster. Start, status and stop are run by the
 * local node; submit asks it where to submit and runs spark-submit here.
 */
package io.bramble.cli.compute;
