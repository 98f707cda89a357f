/**
 * A deterministic simulation of a whole volume (distribute over replicate over in-memory
 * copies that fail), checked against a model after every step; one seed replays a run.
 */
package io.bramble.fs.simulation;
