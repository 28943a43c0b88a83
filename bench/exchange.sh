#!/usr/bin/env bash
# The data-exchange benchmark (issue 15, docs/performance.md "Import and export of a million households"): in one
# run, the demo generator's direct insert rate as the baseline, then a roster CSV of BENCH_HOUSEHOLDS households in
# the national layout (generated from the demo generator's households into /tmp, kept for the next run) imported
# over HTTP into a fresh database by the API at -Xmx1g, then the imported households exported as CSV and XLSX.
#
#   bench/exchange.sh                        1,000,000 households, baseline of 100,000
#   BENCH_HOUSEHOLDS=100000 bench/exchange.sh
#
# Environment (defaults in brackets): BENCH_HOUSEHOLDS [1000000] BENCH_BASELINE_HOUSEHOLDS [100000]
#   BENCH_STEPS [baseline,import,export; add "again" to upload the same file a second time]
#   BENCH_EXPORT_FORMATS [csv,xlsx]  BENCH_DB_HOST/PORT/USER/PASSWORD [127.0.0.1, 3306, root, ""]
#   BENCH_DB_NAME [county_import]  BENCH_API_JAVA_OPTS [-Xms1g -Xmx1g -XX:+UseG1GC]  BENCH_API_ARGS []
#   BENCH_SKIP_BUILD [unset]  set to 1 to reuse api/target from an earlier build
# Results: stdout and .bench/exchange-<households>.md; the API's log in .bench/exchange/api.log.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .bench
export BENCH_HOUSEHOLDS=${BENCH_HOUSEHOLDS:-1000000}
if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  ./mvnw -q -B -o -pl api -DskipTests -Djacoco.skip=true package
  # the test classpath as the compiler saw it (the dependency plugin is not in the offline repository)
  touch api/src/test/java/cn/county/platform/exchange/export/ExchangeBench.java
  ./mvnw -B -o -X -pl api test-compile -Djacoco.skip=true 2>&1 | grep -m1 "test-classes -classpath" \
    | sed 's/.*-classpath \([^ ]*\) .*/\1/' > .bench/classpath
fi
SQL_CLIENT=$(command -v mariadb || command -v mysql || true)
if [[ -n $SQL_CLIENT ]]; then
  # as bench/run.sh: the random-order member indexes of a million households need the buffer pool (a restart of
  # the local service loses SET GLOBAL)
  pool=$(MYSQL_PWD=${BENCH_DB_PASSWORD:-} "$SQL_CLIENT" -h "${BENCH_DB_HOST:-127.0.0.1}" -P "${BENCH_DB_PORT:-3306}" \
    -u "${BENCH_DB_USER:-root}" --batch --skip-column-names -e "SELECT @@innodb_buffer_pool_size")
  if (( pool < 4 * 1024 * 1024 * 1024 )); then
    echo "[bench] innodb_buffer_pool_size is $pool bytes; SET GLOBAL innodb_buffer_pool_size = 6 GiB"
    MYSQL_PWD=${BENCH_DB_PASSWORD:-} "$SQL_CLIENT" -h "${BENCH_DB_HOST:-127.0.0.1}" -P "${BENCH_DB_PORT:-3306}" \
      -u "${BENCH_DB_USER:-root}" -e "SET GLOBAL innodb_buffer_pool_size = 6442450944"
  fi
fi
echo "[bench] $(date -u +%FT%TZ) uptime: $(uptime)"
java -Xmx2g -cp "$(cat .bench/classpath)" \
  cn.county.platform.exchange.export.ExchangeBench
echo "[bench] $(date -u +%FT%TZ) uptime: $(uptime)"
