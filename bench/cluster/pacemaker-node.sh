#!/bin/bash
# pacemaker-node.sh N DIR: one Corosync 3 + Pacemaker 2 node, run as
#   ip netns exec bbc-nN unshare -m -u --propagation private bash pacemaker-node.sh N DIR
# so that /run, /dev/shm and the stacks' folders are the node's own (bind-mounted from DIR)
# and its host name is nN. Stays in the foreground while corosync and pacemakerd run.
set -e
N=$1 D=$2
hostname "n$N"
# the lab's namespaces stay in sight under the node's own /run: the lab fence agent names them
mkdir -p "$D/netns"
mount --rbind /run/netns "$D/netns"
mount -t tmpfs tmpfs /run
mkdir -p /run/netns
mount --rbind "$D/netns" /run/netns
mkdir -p /run/crm /run/resource-agents /run/lock
chown hacluster:haclient /run/crm
mount -t tmpfs tmpfs /dev/shm
for d in etc/corosync var/lib/corosync var/log/corosync var/lib/pacemaker var/log/pacemaker; do
    mount --bind "$D/${d//\//-}" "/$d"
done
export PCMK_logfile=/var/log/pacemaker/pacemaker.log
corosync -f &
echo $! >"$D/corosync.pid"
for _ in $(seq 1 50); do corosync-cfgtool -s >/dev/null 2>&1 && break; sleep 0.2; done
pacemakerd &
wait
