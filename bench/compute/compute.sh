# The compute cluster's benchmark, sourced by bench/run: seed 000's Monte-Carlo Pi job on a pool
# of two `bramble node`s on this machine (127.0.7.41 and .42, a worker of 1 core each), against
# the same drawing loop in plain Java on one core (io.bramble.spark.pi.JavaPi). Measures, with
# medians of --runs runs (default 3, quick 1):
#   - plain Java: samples per second on one core;
#   - the large job (8 partitions) through `bramble compute submit`: samples per second per
#     worker core, from the job's own time (Spark's "in S seconds"), and its ratio to plain
#     Java (the target is at least 0.8). Each job asks for both cores and its driver waits
#     for both executors before the job (spark.scheduler.minRegisteredResourcesRatio=1.0), so
#     the job's time is the computing, not the executors' JVMs starting;
#   - the seed's small job (24 partitions, 1,000,000 samples): Spark's job time (the seed's
#     cluster of four Pis took 0.72 s) and the whole `compute submit` (a new driver JVM);
#   - `compute start` until the master shows both workers registered: the first start
#     (Spark's jars copied from the local Maven repository into each node's cache) and starts
#     after a `compute stop`.
# Writes compute-runs.csv and compute.md into $RESULTS.

COMPUTE_NET=127.0.7
COMPUTE_NODES=(41 42)
COMPUTE_PORT=27470          # management port of every node
COMPUTE_SPARK_PORTS=(--port 27477 --webui-port 27480 --worker-webui-port 27481)

compute_cli() { # NODE WORD WORD ARGS... (the state folder before ARGS: submit passes them on)
    local n=$1; shift
    "$BRAMBLE" "$1" "$2" --state-dir "$CRUN/n$n" "${@:3}"
}

compute_up() {
    local n i out
    for n in "${COMPUTE_NODES[@]}"; do
        out=$CRUN/node-$n.log
        spawn_into "CPID_$n" "$out" "$BRAMBLE" node --state-dir "$CRUN/n$n" \
            --listen "$COMPUTE_NET.$n:$COMPUTE_PORT" --name "spark$n"
        for ((i = 0; i < 900; i++)); do grep -q "listening on" "$out" 2>/dev/null && break; sleep 0.1; done
        grep -q "listening on" "$out" || die "compute: bramble node $n did not start, see $out"
    done
    compute_cli 41 peer probe "$COMPUTE_NET.42" >/dev/null || die "compute: peer probe failed"
}

# compute_start: runs `compute start` and prints the ms until both workers are registered, as
# the master's JSON status says (what `compute status` reads; polled with curl, which costs
# the machine less than a bramble command each time)
compute_start() {
    local t0 i
    t0=$(date +%s%N)
    compute_cli 41 compute start --worker-cores 1 --worker-memory 1g "${COMPUTE_SPARK_PORTS[@]}" \
        >>"$CRUN/cli.log" 2>&1 || die "compute: compute start failed, see $CRUN/cli.log"
    for ((i = 0; i < 3000; i++)); do
        curl -s -m 1 "http://$COMPUTE_NET.41:27480/json/" | grep -q '"aliveworkers" : 2,' && {
            echo $((($(date +%s%N) - t0) / 1000000)); return 0; }
        sleep 0.1
    done
    die "compute: the workers did not register within 5 minutes, see $CRUN"
}

compute_stop() {
    compute_cli 41 compute stop >>"$CRUN/cli.log" 2>&1 || die "compute: compute stop failed"
}

# compute_job PARTITIONS SAMPLES: "spark_s wall_ms" of one run of the Pi job
compute_job() {
    local t0 out
    t0=$(date +%s%N)
    out=$(compute_cli 41 compute submit --class io.bramble.spark.pi.MonteCarloPi \
        --total-executor-cores 2 --conf spark.scheduler.minRegisteredResourcesRatio=1.0 \
        --conf spark.ui.enabled=false "$CJAR" "$1" "$2" 2>>"$CRUN/submit.log") ||
        die "compute: the job failed, see $CRUN/submit.log"
    echo "$(sed -n 's/^Spark estimated Pi at [0-9.]* in \([0-9.]*\) seconds.*/\1/p' <<<"$out")" \
        $((($(date +%s%N) - t0) / 1000000))
}

