#!/usr/bin/env bash
# Seed 000's pool (recipe 2, steps 2-4) and seed 003's probe and pool list, on this machine:
# four bramble nodes on 127.0.0.11-14 named gluster1.local ... gluster4.local, the seeds'
# commands typed as they are through a 'gluster' link to bin/bramble. No root needed.
#   examples/pool/seed-probes.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bramble=$(cd "$here/../.." && pwd)/bin/bramble
work=$(mktemp -d /tmp/bramble-seed-XXXXXX)
port=${BRAMBLE_SEED_PORT:-24007}
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The machines' names, as mDNS gives them on the seed's LAN.
for n in 1 2 3 4; do echo "127.0.0.1$n gluster$n.local gluster$n"; done >"$work/hosts"
export BRAMBLE_JAVA_OPTS="-Djdk.net.hosts.file=$work/hosts ${BRAMBLE_JAVA_OPTS:-}"
ln -s "$bramble" "$work/gluster"

"$bramble" --version >/dev/null # builds bramble first when needed
for n in 1 2 3 4; do
    "$bramble" node --state-dir "$work/gluster$n" --listen "127.0.0.1$n:$port" \
        --name "gluster$n.local" >"$work/gluster$n.log" 2>&1 &
    pids+=($!)
done
for n in 1 2 3 4; do
    until [ -S "$work/gluster$n/cli.sock" ]; do sleep 0.2; done
done

on() { # on gluster1 CMD...: run a command as that machine's user would
    local host=$1
    shift
    echo "pi@$host ~ \$ sudo $*"
    BRAMBLE_STATE_DIR="$work/$host" PATH="$work:$PATH" "$@"
    echo
}
on gluster1 gluster peer probe gluster2.local
on gluster1 gluster peer probe gluster3.local
on gluster1 gluster peer probe gluster4.local
on gluster1 gluster peer status
on gluster2 gluster peer status
on gluster2 gluster peer probe gluster1.local
on gluster1 gluster peer probe gluster1.local
on gluster2 gluster pool list
