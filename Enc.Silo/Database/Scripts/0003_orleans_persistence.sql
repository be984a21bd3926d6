-- ENC schema 0003: grain state for Orleans.Persistence.AdoNet (10.x contract), binary payloads.
-- One row per (service, grain type, grain id); the unique key makes a concurrent first write by two
-- activations impossible, and the version column gives optimistic concurrency (ETag).

CREATE TABLE IF NOT EXISTS orleans_storage
(
    service_id      varchar(150) NOT NULL,
    grain_type_hash integer      NOT NULL,
    grain_type      varchar(512) NOT NULL,
    grain_id_hash   integer      NOT NULL,
    grain_id_n0     bigint       NOT NULL,
    grain_id_n1     bigint       NOT NULL,
    grain_id_ext    varchar(512) NOT NULL DEFAULT '',
    payload         bytea        NULL,
    modified_on     timestamptz  NOT NULL DEFAULT now(),
    version         integer      NOT NULL,
    CONSTRAINT orleans_storage_pk
        PRIMARY KEY (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_ext)
);

-- Writes a grain's state. A NULL expected version means "never written": insert version 1.
-- Returns the new version, or the expected version unchanged (possibly NULL) on a conflict, which
-- Orleans reports as an inconsistent-state error.
CREATE OR REPLACE FUNCTION enc_orleans_write_state(
    p_id_hash integer, p_n0 bigint, p_n1 bigint, p_type_hash integer, p_type text, p_ext text,
    p_service text, p_version integer, p_payload bytea) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_new integer;
BEGIN
    IF p_version IS NULL THEN
        INSERT INTO orleans_storage (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0,
                                     grain_id_n1, grain_id_ext, payload, version)
        VALUES (p_service, p_type_hash, p_type, p_id_hash, p_n0, p_n1, coalesce(p_ext, ''), p_payload, 1)
        ON CONFLICT ON CONSTRAINT orleans_storage_pk DO NOTHING
        RETURNING version INTO v_new;
        RETURN v_new;
    END IF;

    UPDATE orleans_storage
       SET payload = p_payload, modified_on = now(), version = version + 1
     WHERE service_id = p_service AND grain_type_hash = p_type_hash AND grain_type = p_type
       AND grain_id_hash = p_id_hash AND grain_id_n0 = p_n0 AND grain_id_n1 = p_n1
       AND grain_id_ext = coalesce(p_ext, '') AND version = p_version
    RETURNING version INTO v_new;
    RETURN coalesce(v_new, p_version);
END $$;

SELECT enc_orleans_put_query('WriteToStorageKey',
    'SELECT enc_orleans_write_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion;');

SELECT enc_orleans_put_query('ReadFromStorageKey',
    'SELECT payload AS PayloadBinary, NULL::xml AS PayloadXml, NULL::text AS PayloadJson,
            modified_on AS ModifiedOn, version AS Version
       FROM orleans_storage
      WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_type = @GrainTypeString
        AND grain_id_hash = @GrainIdHash AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_ext = coalesce(@GrainIdExtensionString, '''');');

SELECT enc_orleans_put_query('ClearStorageKey',
    'UPDATE orleans_storage
        SET payload = NULL, modified_on = now(), version = version + 1
      WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_type = @GrainTypeString
        AND grain_id_hash = @GrainIdHash AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_ext = coalesce(@GrainIdExtensionString, '''') AND version = @GrainStateVersion
    RETURNING version AS NewGrainStateVersion;');

SELECT enc_orleans_put_query('DeleteStorageKey',
    'DELETE FROM orleans_storage
      WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_type = @GrainTypeString
        AND grain_id_hash = @GrainIdHash AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_ext = coalesce(@GrainIdExtensionString, '''') AND version = @GrainStateVersion
    RETURNING version + 1 AS NewGrainStateVersion;');
