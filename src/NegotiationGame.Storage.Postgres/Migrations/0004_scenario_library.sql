-- The scenario files instructors uploaded, one row per distinct text: its SHA-256 is the key, so the same file
-- uploaded twice, from any node, is one row. Classes copy the text into their own streams, so removing a row never
-- changes a class or a game.
CREATE TABLE negotiationgame_scenario_library (
    content_hash text PRIMARY KEY CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    scenario_id text NOT NULL,
    title text NOT NULL,
    uploaded_by text NOT NULL,
    uploaded_at timestamptz NOT NULL,
    json text NOT NULL
);
