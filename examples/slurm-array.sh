#!/bin/bash
# Check a long domain list as a Slurm job array: 16 tasks, each one shard of the list.
#
#   mkdir -p results logs && sbatch examples/slurm-array.sh
#
# Each task takes its shard from Slurm (--shard auto: the index is SLURM_ARRAY_TASK_ID less
# SLURM_ARRAY_TASK_MIN, the count SLURM_ARRAY_TASK_COUNT) and writes results/shard-I.jsonl:
# results/shard-I.jsonl.partial while it runs, renamed once the shard is whole.
#
# Retrying: submit the same script again (or `scontrol requeue JOBID`). A task whose file is
# whole exits at once; one that was stopped (preempted, out of time, node failure) keeps the
# results it wrote and checks only the rest (--resume). Always submit the whole array
# (0-15): --shards 16 makes a task refuse to run when Slurm counts another number of tasks,
# as it does for `--array=3,7`, which would split the list differently.
#
# Exit status: findings do not fail a task (--fail-on never); 2 means the run could not go on
# (the list unreadable, the output unwritable, a signal): the tasks to submit again.
#
# Joining, once every task is done (`sacct -j JOBID` shows them COMPLETED), by hand or as a job
# that waits for this one (sbatch --dependency=afterok:JOBID):
#   cat results/shard-{0..15}.jsonl > results.jsonl
#
#SBATCH --job-name=mailaudit
#SBATCH --array=0-15%8
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=04:00:00
#SBATCH --requeue
#SBATCH --output=logs/mailaudit-%A_%a.log
set -euo pipefail

exec mailaudit --format jsonl --fail-on never check \
    --domains-file domains.txt \
    --no-probe --jobs 256 \
    --shard auto --shards 16 \
    --output "results/shard-${SLURM_ARRAY_TASK_ID}.jsonl" --resume
