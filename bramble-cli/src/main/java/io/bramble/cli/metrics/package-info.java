/** The {@code --metrics ADDR:PORT} page that {@code bramble node} and {@code bramble vrrp} serve. */
package io.bramble.cli.metrics;
