-- ENC schema 0004: reminders for Orleans.Reminders.AdoNet (10.x contract). Rows are partitioned on
-- the ring by grain_hash; version is the ETag.

CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id    varchar(150)   NOT NULL,
    grain_id      varchar(150)   NOT NULL,
    reminder_name varchar(150)   NOT NULL,
    start_time    timestamptz(3) NOT NULL,
    period        bigint         NOT NULL,
    grain_hash    integer        NOT NULL,
    version       integer        NOT NULL,
    CONSTRAINT orleans_reminders_pk PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminders_ring_ix ON orleans_reminders (service_id, grain_hash);

SELECT enc_orleans_put_query('UpsertReminderRowKey',
    'INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
     VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period::bigint, @GrainHash, 0)
     ON CONFLICT ON CONSTRAINT orleans_reminders_pk DO UPDATE
        SET start_time = excluded.start_time, period = excluded.period,
            grain_hash = excluded.grain_hash, version = orleans_reminders.version + 1
     RETURNING version AS Version;');

-- Reminder rows with the column names Orleans reads.
CREATE OR REPLACE VIEW enc_orleans_reminder_rows AS
    SELECT service_id, grain_hash, grain_id AS GrainId, reminder_name AS ReminderName,
           start_time AS StartTime, period AS Period, version AS Version
      FROM orleans_reminders;

SELECT enc_orleans_put_query('ReadReminderRowsKey',
    'SELECT * FROM enc_orleans_reminder_rows WHERE service_id = @ServiceId AND GrainId = @GrainId;');

SELECT enc_orleans_put_query('ReadReminderRowKey',
    'SELECT * FROM enc_orleans_reminder_rows
      WHERE service_id = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;');

-- Range (BeginHash, EndHash] when it does not wrap around the ring ...
SELECT enc_orleans_put_query('ReadRangeRows1Key',
    'SELECT * FROM enc_orleans_reminder_rows
      WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;');

-- ... and when it wraps (BeginHash >= EndHash).
SELECT enc_orleans_put_query('ReadRangeRows2Key',
    'SELECT * FROM enc_orleans_reminder_rows
      WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);');

SELECT enc_orleans_put_query('DeleteReminderRowKey',
    'WITH gone AS (
         DELETE FROM orleans_reminders
          WHERE service_id = @ServiceId AND grain_id = @GrainId
            AND reminder_name = @ReminderName AND version = @Version
         RETURNING 1)
     SELECT count(*)::integer FROM gone;');

SELECT enc_orleans_put_query('DeleteReminderRowsKey',
    'DELETE FROM orleans_reminders WHERE service_id = @ServiceId;');
