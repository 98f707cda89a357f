package io.bramble.it.fs;

import io.bramble.testkit.fault.Faults;

/**
 * The faults a chaos run in an {@link FsLab} injects on one node, each with the way back:
 * the run injects one, waits, takes it back and waits for the heal before the next.
 */
enum LabFault {
    /** The node dies at once (kill -9) and is started again. */
    KILLED("killed (kill -9), started again") {
        @Override
        void inject(FsLab lab, String node) {
            Faults.kill9(lab.node(node));
        }

        @Override
        void restore(FsLab lab, String node) {
            lab.restart(node);
        }
    },
    /** The node hangs (SIGSTOP): its connections stay open and nothing answers. */
    HUNG("hung (SIGSTOP), resumed") {
        @Override
        void inject(FsLab lab, String node) {
            Faults.pause(lab.node(node));
        }

        @Override
        void restore(FsLab lab, String node) {
            Faults.resume(lab.node(node));
        }
    },
    /** The node's cable is pulled at the switch: no frame passes either way. */
    CABLE_CUT("cable pulled, plugged in again") {
        @Override
        void inject(FsLab lab, String node) {
            Faults.linkDown(lab.host(node));
        }

        @Override
        void restore(FsLab lab, String node) {
            Faults.linkUp(lab.host(node));
        }
    },
    /** Only the client and the node lose each other; both still reach every other machine. */
    CUT_FROM_CLIENT("cut from the client only") {
        @Override
        void inject(FsLab lab, String node) {
            lab.cutRoute(FsLab.CLIENT, node);
        }

        @Override
        void restore(FsLab lab, String node) {
            lab.restoreRoute(FsLab.CLIENT, node);
        }
    },
    /** The node is stopped as a service manager stops it (SIGTERM) and started again. */
    RESTARTED("stopped (SIGTERM), started again") {
        @Override
        void inject(FsLab lab, String node) {
            lab.node(node).stop();
        }

        @Override
        void restore(FsLab lab, String node) {
            lab.restart(node);
        }
    };

    private final String shown;

    LabFault(String shown) {
        this.shown = shown;
    }

    abstract void inject(FsLab lab, String node);

    abstract void restore(FsLab lab, String node);

    /** What happened to {@code node}, for the run's report. */
    String describe(String node) {
        return node + " " + shown;
    }
}