compute_main() {
    ensure_packages curl=curl
    bramble_built || { log "compute: bramble does not build; nothing measured"; return 0; }
    CJAR=$(ls "$ROOT"/bramble-spark/target/bramble-spark-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1)
    [ -f "$CJAR" ] || die "compute: bramble-spark's jar is missing (./mvnw -pl bramble-spark package)"
    CRUN=$WORK/compute
    mkdir -p "$CRUN"
    local runs=${RUNS_GIVEN:-3} big=8000000000 java_samples=4000000000 r
    [ $QUICK = 1 ] && runs=${RUNS_GIVEN:-1} big=2000000000 java_samples=1000000000
    local csv=$RESULTS/compute-runs.csv
    echo "what,run,value,unit" >"$csv"

    log "compute: plain Java on one core, $java_samples samples x $runs"
    for ((r = 1; r <= runs; r++)); do
        "$BRAMBLE_JAVA" -cp "$CJAR" io.bramble.spark.pi.JavaPi "$java_samples" |
            awk -v r=$r '{print "java_samples_per_s," r "," $(NF-1) ",samples/s"}' >>"$csv"
    done

    log "compute: a pool of two bramble nodes on $COMPUTE_NET.${COMPUTE_NODES[0]} and .${COMPUTE_NODES[1]}"
    compute_up
    echo "start_first,1,$(compute_start),ms" >>"$csv"
    for ((r = 1; r <= runs; r++)); do
        compute_stop
        echo "start_again,$r,$(compute_start),ms" >>"$csv"
    done
    local spark wall
    log "compute: the seed's small job (24 partitions, 1,000,000 samples) x $runs"
    for ((r = 1; r <= runs; r++)); do
        read -r spark wall < <(compute_job 24 1000000)
        echo "small_spark,$r,$spark,s" >>"$csv"
        echo "small_submit,$r,$wall,ms" >>"$csv"
    done
    log "compute: the large job (8 partitions, $big samples) x $runs"
    for ((r = 1; r <= runs; r++)); do
        read -r spark wall < <(compute_job 8 "$big")
        echo "large_spark,$r,$spark,s" >>"$csv"
        awk -v s="$big" -v t="$spark" -v r=$r 'BEGIN {printf "large_samples_per_s_core,%d,%.0f,samples/s\n", r, s / t / 2}' >>"$csv"
    done
    compute_stop
    local n
    for n in "${COMPUTE_NODES[@]}"; do
        local var=CPID_$n
        stop_group "${!var}" TERM 150
    done
    compute_report "$runs"
}

compute_median() { # WHAT
    median $(awk -F, -v w="$1" '$1 == w {print $3}' "$RESULTS/compute-runs.csv")
}

compute_report() { # RUNS
    local java per_core ratio
    java=$(compute_median java_samples_per_s)
    per_core=$(compute_median large_samples_per_s_core)
    ratio=$(awk -v a="$per_core" -v b="$java" 'BEGIN {printf "%.2f", a / b}')
    {
        echo "## Compute: seed 000's Pi job on the pool"
        echo
        echo "Two \`bramble node\`s on this machine, a Spark worker of 1 core on each; medians of $1 runs."
        echo
        echo "| measure | value |"
        echo "|---|---:|"
        awk -v v="$java" 'BEGIN {printf "| plain Java, one core (JavaPi) | %.3g samples/s |\n", v}'
        awk -v v="$per_core" 'BEGIN {printf "| the large job on the pool, per worker core | %.3g samples/s |\n", v}'
        echo "| ratio, pool per core / plain Java (target >= 0.8) | $ratio |"
        echo "| the seed's small job, Spark's job time (the seed's cluster: 0.72 s) | $(compute_median small_spark) s |"
        echo "| the seed's small job, whole \`compute submit\` | $(compute_median small_submit) ms |"
        echo "| \`compute start\` to both workers registered, first (jars copied in) | $(compute_median start_first) ms |"
        echo "| \`compute start\` to both workers registered, after a stop | $(compute_median start_again) ms |"
        echo
    } >"$RESULTS/compute.md"
    cat "$RESULTS/compute.md" >&2
}
