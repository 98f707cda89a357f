/**
 * How to run {@code bramble} from a test: the command line that starts the CLI in a JVM of its
 * own, or a {@code bin/bramble} named by a system property.
 */
package io.bramble.testkit.launch;
