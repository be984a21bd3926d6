-- ENC schema 0002: cluster membership for Orleans.Clustering.AdoNet (10.x contract).
-- One version row per cluster (DeploymentId) guards every membership write with optimistic
-- concurrency; one row per silo incarnation (address, port, generation).

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150)   NOT NULL,
    changed_at    timestamptz(3) NOT NULL DEFAULT now(),
    version       integer        NOT NULL DEFAULT 0,
    CONSTRAINT orleans_membership_version_pk PRIMARY KEY (deployment_id)
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id  varchar(150)   NOT NULL,
    address        varchar(45)    NOT NULL,
    port           integer        NOT NULL,
    generation     integer        NOT NULL,
    silo_name      varchar(150)   NOT NULL,
    host_name      varchar(150)   NOT NULL,
    status         integer        NOT NULL,
    proxy_port     integer        NULL,
    suspect_times  varchar(8000)  NULL,
    start_time     timestamptz(3) NOT NULL,
    i_am_alive     timestamptz(3) NOT NULL,
    CONSTRAINT orleans_membership_pk PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_version_fk FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id)
);

-- Creates the version row of a cluster; 1 when created, 0 when it already existed.
CREATE OR REPLACE FUNCTION enc_orleans_membership_init(p_deployment text) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO orleans_membership_version (deployment_id) VALUES (p_deployment)
    ON CONFLICT (deployment_id) DO NOTHING;
    RETURN CASE WHEN FOUND THEN 1 ELSE 0 END;
END $$;

-- Bumps the cluster version when the caller saw the current one; false when it is stale.
CREATE OR REPLACE FUNCTION enc_orleans_membership_bump(p_deployment text, p_version integer) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment AND version = p_version;
    RETURN FOUND;
END $$;

-- Adds a silo row and bumps the cluster version, both or neither; 1 on success, 0 on conflict
-- (row exists or the caller's version is stale). SQLSTATE ENC01 rolls back the inner block.
CREATE OR REPLACE FUNCTION enc_orleans_membership_insert(
    p_deployment text, p_address text, p_port integer, p_generation integer,
    p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive timestamptz, p_version integer) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                        status, proxy_port, start_time, i_am_alive)
        VALUES (p_deployment, p_address, p_port, p_generation, p_silo_name, p_host_name,
                p_status, p_proxy_port, p_start_time, p_i_am_alive)
        ON CONFLICT ON CONSTRAINT orleans_membership_pk DO NOTHING;
        IF NOT FOUND OR NOT enc_orleans_membership_bump(p_deployment, p_version) THEN
            RAISE EXCEPTION 'enc: membership insert conflict' USING ERRCODE = 'ENC01';
        END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'ENC01' THEN
        RETURN 0;
    END;
END $$;

-- Updates a silo row and bumps the cluster version, both or neither; 1 on success, 0 on conflict.
CREATE OR REPLACE FUNCTION enc_orleans_membership_update(
    p_deployment text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive timestamptz, p_version integer) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        IF NOT enc_orleans_membership_bump(p_deployment, p_version) THEN
            RAISE EXCEPTION 'enc: stale membership version' USING ERRCODE = 'ENC01';
        END IF;

        UPDATE orleans_membership
           SET status = p_status, suspect_times = p_suspect_times, i_am_alive = p_i_am_alive
         WHERE deployment_id = p_deployment AND address = p_address
           AND port = p_port AND generation = p_generation;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'enc: membership row missing' USING ERRCODE = 'ENC01';
        END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'ENC01' THEN
        RETURN 0;
    END;
END $$;

-- The cluster's version row joined with its silo rows (all rows when p_address is NULL, else the
-- one matching row); the version row is returned even when no silo row matches.
CREATE OR REPLACE FUNCTION enc_orleans_membership_read(
    p_deployment text, p_address text, p_port integer, p_generation integer)
RETURNS TABLE (DeploymentId varchar, Address varchar, Port integer, Generation integer, SiloName varchar,
               HostName varchar, Status integer, ProxyPort integer, SuspectTimes varchar,
               StartTime timestamptz, IAmAliveTime timestamptz, Version integer)
LANGUAGE sql STABLE AS $$
    SELECT v.deployment_id, m.address, m.port, m.generation, m.silo_name, m.host_name, m.status,
           m.proxy_port, m.suspect_times, m.start_time, m.i_am_alive, v.version
      FROM orleans_membership_version v
      LEFT JOIN orleans_membership m
        ON m.deployment_id = v.deployment_id
       AND (p_address IS NULL OR (m.address = p_address AND m.port = p_port AND m.generation = p_generation))
     WHERE v.deployment_id = p_deployment;
$$;

SELECT enc_orleans_put_query('InsertMembershipVersionKey',
    'SELECT enc_orleans_membership_init(@DeploymentId);');

SELECT enc_orleans_put_query('InsertMembershipKey',
    'SELECT enc_orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);');

SELECT enc_orleans_put_query('UpdateMembershipKey',
    'SELECT enc_orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,
        @SuspectTimes, @IAmAliveTime, @Version);');

SELECT enc_orleans_put_query('UpdateIAmAlivetimeKey',
    'UPDATE orleans_membership SET i_am_alive = @IAmAliveTime
      WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;');

SELECT enc_orleans_put_query('MembershipReadRowKey',
    'SELECT * FROM enc_orleans_membership_read(@DeploymentId, @Address, @Port, @Generation);');

SELECT enc_orleans_put_query('MembershipReadAllKey',
    'SELECT * FROM enc_orleans_membership_read(@DeploymentId, NULL, NULL, NULL);');

SELECT enc_orleans_put_query('DeleteMembershipTableEntriesKey',
    'DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
     DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;');

SELECT enc_orleans_put_query('GatewaysQueryKey',
    'SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
       FROM orleans_membership
      WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;');

-- Status 3 is Active: active rows are never cleaned up, however old their heartbeat.
SELECT enc_orleans_put_query('CleanupDefunctSiloEntriesKey',
    'DELETE FROM orleans_membership
      WHERE deployment_id = @DeploymentId AND i_am_alive < @IAmAliveTime AND status <> 3;');
