# The growing phase of `bench/run fs`, sourced by fs.sh: a volume of two bricks holding
# REBALANCE_MB MiB is grown by a pair of bricks and rebalanced, in Gluster and in bramble.
#
#   rebalance  a Distribute volume of 2 bricks is made for the run (Gluster: of the bench's
#              glusterd; bramble: bricks on nodes 1 and 2) and mounted; REBALANCE_FILES files
#              of REBALANCE_MB / REBALANCE_FILES MiB each, copies of one random file, are
#              written through the mount and synced; `volume add-brick VOL` appends a pair of
#              bricks (bramble: one on each node); `volume rebalance VOL start force` (force:
#              every brick is on the same disk, and both tools skip every file without it
#              then); `volume rebalance VOL status` is polled until every row says completed.
#              Measured: from the start command's return to the first poll that shows the run
#              completed, the files and bytes the tool reports moved, and the CPU of the
#              file-system processes over it (Gluster: glusterd, the bricks, the rebalance
#              process it starts, the client; bramble: the nodes and the mount client). Then
#              every file is read back through the mount and compared with the random file,
#              and the files each brick holds are counted (pointers left by the moves, mode
#              ---------T, not counted). The volume is deleted and its bricks removed.
#
# Only Distribute volumes: bramble moves files between single bricks only (between replica,
# disperse or stripe sets it refuses `rebalance start` and says to run fix-layout instead),
# so the pair added is a pair of single bricks in both tools.

FS_RB_POLL_S=0.2
FS_RB_TIMEOUT_S=${FS_RB_TIMEOUT_S:-900}   # a rebalance that takes longer is a failure
FS_RB_SAME=0 FS_RB_DIFFER=0               # files compared with the source after the runs
declare -A FS_RB_SPREAD                   # target -> "a b c d" files per brick, last run

fs_rebalance_settings() {
    if [ "$QUICK" = 1 ]; then
        FS_RB_MB=${REBALANCE_MB_GIVEN:-128} FS_RB_FILES=${REBALANCE_FILES_GIVEN:-32}
    else
        FS_RB_MB=${REBALANCE_MB_GIVEN:-1024} FS_RB_FILES=${REBALANCE_FILES_GIVEN:-128}
    fi
    [ $((FS_RB_MB * 1024 % FS_RB_FILES)) = 0 ] ||
        die "--rebalance-mb $FS_RB_MB is not a whole number of KiB per file of $FS_RB_FILES"
    FS_RB_FILE_KB=$((FS_RB_MB * 1024 / FS_RB_FILES))
}

fs_rebalance_setup() {
    fs_rebalance_settings
    head -c $((FS_RB_FILE_KB * 1024)) /dev/urandom >"$FS_BASE/rebalance-data" ||
        die "cannot write $FS_BASE/rebalance-data"
    FS_RB_SUM=$(sha1sum <"$FS_BASE/rebalance-data" | cut -d' ' -f1)
}

fs_rb_cli() { # TARGET ARGS...: the tool's own CLI
    local target=$1; shift
    case $target in
        gluster-rb) $GLUSTER "$@" ;;
        bramble-rb) fs_bramble_poll "$@" --mode=script ;;
    esac
}

# fs_rb_bricks TARGET RUN FIRST LAST: the bricks FIRST..LAST of the run's volume, as
# HOST:PATH (bramble's alternate between nodes 1 and 2)
fs_rb_bricks() {
    local target=$1 run=$2 i out=''
    for ((i = $3; i <= $4; i++)); do
        case $target in
            gluster-rb) out+=" $FS_GHOST:$FS_BRICKS/gluster/rb-$run-$i" ;;
            bramble-rb) out+=" ${FS_NODE_ADDRS[$(((i - 1) % 2))]}:$FS_BRICKS/bramble/rb-$run-$i" ;;
        esac
    done
    echo $out
}

fs_rb_brick_path() { # TARGET RUN I
    case $1 in
        gluster-rb) echo "$FS_BRICKS/gluster/rb-$2-$3" ;;
        bramble-rb) echo "$FS_BRICKS/bramble/rb-$2-$3" ;;
    esac
}

# fs_rb_status TARGET VOL: the rebalance's rows as "STATE FILES SIZE FAILURES", one per node
# (the state's words joined by "-": in-progress, completed, failed, ...)
fs_rb_status() {
    fs_rb_cli "$1" volume rebalance "$2" status 2>&1 | awk '
        /^ *-+ +-+/ {rows = 1; next}
        /^volume rebalance:/ {rows = 0}
        rows && NF >= 8 {
            state = $7
            for (i = 8; i < NF; i++) state = state "-" $i
            print state, $2, $3, $5
        }'
}

