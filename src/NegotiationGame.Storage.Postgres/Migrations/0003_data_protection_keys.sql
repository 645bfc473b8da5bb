-- The ASP.NET Data Protection key ring that every cluster node shares, so that a token or download ticket protected
-- by one node unprotects on every other. One row per element the key manager stored (a key, or a revocation), in the
-- order it stored them. Rows are only ever added: the key manager retires a key by storing a revocation, never by
-- changing or deleting one, so the friendly name it gives is kept for the operator but need not be unique.
CREATE TABLE negotiationgame_data_protection_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL,
    xml text NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);
