#!/bin/sh
# Watch domains from cron: check them all, compare with the previous run, and say only what
# changed — a DMARC policy weakened, a new SPF include, a DKIM key replaced, an MX host added, an
# MTA-STS policy left in testing, a certificate renewed or about to expire. Quiet when nothing
# changed, so cron mails only when there is something to read.
#
#   examples/cron-watch.sh DOMAINS_FILE STATE_DIR [CHECK_ARGS...]
#
# CHECK_ARGS go to `mailaudit check` after its own, e.g. --selector s2026 --resolver 10.0.0.53
# Environment:
#   MAILAUDIT   the mailaudit binary (default: mailaudit on the PATH)
#   DIFF_ARGS   options for `mailaudit diff` (default: none; e.g. "--fail-on warning")
#
# STATE_DIR keeps the last run as previous.jsonl. Each run: `check --format jsonl` into
# STATE_DIR/today.jsonl, then `diff previous.jsonl today.jsonl` (nothing printed when nothing
# changed; the first run has nothing to compare with and prints nothing), then today's run
# becomes previous.jsonl. Exit status: diff's (0 nothing new at or above --fail-on, 1 something
# new), or 2 when the check could not run (previous.jsonl is then kept as it was).
#
# A crontab line (every morning at 06:17; cron mails whatever is printed):
#   17 6 * * *  /usr/local/share/mailaudit/cron-watch.sh /etc/mailaudit/domains.txt /var/lib/mailaudit
set -eu

if [ $# -lt 2 ]; then
    sed -n '2,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2
fi
domains=$1
state=$2
shift 2
mailaudit=${MAILAUDIT:-mailaudit}
mkdir -p "$state"

# Findings are what diff reports on: the check itself fails only when it could not run (2).
status=0
"$mailaudit" check --format jsonl --fail-on never --domains-file "$domains" "$@" \
    > "$state/today.jsonl" || status=$?
if [ "$status" -ne 0 ]; then
    echo "cron-watch: mailaudit check failed (exit $status); previous.jsonl kept" >&2
    exit 2
fi

status=0
if [ -f "$state/previous.jsonl" ]; then
    # shellcheck disable=SC2086 # DIFF_ARGS is a list of options
    "$mailaudit" diff ${DIFF_ARGS:-} "$state/previous.jsonl" "$state/today.jsonl" || status=$?
fi
mv "$state/today.jsonl" "$state/previous.jsonl"
exit "$status"
