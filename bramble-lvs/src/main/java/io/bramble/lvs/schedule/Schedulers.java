package io.bramble.lvs.schedule;

/** Makes the scheduler a virtual service names; callers never switch on the kind again. */
public final class Schedulers {
    private Schedulers() {
    }

    public static Scheduler create(SchedulerKind kind) {
        return switch (kind) {
            case RR -> new RoundRobin();
            case WRR -> new WeightedRoundRobin();
            case LC -> new LeastConnection();
            case WLC -> new WeightedLeastConnection();
            case SED -> new ShortestExpectedDelay();
            case NQ -> new NeverQueue();
            case FO -> new WeightedFailover();
            case OVF -> new WeightedOverflow();
            case SH -> new SourceHashing();
            case DH -> new DestinationHashing();
            case MH -> new MaglevHashing();
            case LBLC -> new LocalityLeastConnection();
            case LBLCR -> new LocalityReplication();
        };
    }
}
