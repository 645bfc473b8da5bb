-- Orleans cluster membership for Microsoft.Orleans.Clustering.AdoNet 10.4.2 (Invariant "Npgsql").
--
-- The provider reads every query it runs from the table OrleansQuery (it issues
-- "SELECT QueryKey, QueryText FROM OrleansQuery", unquoted, so the table and its columns are folded to lower case) and
-- refuses to start unless all nine of its required clustering keys are there; a tenth, CleanupDefunctSiloEntryKey,
-- is optional in 10.4.2 and used instead of CleanupDefunctSiloEntriesKey when present (both are here). It binds
-- parameters by name (@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
-- @SuspectTimes, @StartTime, @IAmAliveTime, @Version) and reads result columns by name, case-insensitively. Its
-- DeploymentId is the cluster id.
--
-- Optimistic concurrency: one version row per cluster. Every change to a silo's row (except the periodic I-am-alive
-- stamp, which the protocol leaves unversioned) must name the version it read and bumps it in the same statement;
-- a writer with a stale version changes nothing and is told so (0), and Orleans reads the table again and retries.

CREATE TABLE orleans_membership_versions (
    deployment_id text NOT NULL PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership_silos (
    deployment_id text NOT NULL REFERENCES orleans_membership_versions (deployment_id) ON DELETE CASCADE,
    address text NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name text NOT NULL,
    host_name text NOT NULL,
    status integer NOT NULL,
    proxy_port integer NOT NULL,
    suspect_times text NULL,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

CREATE TABLE OrleansQuery (
    QueryKey text NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Run by every silo as it starts: makes sure the cluster has its version row. One column: 1 if it was created here.
('InsertMembershipVersionKey', '
WITH created AS (
    INSERT INTO orleans_membership_versions (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*) FROM created'),

-- A silo announces itself. Succeeds (1) only if the version is still the one the silo read and its row is new.
('InsertMembershipKey', '
WITH bumped AS (
    UPDATE orleans_membership_versions
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM orleans_membership_silos
          WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), inserted AS (
    INSERT INTO orleans_membership_silos (
        deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT count(*) FROM inserted'),

-- A status change or a suspicion vote. Succeeds (1) only if the version is still the one the writer read.
('UpdateMembershipKey', '
WITH bumped AS (
    UPDATE orleans_membership_versions
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND EXISTS (
          SELECT 1 FROM orleans_membership_silos
          WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), updated AS (
    UPDATE orleans_membership_silos AS silo
    SET status = @Status, suspect_times = CAST(@SuspectTimes AS text), i_am_alive_time = @IAmAliveTime
    FROM bumped
    WHERE silo.deployment_id = bumped.deployment_id
      AND silo.address = @Address AND silo.port = @Port AND silo.generation = @Generation
    RETURNING 1
)
SELECT count(*) FROM updated'),

-- The periodic heartbeat; Orleans neither versions nor checks it.
('UpdateIAmAlivetimeKey', '
UPDATE orleans_membership_silos
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),

-- One silo''s row with the cluster''s version; the version comes back even when the silo has no row (NULL columns).
('MembershipReadRowKey', '
SELECT
    silo.address AS "Address", silo.port AS "Port", silo.generation AS "Generation",
    silo.silo_name AS "SiloName", silo.host_name AS "HostName", silo.status AS "Status",
    silo.proxy_port AS "ProxyPort", silo.suspect_times AS "SuspectTimes",
    silo.start_time AS "StartTime", silo.i_am_alive_time AS "IAmAliveTime",
    versions.version AS "Version"
FROM orleans_membership_versions AS versions
LEFT JOIN orleans_membership_silos AS silo
    ON silo.deployment_id = versions.deployment_id
   AND silo.address = @Address AND silo.port = @Port AND silo.generation = @Generation
WHERE versions.deployment_id = @DeploymentId'),

-- Every silo''s row with the cluster''s version (one row of NULLs and the version when there are no silos).
('MembershipReadAllKey', '
SELECT
    silo.address AS "Address", silo.port AS "Port", silo.generation AS "Generation",
    silo.silo_name AS "SiloName", silo.host_name AS "HostName", silo.status AS "Status",
    silo.proxy_port AS "ProxyPort", silo.suspect_times AS "SuspectTimes",
    silo.start_time AS "StartTime", silo.i_am_alive_time AS "IAmAliveTime",
    versions.version AS "Version"
FROM orleans_membership_versions AS versions
LEFT JOIN orleans_membership_silos AS silo ON silo.deployment_id = versions.deployment_id
WHERE versions.deployment_id = @DeploymentId'),

-- Forgets a whole cluster; its silos'' rows go with the version row.
('DeleteMembershipTableEntriesKey', '
DELETE FROM orleans_membership_versions WHERE deployment_id = @DeploymentId'),

-- The gateways that clients may connect to: active silos with a gateway port. @Status is Active.
('GatewaysQueryKey', '
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership_silos
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0'),

-- Removes silos declared dead (SiloStatus.Dead = 6) whose last heartbeat is older than @IAmAliveTime, so that the
-- table does not grow with every restart. Live and joining silos are never removed here. The provider runs this one
-- only when the next is missing.
('CleanupDefunctSiloEntriesKey', '
DELETE FROM orleans_membership_silos
WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime'),

-- The provider's preferred cleanup: it reads the table, picks the dead silos whose start, heartbeat and votes are all
-- older than its cut-off, and deletes each only if the row is still exactly as it read it, so that a row changed in
-- the meantime survives.
('CleanupDefunctSiloEntryKey', '
DELETE FROM orleans_membership_silos
WHERE deployment_id = @DeploymentId AND status = 6
  AND address = @Address AND port = @Port AND generation = @Generation
  AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
  AND suspect_times IS NOT DISTINCT FROM CAST(@SuspectTimes AS text)');
