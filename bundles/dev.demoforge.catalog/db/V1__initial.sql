CREATE TABLE station (
  id VARCHAR(200) PRIMARY KEY,
  robot_type VARCHAR(200),
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE device (
  station_id VARCHAR(200) NOT NULL REFERENCES station(id) ON DELETE CASCADE,
  device_id VARCHAR(200) NOT NULL,
  driver_id VARCHAR(200) NOT NULL,
  properties_json CLOB NOT NULL,
  PRIMARY KEY (station_id, device_id)
);
CREATE TABLE session (
  id VARCHAR(64) PRIMARY KEY,
  operator VARCHAR(200),
  station_id VARCHAR(200),
  task CLOB,
  scene_notes CLOB,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at TIMESTAMP WITH TIME ZONE
);
CREATE TABLE episode (
  id VARCHAR(64) PRIMARY KEY,
  session_id VARCHAR(64),
  station_id VARCHAR(200),
  task CLOB,
  operator VARCHAR(200),
  started_at TIMESTAMP WITH TIME ZONE,
  duration_s DOUBLE PRECISION,
  frames BIGINT,
  drops BIGINT,
  status VARCHAR(20) NOT NULL,
  review VARCHAR(20) NOT NULL,
  directory CLOB NOT NULL,
  problem CLOB
);
CREATE INDEX episode_started_at ON episode(started_at);
CREATE TABLE review_decision (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  episode_id VARCHAR(64) NOT NULL,
  state VARCHAR(20) NOT NULL,
  reviewer VARCHAR(200),
  reason CLOB,
  decided_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE check_result (
  episode_id VARCHAR(64) NOT NULL,
  check_id VARCHAR(200) NOT NULL,
  verdict VARCHAR(10) NOT NULL,
  score DOUBLE PRECISION,
  reasons_json CLOB,
  PRIMARY KEY (episode_id, check_id)
);
