-- Saved stations are read back in the order their devices were given (StationConfig.devices is display order).
ALTER TABLE device ADD COLUMN display_order INT DEFAULT 0 NOT NULL;
