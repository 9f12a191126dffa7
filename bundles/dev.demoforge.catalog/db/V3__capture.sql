CREATE TABLE task_spec (
  id VARCHAR(64) PRIMARY KEY,
  name VARCHAR(200) NOT NULL UNIQUE,
  instruction CLOB NOT NULL,
  success_check VARCHAR(200) NOT NULL,
  success_params CLOB NOT NULL,
  time_limit_s DOUBLE PRECISION NOT NULL,
  reset_s DOUBLE PRECISION NOT NULL,
  target_episodes INT NOT NULL,
  seed BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE task_factor (
  task_id VARCHAR(64) NOT NULL REFERENCES task_spec(id) ON DELETE CASCADE,
  position INT NOT NULL,
  name VARCHAR(200) NOT NULL,
  prompt CLOB NOT NULL,
  levels_json CLOB NOT NULL,
  PRIMARY KEY (task_id, position)
);
ALTER TABLE session ADD COLUMN task_id VARCHAR(64);
ALTER TABLE session ADD COLUMN hardware CLOB;
CREATE TABLE session_episode (
  episode_id VARCHAR(64) PRIMARY KEY,
  session_id VARCHAR(64) NOT NULL,
  episode_index INT NOT NULL,
  attempt INT NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  mark VARCHAR(20),
  marked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX session_episode_session ON session_episode(session_id, started_at);
CREATE TABLE episode_scene (
  episode_id VARCHAR(64) NOT NULL REFERENCES session_episode(episode_id) ON DELETE CASCADE,
  position INT NOT NULL,
  factor VARCHAR(200) NOT NULL,
  level VARCHAR(200) NOT NULL,
  PRIMARY KEY (episode_id, position)
);
