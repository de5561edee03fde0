#!/usr/bin/env bash
# Check a long domain list as N shards run by GNU parallel, on this machine or over ssh on
# several hosts. Each shard writes its own JSON Lines file (--output: FILE.partial while it runs,
# FILE once it is whole); a shard that fails is run again and goes on where it stopped
# (--resume), never writing a domain twice; at the end the N files are joined into one.
#
#   examples/parallel-shards.sh DOMAINS_FILE SHARDS OUTDIR [MAILAUDIT_ARGS...]
#
# MAILAUDIT_ARGS go to every run after `check`, e.g. --no-probe --jobs 256 --resolver 10.0.0.53
# Environment:
#   MAILAUDIT  the mailaudit binary (default: mailaudit on the PATH)
#   HOSTS      where to run, as GNU parallel's --sshlogin takes it: "host1,host2", ":" for this
#              machine, "8/host1" for 8 shards at once there (default: this machine only). The
#              binary, DOMAINS_FILE and OUTDIR must be at the same paths on every host (a shared
#              file system); relative paths are taken from this directory
#   JOBS       shards at once on each host (default: one per CPU core)
#   RETRIES    tries of a shard before it counts as failed (default: 3)
#
# Findings do not fail a shard (--fail-on never); exit status 2 (the run could not go on: the
# list unreadable, the output unwritable, a signal) does, and is retried. The script exits 0
# once OUTDIR/results.jsonl holds every shard; else with GNU parallel's status (the number of
# shards that failed), leaving the finished shard files for the next run, which skips them.
set -euo pipefail

if [ $# -lt 3 ]; then
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2
fi
list=$1
shards=$2
outdir=$3
shift 3
mailaudit=${MAILAUDIT:-mailaudit}
mkdir -p "$outdir"

# --will-cite: no citation notice. -q: every argument reaches mailaudit as it is given.
parallel --will-cite -q --jobs "${JOBS:-100%}" --retries "${RETRIES:-3}" \
    ${HOSTS:+--sshlogin "$HOSTS" --workdir .} \
    "$mailaudit" --format jsonl --fail-on never check --domains-file "$list" \
    --shard "{}/$shards" --output "$outdir/shard-{}.jsonl" --resume "$@" \
    ::: $(seq 0 $((shards - 1)))

# Every shard is done (else parallel failed and `set -e` ended the script) and each file is
# whole, so joining them is cat; only this run's N files, whatever else OUTDIR holds.
for i in $(seq 0 $((shards - 1))); do
    cat "$outdir/shard-$i.jsonl"
done >"$outdir/results.jsonl.partial"
mv "$outdir/results.jsonl.partial" "$outdir/results.jsonl"
echo "$outdir/results.jsonl: $(wc -l <"$outdir/results.jsonl") results from $shards shards" >&2
