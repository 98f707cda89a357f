/** Content for {@code bramble web} servers in tests: folders whose pages name their server. */
package io.bramble.testkit.web;
