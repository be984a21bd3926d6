-- ENC ledger schema, version 1. Applied once by Enc.Ledger.Storage.LedgerSchema (see docs/ledger.md).
-- Every table is append-only: the trigger enc_ledger_refuse_change refuses UPDATE, DELETE and TRUNCATE.

CREATE TABLE ledger_signers (
    public_key          bytea  PRIMARY KEY CHECK (octet_length(public_key) = 48),
    node_id             text   NOT NULL CHECK (node_id <> ''),
    proof_of_possession bytea  NOT NULL CHECK (octet_length(proof_of_possession) = 96),
    registered_at_ms    bigint NOT NULL
);

CREATE TABLE ledger_batches (
    sequence          bigint PRIMARY KEY CHECK (sequence >= 0),
    signer_public_key bytea  NOT NULL REFERENCES ledger_signers (public_key),
    leaf_hashes       bytea  NOT NULL CHECK (octet_length(leaf_hashes) > 0 AND octet_length(leaf_hashes) % 32 = 0),
    root              bytea  NOT NULL CHECK (octet_length(root) = 32),
    signature         bytea  NOT NULL CHECK (octet_length(signature) = 96),
    appended_at_ms    bigint NOT NULL
);

-- One row per receipt; position is the leaf index in the ledger's RFC 9162 tree. subject and kind are
-- copies of fields inside encoding, kept for lookups; ledger verification checks that they agree.
CREATE TABLE ledger_entries (
    position       bigint PRIMARY KEY CHECK (position >= 0),
    receipt_id     uuid   NOT NULL UNIQUE,
    batch_sequence bigint NOT NULL,
    batch_index    int    NOT NULL CHECK (batch_index >= 0),
    subject        text   NOT NULL,
    kind           int    NOT NULL,
    leaf_hash      bytea  NOT NULL,
    encoding       bytea  NOT NULL
);

CREATE INDEX ledger_entries_by_subject ON ledger_entries (subject, position);

-- Interior nodes of the ledger tree from level 8 up (lower ones are recomputed from leaf hashes).
CREATE TABLE ledger_nodes (
    level smallint NOT NULL CHECK (level >= 8 AND level < 64),
    idx   bigint   NOT NULL CHECK (idx >= 0),
    hash  bytea    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- Signed tree heads; the first one stored for a size is kept.
CREATE TABLE ledger_checkpoints (
    size              bigint PRIMARY KEY CHECK (size >= 0),
    root              bytea  NOT NULL CHECK (octet_length(root) = 32),
    timestamp_ms      bigint NOT NULL,
    signer_public_key bytea  NOT NULL,
    signature         bytea  NOT NULL
);

CREATE FUNCTION enc_ledger_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ENC ledger table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'EL001', HINT = 'Ledger rows are never changed or removed; see docs/ledger.md.';
END;
$$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['ledger_signers', 'ledger_batches', 'ledger_entries', 'ledger_nodes', 'ledger_checkpoints'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION enc_ledger_refuse_change()', t || '_append_only', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION enc_ledger_refuse_change()', t || '_no_truncate', t);
    END LOOP;
END;
$$;
