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
#   - the large job again on the same Spark started by hand (its master and two workers run
#     from the first node's jars, submitted by Spark's own SparkSubmit) with no bramble
#     running: what Spark alone gets from the two cores, beside the pool's figure;
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

# compute_spark_options: sets COMPUTE_SPARK_JVM to the options bramble's node gave the Spark
# master it runs (Spark's launcher's module options, up to the daemon's heap) and
# COMPUTE_SPARK_HEAP to that heap, read from the running master's command line, so that Spark
# started by hand gets the same JVM (without bramble's -D properties, which follow the heap)
compute_spark_options() {
    local pid arg
    COMPUTE_SPARK_JVM=()
    for pid in $(pgrep -f "org.apache.spark.deploy.master.Master"); do
        # the java process itself, not the shell that watches it for the node
        [[ "$(tr '\0' '\n' <"/proc/$pid/cmdline" | head -1)" == */bin/java ]] || continue
        while IFS= read -r arg; do
            if [[ "$arg" == -Xmx* ]]; then
                COMPUTE_SPARK_HEAP=$arg
                break
            fi
            COMPUTE_SPARK_JVM+=("$arg")
        done < <(tr '\0' '\n' <"/proc/$pid/cmdline" | tail -n +2)
        [ -n "${COMPUTE_SPARK_HEAP:-}" ] ||
            die "compute: the pool's Spark master has no -Xmx option; its JVM options cannot be told from bramble's"
        log "compute: Spark's JVM options, as the pool's master has them: ${COMPUTE_SPARK_JVM[*]} $COMPUTE_SPARK_HEAP"
        return 0
    done
    die "compute: the pool's Spark master is not running; its JVM options cannot be read"
}
COMPUTE_HAND_PORT=27487     # the hand-started master's port (web UI 27490, workers' 27491)

# compute_spark_java HOME ADDRESS CLASS ARGS...: sets COMPUTE_CMD to a Spark JVM from HOME, as
# Spark's launcher would start it (what sbin/start-master.sh and start-worker.sh end in)
compute_spark_java() {
    local home=$1 address=$2; shift 2
    COMPUTE_CMD=(env SPARK_HOME="$home" SPARK_SCALA_VERSION="$COMPUTE_SCALA"
        SPARK_LOCAL_IP="$address" "$BRAMBLE_JAVA" "${COMPUTE_SPARK_JVM[@]}"
        -cp "$home/conf/:$home/jars/*" "$@")
}

# compute_hand_up HOME: Spark's own master and two workers of 1 core, started by hand on the
# addresses the nodes used, with no bramble running
compute_hand_up() {
    local home=$1 n i
    compute_spark_java "$home" "$COMPUTE_NET.41" "$COMPUTE_SPARK_HEAP" org.apache.spark.deploy.master.Master \
        --host "$COMPUTE_NET.41" --port $COMPUTE_HAND_PORT --webui-port 27490
    spawn_into HAND_MASTER "$CRUN/hand-master.log" "${COMPUTE_CMD[@]}"
    HAND_WORKERS=()
    for n in "${COMPUTE_NODES[@]}"; do
        compute_spark_java "$home" "$COMPUTE_NET.$n" "$COMPUTE_SPARK_HEAP" org.apache.spark.deploy.worker.Worker \
            --host "$COMPUTE_NET.$n" --cores 1 --memory 1g --webui-port 27491 \
            --work-dir "$CRUN/hand-work-$n" "spark://$COMPUTE_NET.41:$COMPUTE_HAND_PORT"
        spawn_into "HAND_WORKER_$n" "$CRUN/hand-worker-$n.log" "${COMPUTE_CMD[@]}"
        local var=HAND_WORKER_$n
        HAND_WORKERS+=("${!var}")
    done
    for ((i = 0; i < 1200; i++)); do
        curl -s -m 1 "http://$COMPUTE_NET.41:27490/json/" | grep -q '"aliveworkers" : 2,' && return 0
        sleep 0.25
    done
    die "compute: the hand-started workers did not register within 5 minutes, see $CRUN/hand-*.log"
}

compute_hand_down() {
    local pid
    for pid in "${HAND_WORKERS[@]}" "$HAND_MASTER"; do stop_group "$pid" TERM 100; done
}

# compute_hand_job HOME PARTITIONS SAMPLES: Spark's job time of the Pi job submitted by
# Spark's own SparkSubmit to the hand-started master
compute_hand_job() {
    local out
    compute_spark_java "$1" "$COMPUTE_NET.41" -Xmx1g org.apache.spark.deploy.SparkSubmit \
        --master "spark://$COMPUTE_NET.41:$COMPUTE_HAND_PORT" --class io.bramble.spark.pi.MonteCarloPi \
        --total-executor-cores 2 --conf spark.scheduler.minRegisteredResourcesRatio=1.0 \
        --conf spark.ui.enabled=false "$CJAR" "$2" "$3"
    out=$("${COMPUTE_CMD[@]}" 2>>"$CRUN/hand-submit.log") ||
        die "compute: the hand-started job failed, see $CRUN/hand-submit.log"
    sed -n 's/^Spark estimated Pi at [0-9.]* in \([0-9.]*\) seconds.*/\1/p' <<<"$out"
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
    compute_spark_options
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
    # The same Spark, started by hand from the first node's jars with no bramble running: what
    # Spark alone gets from these two cores.
    local home
    home=$(dirname "$(ls -d "$CRUN"/n41/compute/*/jars | head -1)")
    COMPUTE_SCALA=$(ls "$home/jars" | sed -n 's/^scala-library-\([0-9]*\.[0-9]*\)\..*/\1/p' | head -1)
    log "compute: the large job on Spark started by hand (no bramble) x $runs"
    compute_hand_up "$home"
    for ((r = 1; r <= runs; r++)); do
        spark=$(compute_hand_job "$home" 8 "$big")
        echo "hand_spark,$r,$spark,s" >>"$csv"
        awk -v s="$big" -v t="$spark" -v r=$r 'BEGIN {printf "hand_samples_per_s_core,%d,%.0f,samples/s\n", r, s / t / 2}' >>"$csv"
    done
    compute_hand_down
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
    local hand hand_ratio pool_hand
    hand=$(compute_median hand_samples_per_s_core)
    hand_ratio=$(awk -v a="$hand" -v b="$java" 'BEGIN {printf "%.2f", a / b}')
    pool_hand=$(awk -v a="$per_core" -v b="$hand" 'BEGIN {printf "%.2f", a / b}')
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
        awk -v v="$hand" 'BEGIN {printf "| the large job on Spark started by hand (no bramble), per worker core | %.3g samples/s |\n", v}'
        echo "| ratio, hand-started Spark per core / plain Java | $hand_ratio |"
        echo "| ratio, pool / hand-started Spark | $pool_hand |"
        echo "| the seed's small job, Spark's job time (the seed's cluster: 0.72 s) | $(compute_median small_spark) s |"
        echo "| the seed's small job, whole \`compute submit\` | $(compute_median small_submit) ms |"
        echo "| \`compute start\` to both workers registered, first (jars copied in) | $(compute_median start_first) ms |"
        echo "| \`compute start\` to both workers registered, after a stop | $(compute_median start_again) ms |"
        echo
    } >"$RESULTS/compute.md"
    cat "$RESULTS/compute.md" >&2
}
