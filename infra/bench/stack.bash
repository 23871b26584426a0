# Shared by the infra/bench scripts (sourced, not run): a private Quayside stack with real runc
# containers in its own state dir, runc root and port, and figures of a process from /proc.
# Everything started here is registered and removed by bench_cleanup, which the scripts trap.

bench_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The agent's JVM options that came out smallest here (docs/benchmarks.md, "Agent memory").
bench_agent_java_opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k -Xmx10m -Xms4m -Xmn2m -XX:MaxMetaspaceSize=48m \
-XX:ReservedCodeCacheSize=8m -XX:CICompilerCount=1 -XX:MaxDirectMemorySize=8m -XX:-UsePerfData -XX:TrimNativeHeapInterval=10000 \
-XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000 -XX:Tier3BackEdgeThreshold=200000"
bench_pids=()
bench_containers=false

# bench_init NAME: a fresh state dir (QUAYSIDE_STATE_DIR) with its own runc root and container prefix.
bench_init() {
  if [ "$(id -u)" != 0 ]; then echo "$1: runc containers need root" >&2; exit 1; fi
  export QUAYSIDE_STATE_DIR
  QUAYSIDE_STATE_DIR=$(mktemp -d "/tmp/quayside-$1.XXXXXX")
  # runc names a container's cgroups after its id, so the prefix must be as private as the root
  export QUAYSIDE_RUNC_ROOT=$QUAYSIDE_STATE_DIR/runc QUAYSIDE_DEMO_PREFIX=qsb-${QUAYSIDE_STATE_DIR##*.}-
  export QUAYSIDE_HTTP_PORT=${QUAYSIDE_HTTP_PORT:-18499}
  mkdir -p "$QUAYSIDE_STATE_DIR/logs"
}

bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${bench_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if $bench_containers; then "$bench_repo/infra/local/demo" stop >/dev/null || true; fi
  rm -rf "$QUAYSIDE_STATE_DIR"
}

# bench_start NAME LOGFILE COMMAND...: starts a process in the background and registers it.
bench_start() {
  local name=$1 log=$2
  shift 2
  "$@" >"$log" 2>&1 &
  bench_pids+=($!)
  bench_last_pid=$!
  echo "$name: pid $bench_last_pid"
}

# The functions runtime, as infra/local/up runs it; returns once its gateway answers.
bench_start_functions() {
  local jar=$bench_repo/functions/target/quarkus-app/quarkus-run.jar
  [ -f "$jar" ] || { echo "build it first: ./mvnw -o -q -pl model,functions package -DskipTests" >&2; exit 1; }
  bench_start functions "$QUAYSIDE_STATE_DIR/logs/functions.log" \
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -jar "$jar"
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$QUAYSIDE_HTTP_PORT/healthz" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the functions runtime did not answer; see $QUAYSIDE_STATE_DIR/logs/functions.log" >&2
  exit 1
}

# bench_start_containers N: the three demo containers plus N-3 sleepers (cgroup parent from
# QUAYSIDE_DEMO_CGROUP_PARENT, if set).
bench_start_containers() {
  bench_containers=true
  QUAYSIDE_DEMO_SLEEPERS=$(($1 > 3 ? $1 - 3 : 0)) "$bench_repo/infra/local/demo" start >/dev/null
  echo "containers: $(runc --root "$QUAYSIDE_RUNC_ROOT" list -q | wc -l) running"
}

# bench_start_agent JAVA_OPTS: a copy of the built agent (so a rebuild meanwhile does not disturb
# it), watching only the private runc root, pushing every 10 s.
bench_start_agent() {
  local app=$bench_repo/node-agent/target/quarkus-app
  [ -f "$app/quarkus-run.jar" ] || { echo "build it first: ./mvnw -o -q -pl model,node-agent package -DskipTests" >&2; exit 1; }
  cp -r "$app" "$QUAYSIDE_STATE_DIR/agent"
  # shellcheck disable=SC2086 # the options are words
  QUAYSIDE_ENDPOINT=http://127.0.0.1:$QUAYSIDE_HTTP_PORT QUAYSIDE_TOKEN=$(cat "$QUAYSIDE_STATE_DIR/local-token") \
    QUAYSIDE_INTERVAL=10s QUAYSIDE_AGENT_RUNTIMES=runc QUAYSIDE_SPOOL_DIR=$QUAYSIDE_STATE_DIR/spool MALLOC_ARENA_MAX=2 \
    bench_start agent "$QUAYSIDE_STATE_DIR/logs/agent.log" java $1 -jar "$QUAYSIDE_STATE_DIR/agent/quarkus-run.jar"
}

# How many containers the functions' registry lists: proof that the agent's pushes arrive.
bench_targets() {
  curl -fsS -H "Authorization: Bearer $(cat "$QUAYSIDE_STATE_DIR/local-token")" \
    "http://127.0.0.1:$QUAYSIDE_HTTP_PORT/v1/local/sd" | grep -o '"container_id"' | wc -l
}

# Seconds of CPU (user + system) a live process has used: fields 14 and 15 of /proc/PID/stat, in ticks.
bench_cpu_seconds() {
  local fields
  fields=$(sed 's/^.*) //' "/proc/$1/stat")
  echo "$fields" | awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($12 + $13) / hz }'
}

# bench_status_mb PID FIELD: a VmRSS-like field of /proc/PID/status, in MB (10^6 bytes).
bench_status_mb() {
  awk -v field="$2:" '$1 == field { printf "%.1f", $2 * 1024 / 1e6 }' "/proc/$1/status"
}
