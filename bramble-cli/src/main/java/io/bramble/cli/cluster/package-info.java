/**
 * {@code bramble cluster}: wiring of the resource manager's commands to bramble-cluster; no
 * logic of its own.
 */
package io.bramble.cli.cluster;
