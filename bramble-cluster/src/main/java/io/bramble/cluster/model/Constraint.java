package io.bramble.cluster.model;

/** A placement or ordering rule between resources and nodes. */
public sealed interface Constraint
        permits LocationConstraint, ColocationConstraint, OrderConstraint {
    /** The constraint's id in the CIB. */
    String id();
}
