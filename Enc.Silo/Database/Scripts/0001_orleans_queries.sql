-- ENC schema 0001: the catalogue of operational queries the Orleans ADO.NET providers execute.
-- Orleans reads (QueryKey, QueryText) rows from this table at start and runs only those texts,
-- so every later script registers its queries here with an upsert.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT orleans_query_pk PRIMARY KEY (QueryKey)
);

-- Registers or replaces one query text.
CREATE OR REPLACE FUNCTION enc_orleans_put_query(p_key text, p_text text) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (p_key, p_text)
    ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
$$;
