#!/usr/bin/env bash
# before/after of the PostgreSQL label statement (26cb291), alternating, in
# one run: the script as it ran, by hand. Beforehand:
#   store-before.test, seedfeed-before: `go test -c ./internal/store` and
#     `go build ./cmd/seedfeed` at d664d45 (the store as before 26cb291);
#   store-after.test, seedfeed-after: the same with 26cb291's two files;
#   coldstart: bench/coldstart at 4de8ebc; pg.yaml: the daemon's config on
#     a 10,000-article corpusgen folder with state.url in schema t1 of a
#     scripts/pg-test-cluster.sh cluster, whose URL and folder are in
#     /tmp/pgbench-cluster.env.
# Output: ab-store.txt (round, version, benchmark line), ab-cold.tsv (round,
# version, then coldstart's "wall-ms peak-RSS-MB seedfeed-CPU-ms
# PostgreSQL-CPU-ms").
set -euo pipefail
read URL DIR < /tmp/pgbench-cluster.env
PGPID=$(head -1 "$DIR/data/postmaster.pid")
cd /tmp/pgb
ROUNDS=${ROUNDS:-4}
: > ab-store.txt; : > ab-cold.tsv
for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then order="before after"; else order="after before"; fi
  echo "round $r load $(cut -d' ' -f1-3 /proc/loadavg)"
  for v in $order; do
    SEEDFEED_TEST_POSTGRES_URL=$URL ./store-$v.test -test.run '^$' -test.bench 'ApplyCold/postgres/N=10000' -test.benchtime 1x -test.benchmem \
      | grep '^BenchmarkApplyCold' | sed "s/^/$r $v /" | tee -a ab-store.txt
  done
  for v in $order; do
    PGOPTIONS='-c client_min_messages=warning' psql "$URL" -qc 'DROP SCHEMA IF EXISTS t1 CASCADE' -c 'CREATE SCHEMA t1'
    line=$(./coldstart -healthz http://127.0.0.1:38999/healthz -n 10000 -stderr ab-$v.log -server-pid "$PGPID" -- ./seedfeed-$v serve -v -config pg.yaml)
    echo -e "$r\t$v\t$line" | tee -a ab-cold.tsv
  done
done
