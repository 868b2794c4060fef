# Sourced by the bench/*-vs-*.sh scripts: the steps every side-by-side run shares.
#   side_by_side TASK SPLIT WORK PEER PYTHON SCRIPT
# builds the binary, runs `triangulate eval TASK` on SPLIT (ours: extraction, timing and
# scoring in one process, WORK/triangulate.json), runs the peer's SCRIPT with PYTHON
# (extraction and timing, one JSON line in WORK/PEER-time.json, its stderr in
# WORK/PEER-stderr.txt, predictions in WORK/PEER/), and scores those predictions with
# the same command (WORK/PEER.json).
side_by_side() {
  local task=$1 split=$2 work=$3 peer=$4 python=$5 script=$6
  cargo build --release -q -p triangulate
  local tri=target/release/triangulate
  "$tri" eval "$task" --data "$split" --json > "$work/triangulate.json"
  "$python" "$script" "$split" "$work/$peer" \
    > "$work/$peer-time.json" 2> "$work/$peer-stderr.txt" \
    || { cat "$work/$peer-stderr.txt" >&2; return 1; }
  "$tri" eval "$task" --data "$split" --predictions "$work/$peer" --system "$peer" \
    --json > "$work/$peer.json"
}
