ALTER TABLE review_decision ADD COLUMN reason_code VARCHAR(40);
ALTER TABLE review_decision ADD COLUMN undone_at TIMESTAMP WITH TIME ZONE;
CREATE TABLE review_action (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  episode_id VARCHAR(64) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  summary CLOB NOT NULL,
  reviewer VARCHAR(200),
  acted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  target_id BIGINT,
  previous_review VARCHAR(20),
  previous_value DOUBLE PRECISION,
  previous_flag BOOLEAN,
  undone_at TIMESTAMP WITH TIME ZONE,
  undone_by VARCHAR(200)
);
CREATE INDEX review_action_episode ON review_action(episode_id);
CREATE TABLE episode_trim (
  episode_id VARCHAR(64) PRIMARY KEY,
  start_s DOUBLE PRECISION,
  end_s DOUBLE PRECISION,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE episode_flag (
  episode_id VARCHAR(64) PRIMARY KEY,
  flagged BOOLEAN NOT NULL,
  note CLOB,
  reviewer VARCHAR(200),
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE episode_annotation (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  episode_id VARCHAR(64) NOT NULL,
  start_s DOUBLE PRECISION NOT NULL,
  end_s DOUBLE PRECISION NOT NULL,
  kind VARCHAR(20) NOT NULL,
  text CLOB NOT NULL,
  reviewer VARCHAR(200),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  removed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX episode_annotation_episode ON episode_annotation(episode_id);