# fs_rb_pids TARGET VOL: the processes whose CPU is the rebalance's, now (Gluster's bricks
# are "--volfile-id VOL.HOST...", its rebalance process "--volfile-id rebalance/VOL")
fs_rb_pids() {
    case $1 in
        gluster-rb) echo "$FS_GLUSTERD_PID" $(pgrep -f -- "--volfile-id (rebalance/)?$2[ .]") \
            $(fs_client_pid "$FS_MNT/$1-$FS_RB_RUN") ;;
        bramble-rb) echo "${FS_NODE_PIDS[*]}" $(fs_client_pid "$FS_MNT/$1-$FS_RB_RUN") ;;
    esac
}

# The CPU of a run: each process's ticks when the run starts, and when last seen by a poll;
# a process first seen after the start (Gluster's rebalance process) counts from its birth.
declare -A FS_RB_TICKS0 FS_RB_TICKS1
fs_rb_ticks_start() { # PID...
    local p
    FS_RB_TICKS0=() FS_RB_TICKS1=()
    for p in "$@"; do FS_RB_TICKS0[$p]=$(pid_ticks "$p") FS_RB_TICKS1[$p]=${FS_RB_TICKS0[$p]}; done
}
fs_rb_ticks_seen() { # PID...
    local p t
    for p in "$@"; do
        t=$(pid_ticks "$p")
        [ -n "${FS_RB_TICKS0[$p]:-}" ] || FS_RB_TICKS0[$p]=0
        # a process that has ended reads as 0: its last reading stands
        [ "$t" -gt 0 ] && FS_RB_TICKS1[$p]=$t
    done
}
fs_rb_cpu_s() {
    local p total=0
    for p in "${!FS_RB_TICKS0[@]}"; do
        total=$((total + ${FS_RB_TICKS1[$p]:-0} - FS_RB_TICKS0[$p]))
    done
    awk -v t="$total" -v hz="$HZ" 'BEGIN {printf "%.2f", t / hz}'
}

# fs_rb_mount TARGET RUN VOL: mounts the run's volume; the mount point is echoed
fs_rb_mount() {
    local m; m=$(fs_mount_point "$1-$2")
    case $1 in
        gluster-rb) mount -t glusterfs -o "log-file=$FS_LOGS/$1-$2-client.log" \
            "$FS_GHOST:/$3" "$m" ;;
        bramble-rb) "$BRAMBLE" mount --state-dir "$FS_BASE/nodes/1" \
            --log-file "$FS_LOGS/$1-$2-client.log" "${FS_NODE_ADDRS[0]}:/$3" "$m" ;;
    esac >>"$FS_LOGS/setup.log" 2>&1 || return 1
    FS_MOUNTED[$m]=1
    echo "$m"
}

# fs_rb_remove TARGET RUN VOL M: unmounts, deletes the volume and its bricks' folders
fs_rb_remove() {
    local target=$1 run=$2 vol=$3 m=$4 i
    if [ -n "$m" ] && mountpoint -q "$m"; then
        umount "$m" 2>/dev/null || { sleep 1; umount "$m" 2>/dev/null; } || umount -l "$m"
    fi
    unset "FS_MOUNTED[$m]"
    case $target in
        gluster-rb) $GLUSTER volume stop "$vol" force ;;
        bramble-rb) fs_bramble_cli volume stop "$vol" force --mode=script ;;
    esac >>"$FS_LOGS/setup.log" 2>&1
    case $target in
        gluster-rb) $GLUSTER volume delete "$vol" ;;
        bramble-rb) fs_bramble_cli volume delete "$vol" --mode=script ;;
    esac >>"$FS_LOGS/setup.log" 2>&1
    for i in 1 2 3 4; do rm -rf --one-file-system "$(fs_rb_brick_path "$target" "$run" "$i")"; done
    [ "$target" = gluster-rb ] && rm -rf "${FS_GLUSTERD_VOLS:?}/$vol" \
        "/var/run/gluster/vols/$vol" 2>/dev/null
    return 0
}

# fs_rb_spread TARGET RUN: the files of the run's folder each brick holds (pointers not counted)
fs_rb_spread() {
    local i b out=''
    for i in 1 2 3 4; do
        b=$(fs_rb_brick_path "$1" "$2" "$i")/data
        out+=" $(find "$b" -type f ! -perm -1000 2>/dev/null | wc -l)"
    done
    echo $out
}

fs_rb_record_failed() { # RECORD TARGET RUN MB
    $1 "$2" "$3" rebalance "$4" MB -
}

