#!/usr/bin/env bash
# Throughput of `triangulate worker` on a shared PostgreSQL store, on this machine.
#
# A PostgreSQL server (Debian's `postgresql`, installed here when missing) is started in
# a temporary directory on a free loopback port. N synthetic articles
# (bench/make-story-stream.py: real sentences recombined into stories) are stored once
# with `ingest --defer` into a fresh database per row, then W workers annotate them and
# place them in stories, until the queue is empty (`--until-idle`). Rows: one process
# on SQLite and one on PostgreSQL (`ingest`, annotating itself with all cores) for
# reference, then 1, 2 and 4 workers of one thread each. The table gives the time from
# the first worker's start to the last one's exit, articles per second, and where the
# workers' time went: annotating, claiming and committing (the database), placing
# stories; then the CPU seconds the workers and the PostgreSQL server used, the
# write-ahead log written and the database's size per article: what tells where the
# server would become the limit.
#
#   bench/workers.sh [N] [WORKER-COUNTS]      (defaults 4000, "1 2 4")
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-4000}
COUNTS=${2:-"1 2 4"}

pg_bin=${TRIANGULATE_PG_BIN:-}
if [ -z "$pg_bin" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y postgresql >/dev/null; }
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
cargo build --release -q -p triangulate
T=$PWD/target/release/triangulate

work=$(mktemp -d)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$pg_bin/initdb" -D "$work/data" -A trust -U triangulate -E UTF8 --locale=C >/dev/null
# Default settings but for the socket and port: the figures are for a stock server.
as_pg "$pg_bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
base="postgres://triangulate@127.0.0.1:$port"
psql_admin() { psql -q -h 127.0.0.1 -p "$port" -U triangulate -d postgres "$@"; }

python3 bench/make-story-stream.py "$N" "$work/stream.jsonl" >/dev/null 2>&1
echo "bench/workers.sh: $N articles, PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), $(nproc) cores"
echo
echo "| setup | articles | seconds | articles/s | annotating s | claiming + committing s | placing s | workers' CPU s | PostgreSQL CPU s | WAL KB per article | database KB per article |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

now() { date +%s.%N; }
row() { # name articles seconds [annotate store place workers-cpu pg-cpu wal-kb db-kb]
  python3 -c "import sys; n,a,s=sys.argv[1],int(sys.argv[2]),float(sys.argv[3]); rest=sys.argv[4:] or ['']*7; print(f'| {n} | {a:,} | {s:.1f} | {a/s:.1f} | ' + ' | '.join(rest) + ' |')" "$@"
}
tck=$(getconf CLK_TCK)
# CPU seconds of the PostgreSQL server: the postmaster's own and its ended children's
# (backends of closed connections are reaped into it), plus the children still running.
pg_cpu() {
  local pm; pm=$(head -n 1 "$work/data/postmaster.pid")
  python3 - "$pm" "$tck" <<'PY'
import os, sys
pm, tck = sys.argv[1], int(sys.argv[2])
def fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()
total = sum(int(x) for x in fields(pm)[11:15])
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            f = fields(pid)
        except OSError:
            continue
        if f[1] == pm:
            total += int(f[11]) + int(f[12])
print(total / tck)
PY
}
# CPU seconds of this script's ended children (the workers, once waited for): the
# shell's cutime and cstime.
children_cpu() {
  python3 - "$$" "$tck" <<'PY'
import sys
with open(f"/proc/{sys.argv[1]}/stat") as f:
    rest = f.read().rsplit(")", 1)[1].split()
print((int(rest[13]) + int(rest[14])) / int(sys.argv[2]))
PY
}
wal_lsn() { psql_admin -At -c "SELECT pg_current_wal_lsn()"; }

# References: one process annotating as it ingests, all cores.
rm -f "$work/single.db"*
t0=$(now)
"$T" --db "$work/single.db" ingest "$work/stream.jsonl" 2>"$work/single.log"
t1=$(now)
stored=$("$T" --db "$work/single.db" articles --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
row "one process, SQLite (ingest)" "$stored" "$(echo "$t1 - $t0" | bc)" "" "" "" "" "" "" ""
psql_admin -c "CREATE DATABASE single"
t0=$(now)
"$T" --db "$base/single" ingest "$work/stream.jsonl" 2>"$work/single-pg.log"
t1=$(now)
row "one process, PostgreSQL (ingest)" "$stored" "$(echo "$t1 - $t0" | bc)" "" "" "" "" "" "" ""
"$T" --db "$work/single.db" stories --json > "$work/stories-single.json"

for w in $COUNTS; do
  psql_admin -c "CREATE DATABASE w$w"
  db="$base/w$w"
  "$T" --db "$db" ingest --defer "$work/stream.jsonl" 2>/dev/null
  sleep 1
  cpu0=$(children_cpu); pg0=$(pg_cpu); wal0=$(wal_lsn)
  t0=$(now)
  pids=()
  for i in $(seq 1 "$w"); do
    "$T" --db "$db" worker --until-idle --name "w$i" 2>"$work/w$w-$i.log" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  t1=$(now)
  sleep 1
  cpu1=$(children_cpu); pg1=$(pg_cpu); wal1=$(wal_lsn)
  wal_kb=$(psql_admin -At -c "SELECT round(pg_wal_lsn_diff('$wal1', '$wal0') / 1024.0 / $stored, 1)")
  db_kb=$(psql_admin -At -c "SELECT round(pg_database_size('w$w') / 1024.0 / $stored, 1)")
  extra="$(python3 -c "print(f'{$cpu1 - $cpu0:.1f} {$pg1 - $pg0:.1f}')") $wal_kb $db_kb"
  sums=$(cat "$work"/w"$w"-*.log | python3 -c '
import re, sys
a = s = p = 0.0
for line in sys.stdin:
    m = re.search(r"([\d.]+)s annotating, ([\d.]+)s claiming and committing, ([\d.]+)s in", line)
    if m:
        a += float(m[1]); s += float(m[2]); p += float(m[3])
print(f"{a:.1f} {s:.1f} {p:.1f}")')
  # shellcheck disable=SC2086
  row "$w worker(s), PostgreSQL" "$stored" "$(echo "$t1 - $t0" | bc)" $sums $extra
  "$T" --db "$db" stories --json > "$work/stories-w$w.json"
  if ! cmp -s "$work/stories-single.json" "$work/stories-w$w.json"; then
    echo "stories of $w workers differ from the single process's" >&2
    exit 1
  fi
done
echo
echo "Stories of every worker run equal the single SQLite process's."
