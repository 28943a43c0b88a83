#!/usr/bin/env bash
# Runs the whole platform locally: database, Keycloak, the API with demo data. See README.md.
#   DB_URL / DB_USER / DB_PASSWORD  use this MySQL or MariaDB instead of the embedded MariaDB
#   REDIS_URL                       use this Redis (otherwise the API runs without one)
#   KEYCLOAK_URL                    use this Keycloak (realm "county" imported) instead of starting one
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p .run
echo "[run] Building (first run downloads dependencies from Maven Central) ..."
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl api dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/.run/classpath" >/dev/null
exec java -Xms256m -Xmx1g -XX:+UseG1GC \
  -cp "api/target/classes:api/target/test-classes:$(cat .run/classpath)" \
  cn.county.platform.LocalPlatform "$@"
