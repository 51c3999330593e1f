#!/usr/bin/env bash
# The suite against real PostgreSQL and Redis, plus the tests that start a Celery worker.
# Each run gets its own database name and Redis db number (these servers are shared).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PG_URL_BASE=${PG_URL_BASE:-postgres://postgres@127.0.0.1:5432}
REDIS_BASE=${REDIS_BASE:-redis://127.0.0.1:6379}
run_id="$(date +%s)_$$"
redis_db=$(( (RANDOM % 14) + 2 ))
export DATABASE_URL="$PG_URL_BASE/vitrine_ci_$run_id"
export CELERY_BROKER_URL="$REDIS_BASE/$redis_db"
export CELERY_RESULT_BACKEND="$CELERY_BROKER_URL"

"$PY" - <<'PYEOF' || { echo "test-services: PostgreSQL or Redis is unreachable (see above)." >&2; exit 2; }
import os, sys
import psycopg, redis
base = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
try:
    psycopg.connect(base, connect_timeout=5).close()
except Exception as e:
    sys.exit(f"PostgreSQL unreachable at {base}: {e}")
try:
    redis.Redis.from_url(os.environ["CELERY_BROKER_URL"], socket_connect_timeout=5).ping()
except Exception as e:
    sys.exit(f"Redis unreachable at {os.environ['CELERY_BROKER_URL']}: {e}")
print("PostgreSQL and Redis answer.")
PYEOF

cleanup() { "$PY" -c "import os, redis; redis.Redis.from_url(os.environ['CELERY_BROKER_URL']).flushdb()" || true; }
trap cleanup EXIT

echo "== suite on PostgreSQL ($DATABASE_URL), Redis db $redis_db =="
status=0
"$PY" -m pytest --create-db -p no:cacheprovider || status=$?
if [ "$status" -eq 5 ]; then
  echo "test-services: pytest collected no test — that is a failure here." >&2
  exit 1
fi
exit "$status"
