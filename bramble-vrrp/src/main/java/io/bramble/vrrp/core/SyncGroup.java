package io.bramble.vrrp.core;

import io.bramble.vrrp.core.VrrpAction.StateChanged;
import java.util.List;

/**
 * Keeps the instances of a sync group in step, as keepalived does: one in FAULT puts all in
 * FAULT; one stepping down from MASTER takes the others down; and they become master only
 * together, once every member's down timer has run out (a member alone would fight the
 * peer node's group and flap).
 */
final class SyncGroup {
    private final String name;
    private final List<VrrpInstance> members;

    SyncGroup(String name, List<VrrpInstance> members) {
        this.name = name;
        this.members = List.copyOf(members);
        members.forEach(VrrpInstance::joinSyncGroup);
    }

    /**
     * Applies the group's rules after one step.
     *
     * @param stepActions the actions of the step so far, to see who stepped down
     * @param out where the actions of forced transitions go
     */
    void apply(long now, List<VrrpAction> stepActions, List<VrrpAction> out) {
        for (VrrpInstance member : members) {
            member.setGroupFault(othersFaulty(member), now, out);
        }
        if (steppedDown(stepActions)) {
            for (VrrpInstance member : members) {
                member.forceBackup(now, "sync group " + name + " left MASTER", out);
            }
            return;
        }
        boolean anyReady = false;
        for (VrrpInstance member : members) {
            VrrpState state = member.state();
            if (!member.readyForMaster() && state != VrrpState.MASTER) {
                return;
            }
            anyReady |= member.readyForMaster();
        }
        if (anyReady) {
            for (VrrpInstance member : members) {
                member.forceMaster(now, "master down timer expired (sync group " + name + ")",
                        out);
            }
        }
    }

    private boolean othersFaulty(VrrpInstance member) {
        for (VrrpInstance other : members) {
            if (other != member && other.ownFault() != null) {
                return true;
            }
        }
        return false;
    }

    private boolean steppedDown(List<VrrpAction> stepActions) {
        for (VrrpAction action : stepActions) {
            if (action instanceof StateChanged changed && changed.from() == VrrpState.MASTER
                    && changed.to() == VrrpState.BACKUP && isMember(changed.instance())) {
                return true;
            }
        }
        return false;
    }

    private boolean isMember(String instance) {
        for (VrrpInstance member : members) {
            if (member.name().equals(instance)) {
                return true;
            }
        }
        return false;
    }
}