# fs_rebalance_phase TARGET RUN: one grown volume; RUN "warmup" records nothing
fs_rebalance_phase() {
    local target=$1 run=$2 vol=fsbench-rb-$2 m='' raw=$FS_LOGS/$1-$2
    local mb; mb=$(awk -v m="$FS_RB_MB" 'BEGIN {printf "%.3f", m * 1048576 / 1e6}')
    local record=fs_phase_end
    [ "$run" = warmup ] && record=:
    FS_RB_RUN=$run
    mkdir -p "$FS_BRICKS/gluster" "$FS_BRICKS/bramble"
    # force: every brick is on one host and on the root file system
    if ! fs_rb_cli "$target" volume create "$vol" $(fs_rb_bricks "$target" "$run" 1 2) force \
            >>"$FS_LOGS/setup.log" 2>&1 ||
        ! fs_rb_cli "$target" volume start "$vol" >>"$FS_LOGS/setup.log" 2>&1 ||
        ! m=$(fs_rb_mount "$target" "$run" "$vol") || ! mkdir -p "$m/data"; then
        log "  $target: the volume of run $run was not made and mounted (see $FS_LOGS/setup.log)"
        fs_rb_record_failed "$record" "$target" "$run" "$mb"
        fs_rb_remove "$target" "$run" "$vol" "$m"
        return 1
    fi
    local i
    for ((i = 1; i <= FS_RB_FILES; i++)); do
        cp "$FS_BASE/rebalance-data" "$m/data/f$i" || break
    done
    sync
    if [ "$i" -le "$FS_RB_FILES" ] ||
        ! fs_rb_cli "$target" volume add-brick "$vol" $(fs_rb_bricks "$target" "$run" 3 4) \
            force >>"$FS_LOGS/setup.log" 2>&1; then
        log "  $target: writing the files or add-brick failed (see $FS_LOGS/setup.log)"
        fs_rb_record_failed "$record" "$target" "$run" "$mb"
        fs_rb_remove "$target" "$run" "$vol" "$m"
        return 1
    fi
    # the new bricks' processes exist now
    fs_rb_ticks_start $(fs_rb_pids "$target" "$vol")
    local load1 t0 s e rows ok=0 polls=$raw-rebalance-polls.txt
    load1=$(cut -d' ' -f1 /proc/loadavg)
    : >"$polls"
    if fs_rb_cli "$target" volume rebalance "$vol" start force >"$raw-rebalance-start.txt" 2>&1; then
        t0=$EPOCHREALTIME
        while :; do
            s=$EPOCHREALTIME
            rows=$(fs_rb_status "$target" "$vol")
            e=$EPOCHREALTIME
            fs_rb_ticks_seen $(fs_rb_pids "$target" "$vol")
            fs_poll_line "$polls" status "$t0" "$s" "$e" "$(echo $rows)"
            if [ -n "$rows" ] && ! grep -qv '^completed ' <<<"$rows"; then ok=1; break; fi
            grep -Eq '^(failed|stopped) ' <<<"$rows" && break
            fs_seconds_since "$t0" "$FS_RB_TIMEOUT_S" || break
            sleep $FS_RB_POLL_S
        done
    fi
    local secs=- cpu files size failures
    if [ $ok = 1 ]; then
        secs=$(fs_seconds_between "$t0" "$e")
    else
        log "  $target: the rebalance did not complete (see $raw-rebalance-start.txt, $polls)"
    fi
    cpu=$(fs_rb_cpu_s)
    files=$(awk '{n += $2} END {print n + 0}' <<<"$rows")
    size=$(awk '{printf "%s%s", (NR > 1 ? "+" : ""), $3}' <<<"$rows")
    failures=$(awk '{n += $4} END {print n + 0}' <<<"$rows")
    # the MB moved: the files the tool reports moved, each of the same size
    mb=$(awk -v n="$files" -v kb="$FS_RB_FILE_KB" 'BEGIN {printf "%.3f", n * kb * 1024 / 1e6}')
    if [ "$run" != warmup ]; then
        awk -v t="$target" -v r="$run" -v n="$mb" -v s="$secs" -v c="$cpu" -v l="$load1" \
            'BEGIN {
                rate = (s ~ /^[0-9.]+$/ && s > 0) ? sprintf("%.1f", n / s) : "-"
                per = n > 0 ? sprintf("%.3f", c * 1000 / n) : "-"
                printf "%s,%s,rebalance,%s,MB,%s,%s,%s,%s,%s\n", t, r, n, s, rate, c, per, l
            }' >>"$RESULTS/fs-runs.csv"
    fi
    FS_RB_SPREAD[$target]=$(fs_rb_spread "$target" "$run")
    if [ "$run" != warmup ]; then
        echo "$target,$run,$files,$size,$failures,${FS_RB_SPREAD[$target]}" \
            >>"$RESULTS/fs-rebalance.csv"
        log "  $(tail -1 "$RESULTS/fs-runs.csv"); moved $files files ($size), $failures" \
            "failures; files per brick ${FS_RB_SPREAD[$target]}"
    fi
    fs_rb_check "$target" "$m" "$run"
    fs_rb_remove "$target" "$run" "$vol" "$m"
    return 0
}

