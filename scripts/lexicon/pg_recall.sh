#!/usr/bin/env bash
# Recall of PostgreSQL full-text search on paradigm files (see data/lexicon/README.md): a form
# is found when to_tsvector(CONFIG, wordform) @@ plainto_tsquery(CONFIG, query), for every text
# search configuration given (default: simple, the one the search benchmark uses). Also counts
# dictionary forms whose query matches a form of another dictionary form (over-conflation).
#
#   scripts/with-postgres.sh scripts/lexicon/pg_recall.sh data/lexicon/et-paradigms-corpus.tsv [CONFIG…]
set -euo pipefail
file=$(realpath "${1:?usage: pg_recall.sh PARADIGMS.tsv [CONFIG…]}")
shift
configs=("${@:-simple}")
url="${AMETIJUHEND_TEST_POSTGRES_URL:?run under scripts/with-postgres.sh}/postgres"
for cfg in "${configs[@]}"; do
  psql -q -v ON_ERROR_STOP=1 -At "$url" <<SQL
CREATE TEMP TABLE p (lemma text, pos text, query text, form text, wordform text, freq int);
\copy p FROM '$file' WITH (FORMAT text, HEADER true)
SELECT '$cfg: recall ' || round(100.0 * avg((to_tsvector('$cfg', wordform) @@ plainto_tsquery('$cfg', query))::int), 1) || ' %'
FROM p;
SELECT '  ' || pos || ' ' || round(100.0 * avg((to_tsvector('$cfg', wordform) @@ plainto_tsquery('$cfg', query))::int), 1) || ' %'
FROM p GROUP BY pos ORDER BY pos;
WITH q AS (SELECT DISTINCT query FROM p),
     f AS (SELECT DISTINCT query, wordform FROM p)
SELECT '  merged: ' || count(DISTINCT q.query) || ' of ' || (SELECT count(*) FROM q) || ' dictionary forms find a form of another one'
FROM q JOIN f ON f.query <> q.query
 AND to_tsvector('$cfg', f.wordform) @@ plainto_tsquery('$cfg', q.query)
 AND NOT EXISTS (SELECT 1 FROM f g WHERE g.query = q.query AND g.wordform = f.wordform);
SQL
done
