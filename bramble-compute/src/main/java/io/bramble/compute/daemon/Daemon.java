package io.bramble.compute.daemon;

/** The two kinds of Spark process a node runs for the pool. */
public enum Daemon {
    MASTER("org.apache.spark.deploy.master.Master",
            "master"), WORKER("org.apache.spark.deploy.worker.Worker", "worker");

    private final String mainClass;
    private final String word;

    Daemon(String mainClass, String word) {
        this.mainClass = mainClass;
        this.word = word;
    }

    public String mainClass() {
        return mainClass;
    }

    /** The word users see: {@code master}, {@code worker}; also its log file's name. */
    public String word() {
        return word;
    }
}
