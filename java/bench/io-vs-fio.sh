#!/usr/bin/env bash
# Engine tick benchmark next to fio on the same files: 6 files x one 1080p HAP Q frame (2,073,608 bytes)
# per tick, one submit per tick, warm page cache. Prints GB/s and io_uring_enter calls per tick per engine
# (JMH, EngineTickBenchmark), then fio's io_uring (one job, 6 files round robin, batches of 6) and psync
# (6 jobs) on the very same files (--invalidate=0 keeps the cache warm).
#   java/bench/io-vs-fio.sh [JMH options...]      e.g. -f 3 -p engine=uring,filechannel
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
jar="$root/java/bench/target/benchmarks.jar"
[ -f "$jar" ] || "$root/hapring" mvn -q -pl java/bench -am package -DskipTests
java_bin=""
for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -x "$cand/bin/java" ] && "$cand/bin/java" -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])'; then java_bin="$cand/bin/java"; fi
done
[ -n "$java_bin" ] || { echo "io-vs-fio.sh: no JDK >= 22 found" >&2; exit 3; }
frame=2073608
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
"$java_bin" --enable-native-access=ALL-UNNAMED -jar "$jar" EngineTickBenchmark "$@" | tee "$out" >&2
echo
echo "engine          ticks/s      GB/s   io_uring_enter/tick"
awk -v frame="$frame" '
  $1 == "EngineTickBenchmark.tick" { score[$3] = $6; order[++n] = $3 }
  $1 == "EngineTickBenchmark.tick:enterCalls" { enter[$3] = ($6 == "≈") ? 0 : $6 }
  $1 == "EngineTickBenchmark.tick:ticks" { ticks[$3] = $6 }
  END { for (i = 1; i <= n; i++) { e = order[i];
          printf "%-14s %8.1f %9.2f %12.3f\n", e, score[e], score[e] * 6 * frame / 1e9, (ticks[e] > 0 ? enter[e] / ticks[e] : 0) } }
' "$out"

command -v fio >/dev/null || { echo "fio not installed (apt-get install fio): no comparison"; exit 0; }
dir="${TMPDIR:-/tmp}/hapring-bench-io"
files="$(ls "$dir"/layer*.bin | tr '\n' ':' | sed 's/:$//')"
echo
echo "fio on the same files (warm, --invalidate=0):"
fio --name=uring-6files-qd6 --ioengine=io_uring --rw=read --bs=$frame --iodepth=6 --iodepth_batch_submit=6 \
    --iodepth_batch_complete_min=6 --invalidate=0 --filename="$files" --file_service_type=roundrobin \
    --time_based --runtime=5 --group_reporting | grep -E '^ +READ:' | sed 's/^ */  io_uring 1 job qd6: /'
fio --name=psync-6jobs --ioengine=psync --rw=read --bs=$frame --invalidate=0 --filename="$files" \
    --numjobs=6 --time_based --runtime=5 --group_reporting | grep -E '^ +READ:' | sed 's/^ */  psync 6 jobs:        /'
