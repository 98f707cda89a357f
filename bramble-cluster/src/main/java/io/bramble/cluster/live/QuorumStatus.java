package io.bramble.cluster.live;

import io.bramble.pool.member.Member;
import io.bramble.pool.member.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code pcs quorum status} for the pool: corosync-quorumtool's three sections, with the
 * pool's store as the quorum provider. Every member has one vote (a witness too), node ids are
 * the members' places in join order, and the quorum is the store's majority. Pure.
 */
public final class QuorumStatus {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(
            "EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    private QuorumStatus() {
    }

    /**
     * @param members the pool's members, in join order
     * @param self the asking member
     * @param reachable how many members (self included) the asking member reaches
     */
    public static String render(List<Member> members, UUID self, int reachable, Instant now,
            ZoneId zone) {
        int majority = members.size() / 2 + 1;
        boolean quorate = reachable >= majority;
        int selfId = 0;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).id().equals(self)) {
                selfId = i + 1;
            }
        }
        List<String> out = new ArrayList<>();
        out.add("Quorum information");
        out.add("------------------");
        out.add(row("Date:", DATE.format(now.atZone(zone))));
        out.add(row("Quorum provider:", "bramble pool (Raft store)"));
        out.add(row("Nodes:", Integer.toString(reachable)));
        out.add(row("Node ID:", Integer.toString(selfId)));
        out.add(row("Quorate:", quorate ? "Yes" : "No"));
        out.add("");
        out.add("Votequorum information");
        out.add("----------------------");
        out.add(row("Expected votes:", Integer.toString(members.size())));
        out.add(row("Highest expected:", Integer.toString(members.size())));
        out.add(row("Total votes:", Integer.toString(reachable)));
        out.add(row("Quorum:", majority + (quorate ? "" : " Activity blocked")));
        out.add(row("Flags:", quorate ? "Quorate" : ""));
        out.add("");
        out.add("Membership information");
        out.add("----------------------");
        out.add("    Nodeid      Votes Name");
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            out.add(String.format(Locale.ROOT, "%10d %10d %s%s%s", i + 1, 1, m.hostname(),
                    m.id().equals(self) ? " (local)" : "", m.role() == Role.WITNESS
                            ? " (witness)"
                            : ""));
        }
        return String.join("\n", out) + "\n";
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "%-18s%s", label, value);
    }
}
