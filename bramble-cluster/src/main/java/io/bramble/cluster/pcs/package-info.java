/**
 * pcs's grammar on a CIB file, as {@code pcs -f FILE} runs it: words in, the edited CIB and
 * pcs's messages out. Pure: the caller reads and writes the file and finds the agents.
 */
package io.bramble.cluster.pcs;
