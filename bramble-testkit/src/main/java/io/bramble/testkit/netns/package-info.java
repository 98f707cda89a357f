/**
 * Network-namespace labs: hosts in namespaces of their own on a bridge that lives in a
 * "switch" namespace, so a lab never touches the machine's own interfaces; cutting and
 * restoring a host's link; teardown of every namespace and process a lab made.
 */
package io.bramble.testkit.netns;
