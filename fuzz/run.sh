#!/bin/sh
# run.sh TARGET SECONDS [extra libFuzzer args]: one single-worker run, log in logs/.
t=$1; s=$2; shift 2
mkdir -p artifacts/$t logs corpus/$t
log=logs/$t-$(date -u +%H%M%S).log
./target/x86_64-unknown-linux-gnu/release/$t corpus/$t -max_len=4096 -rss_limit_mb=2048 -timeout=10 \
  -print_final_stats=1 -max_total_time=$s -artifact_prefix=artifacts/$t/ "$@" > $log 2>&1
echo "$t rc=$? $log"
grep -E "^#[0-9]+.*(DONE|pulse|NEW|REDUCE)" $log | tail -1
grep -E "stat::|SUMMARY|ERROR|panicked" $log
