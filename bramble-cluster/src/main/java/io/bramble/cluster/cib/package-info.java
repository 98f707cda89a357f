/**
 * Pacemaker's CIB XML, read into the model and written back: configuration (properties,
 * nodes, resources, constraints, defaults) and status (membership, what runs where, fail
 * counts). What bramble does not implement is refused with the element and its line.
 */
package io.bramble.cluster.cib;
