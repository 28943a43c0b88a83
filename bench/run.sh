#!/usr/bin/env bash
# The province-scale benchmark (docs/performance.md): loads 1,000,000 households into MySQL/MariaDB once, starts
# Keycloak and the API (prod profile, -Xmx1g, Redis), drives each scenario over HTTP at a fixed rate and at
# saturation, runs the same reads in-process as a baseline, and writes the results into docs/performance.md.
#
#   bench/run.sh                      everything; a full run rewrites the results section of docs/performance.md
#   bench/run.sh --quick              smaller rates and 5 s phases, for a smoke test (results in .bench/last-run.md)
#   bench/run.sh --only detail,list   some scenarios: detail list list-deep partner summary-cold summary-warm quality-counts visit
#   bench/run.sh --load-only          load (or check) the data set and stop
#
# Environment (defaults in brackets):
#   BENCH_DB_HOST [127.0.0.1]  BENCH_DB_PORT [3306]  BENCH_DB_USER [root]  BENCH_DB_PASSWORD []
#   BENCH_DB_NAME [county_bench]  BENCH_HOUSEHOLDS [1000000]  BENCH_SEED [the generator's default]
#   BENCH_REDIS_URL [redis://127.0.0.1:6379/2]   a database index of its own on the local Redis
#   BENCH_API_PORT [8090]  BENCH_KEYCLOAK_PORT [8190]  BENCH_API_JAVA_OPTS [-Xms1g -Xmx1g -XX:+UseG1GC]
#   BENCH_API_ARGS []  extra --property=value arguments for the API (and the in-process baseline)
#   BENCH_PHASE_SECONDS [20, quick 5]  BENCH_WARMUP_SECONDS [8, quick 2]  BENCH_COLD_TIMEOUT_SECONDS [600]
#   BENCH_SKIP_BUILD [unset]  set to 1 to reuse api/target from an earlier build
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .bench

DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
DB_NAME=${BENCH_DB_NAME:-county_bench}
HOUSEHOLDS=${BENCH_HOUSEHOLDS:-1000000}
export BENCH_DB_USER=$DB_USER BENCH_DB_PASSWORD=$DB_PASSWORD
export BENCH_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/2}
export BENCH_API_DB_URL=${BENCH_API_DB_URL:-jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME?useUnicode=true&characterEncoding=utf8&rewriteBatchedStatements=true}

LOAD_ONLY=0
ARGS=()
for arg in "$@"; do
  if [[ $arg == --load-only ]]; then LOAD_ONLY=1; else ARGS+=("$arg"); fi
done

log() { echo "[bench $(date +%H:%M:%S)] $*"; }

SQL_CLIENT=$(command -v mariadb || command -v mysql || true)
[[ -n $SQL_CLIENT ]] || { echo "bench/run.sh needs the mariadb or mysql command-line client" >&2; exit 1; }
sql() { MYSQL_PWD=$DB_PASSWORD "$SQL_CLIENT" -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" --batch --skip-column-names "$@"; }

if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  log "Building the API and the benchmark (tests skipped) ..."
  ./mvnw -q -B -DskipTests install
  ./mvnw -q -B -pl api dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/.bench/classpath" >/dev/null
fi
CLASSPATH="api/target/classes:api/target/test-classes:$(cat .bench/classpath)"

# A million households need the random-order indexes in memory; the local service has 6 GiB configured by hand,
# and a restart loses SET GLOBAL settings, so put back what the load and the dashboard need.
pool=$(sql -e "SELECT @@innodb_buffer_pool_size")
if (( pool < 4 * 1024 * 1024 * 1024 )); then
  log "innodb_buffer_pool_size is $pool bytes; SET GLOBAL innodb_buffer_pool_size = 6 GiB for the benchmark"
  sql -e "SET GLOBAL innodb_buffer_pool_size = 6442450944"
fi
for variable in tmp_table_size max_heap_table_size; do
  value=$(sql -e "SELECT @@$variable")
  if (( value < 1024 * 1024 * 1024 )); then
    log "$variable is $value bytes; SET GLOBAL $variable = 1 GiB for the dashboard's grouped passes"
    sql -e "SET GLOBAL $variable = 1073741824"
  fi
done

# The data set: loaded once, recorded in bench_dataset when the generator finished, reused while it matches.
loaded=$(sql -e "SELECT CONCAT(households, ':', seed) FROM \`$DB_NAME\`.bench_dataset" 2>/dev/null || true)
want="$HOUSEHOLDS:${BENCH_SEED:-default}"
if [[ $loaded == "$want" ]]; then
  log "Database $DB_NAME already holds the data set ($HOUSEHOLDS households, seed ${BENCH_SEED:-default}); not loading"
else
  if [[ -n $loaded ]]; then
    log "Database $DB_NAME holds another data set ($loaded); dropping it"
  fi
  if sql -e "SELECT 1 FROM \`$DB_NAME\`.household LIMIT 1" 2>/dev/null | grep -q 1; then
    log "Database $DB_NAME has households but no finished load recorded (an interrupted load?); dropping it"
  fi
  sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4"
  log "Loading $HOUSEHOLDS households into $DB_NAME (log also in .bench/load.log) ..."
  started=$(date +%s)
  seed_args=()
  [[ -n ${BENCH_SEED:-} ]] && seed_args=(--seed "$BENCH_SEED")
  java -Xmx2g -cp "$CLASSPATH" cn.county.platform.demo.DemoDataCli --url "$BENCH_API_DB_URL" --user "$DB_USER" \
    --password "$DB_PASSWORD" --households "$HOUSEHOLDS" "${seed_args[@]}" 2>&1 | tee .bench/load.log \
    | grep --line-buffered -v ' INFO '
  seconds=$(( $(date +%s) - started ))
  sql "$DB_NAME" -e "CREATE TABLE bench_dataset (households INT NOT NULL, seed VARCHAR(32) NOT NULL,
      loaded_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, load_seconds INT NOT NULL);
    INSERT INTO bench_dataset (households, seed, load_seconds) VALUES ($HOUSEHOLDS, '${BENCH_SEED:-default}', $seconds)"
  log "Loaded in $seconds s"
fi
sql "$DB_NAME" -e "SELECT CONCAT(table_name, ': ', table_rows, ' rows (estimate)') FROM information_schema.tables
  WHERE table_schema = DATABASE() AND table_rows > 10000 ORDER BY table_rows DESC" | sed 's/^/[bench]   /'
(( LOAD_ONLY )) && exit 0

log "Running the scenarios ..."
# the client drops idle connections after 10 s, before Tomcat closes them, so none is reused as it closes
exec java -Xms512m -Xmx1g -XX:+UseG1GC -Djdk.httpclient.keepalive.timeout=10 -cp "$CLASSPATH" cn.county.platform.bench.Bench "${ARGS[@]}"
