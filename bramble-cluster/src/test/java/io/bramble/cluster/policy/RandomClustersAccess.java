package io.bramble.cluster.policy;

import io.bramble.cluster.model.Cluster;

/** Lets tests in other packages use the random clusters of the differential test. */
public final class RandomClustersAccess {
    private RandomClustersAccess() {
    }

    public static Cluster generate(long seed) {
        return RandomClusters.generate(seed);
    }
}