# fs_rb_check TARGET M RUN: every file read back through the mount, compared with the source
fs_rb_check() {
    local i sum bad=0
    for ((i = 1; i <= FS_RB_FILES; i++)); do
        sum=$(sha1sum <"$2/data/f$i" 2>/dev/null | cut -d' ' -f1)
        [ "$sum" = "$FS_RB_SUM" ] || bad=$((bad + 1))
    done
    [ "$3" = warmup ] && return 0
    FS_RB_SAME=$((FS_RB_SAME + FS_RB_FILES - bad)) FS_RB_DIFFER=$((FS_RB_DIFFER + bad))
    [ $bad = 0 ] || log "  $1: $bad of $FS_RB_FILES files read back differ after the rebalance"
}

fs_rebalance_rounds() {
    local t r
    echo "target,run,files_moved,size,failures,files_per_brick" >"$RESULTS/fs-rebalance.csv"
    log "fs: warm-up rebalance, $FS_RB_FILES files of $FS_RB_FILE_KB KiB per target"
    for t in gluster-rb bramble-rb; do fs_rebalance_phase "$t" warmup; done
    log "fs: $FS_RUNS rounds of a rebalance of $FS_RB_MB MiB ($FS_RB_FILES files) onto an added pair"
    for ((r = 1; r <= FS_RUNS; r++)); do
        for t in gluster-rb bramble-rb; do
            log "fs: round $r, $t, rebalance"
            fs_rebalance_phase "$t" "$r"
        done
    done
}

fs_rebalance_markdown() {
    echo "## Growing a volume: a rebalance onto an added pair of bricks"
    echo
    echo "A Distribute volume of 2 bricks (bramble: one on each node) holding $FS_RB_MB MiB in"
    echo "$FS_RB_FILES files of $FS_RB_FILE_KB KiB, grown by \`volume add-brick\` of 2 bricks and"
    echo "rebalanced with \`volume rebalance VOL start force\` (force: every brick is on one disk,"
    echo "and both tools skip every file without it then). A new volume for each run; median of"
    echo "$FS_RUNS interleaved runs. *Time*: from the start command's return until \`volume"
    echo "rebalance VOL status\`, polled 0.2 s after the previous poll returned, shows the run"
    echo "completed (bramble's CLI is a JVM: its polls take longer, see raw/fs/*-rebalance-polls.txt)."
    echo "*MB moved*: the files the tool reports moved (\`Rebalanced-files\`) times their size, in"
    echo "10^6 bytes; *MB/s* those over the time. CPU: the file-system processes (Gluster's"
    echo "glusterd, bricks, rebalance process and client; bramble's nodes and mount client) over"
    echo "the run, per MB moved. Every file was read back through the mount afterwards:"
    echo "$FS_RB_SAME identical to what was written, $FS_RB_DIFFER different. Moving files between"
    echo "replica, disperse or stripe sets is not in bramble yet, so the pair is of single bricks."
    echo
    [ "$QUICK" = 1 ] &&
        echo "*A quick run (small sizes, one run): compare with a full run.*" && echo
    echo "| | time s | MB moved | MB/s | CPU s | CPU ms/MB | files per brick (last run) |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    local t g b
    for t in gluster-rb bramble-rb; do
        awk -F, -v t="$t" -v spread="${FS_RB_SPREAD[$t]:-}" '
            $1 == t && $2 == "rebalance" {
                name = (t == "gluster-rb") ? "Gluster" : "bramble"
                printf "| %s | %s | %s | %s | %s | %s | %s |\n", name, $4, $3, $5, $6, $7, spread
            }' "$RESULTS/fs.csv"
    done
    # every column's ratio: bramble's median over Gluster's
    awk -F, '$2 == "rebalance" && ($1 == "gluster-rb" || $1 == "bramble-rb") {
            row[$1] = $4 "," $3 "," $5 "," $6 "," $7
        }
        END {
            n = split(row["gluster-rb"], g, ","); split(row["bramble-rb"], b, ",")
            line = "| ratio bramble/Gluster |"
            for (i = 1; i <= n; i++)
                line = line " " ((g[i] + 0 > 0 && b[i] ~ /^[0-9.]+$/) ? sprintf("%.2f", b[i] / g[i]) : "-") " |"
            print line " |"
        }' "$RESULTS/fs.csv"
    echo
}
