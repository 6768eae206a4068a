-- jixiao schema, version 2: an expert may recuse from an indicator (回避).
-- expert_scores.score becomes nullable: NULL is a recusal, kept as a row so
-- that each score stays at its expert's position.

-- @postgres
ALTER TABLE expert_scores ALTER COLUMN score DROP NOT NULL;

-- @sqlite
-- SQLite cannot drop a NOT NULL constraint: the table is built again.
CREATE TABLE expert_scores_v2 (
  evaluation_id BIGINT NOT NULL REFERENCES evaluations (id),
  indicator INTEGER NOT NULL,  -- position in evaluation_indicators
  expert INTEGER NOT NULL,     -- position in evaluation_experts
  score DOUBLE PRECISION,      -- NULL: the expert recused
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (evaluation_id, indicator, expert)
) WITHOUT ROWID;
INSERT INTO expert_scores_v2 (evaluation_id, indicator, expert, score, comment)
  SELECT evaluation_id, indicator, expert, score, comment FROM expert_scores;
DROP TABLE expert_scores;
ALTER TABLE expert_scores_v2 RENAME TO expert_scores;
