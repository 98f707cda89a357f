/**
 * The resource manager's model in Pacemaker's words: nodes, properties, primitives and groups
 * with their attributes and operations, constraints, scores, and the current status. Immutable
 * records only; the policy engine and the CIB codec use them, nothing here does I/O.
 */
package io.bramble.cluster.model;
