-- migrac upgrade script for sqlite: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_all_types
-- file: create_table_all_types/0001_all_types.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | create_table_all_types/0001_all_types.mig:4
CREATE TABLE all_types (
  id INTEGER NOT NULL CONSTRAINT pk_all_types PRIMARY KEY AUTOINCREMENT,
  a_small INTEGER NOT NULL DEFAULT 0,
  a_int INTEGER,
  a_big INTEGER,
  a_real REAL,
  a_double REAL,
  a_dec NUMERIC NOT NULL DEFAULT 0.00,
  a_num NUMERIC,
  a_bool INTEGER NOT NULL DEFAULT FALSE,
  a_text TEXT DEFAULT 'it''s',
  a_var TEXT,
  a_char TEXT,
  a_bytes BLOB,
  a_date TEXT,
  a_time TEXT,
  a_ts TEXT,
  a_tstz TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  a_ival TEXT,
  a_uuid TEXT,
  a_json TEXT,
  a_jsonb TEXT,
  a_mood TEXT DEFAULT 'happy' CHECK (a_mood IN ('happy', 'sad')),
  a_native inet,
  CONSTRAINT ck_all_types_a_int CHECK (a_int >= 0),
  CONSTRAINT uq_all_types_a_var UNIQUE (a_var),
  CONSTRAINT ck_all_types_range CHECK (a_small BETWEEN -10 AND 10 OR a_small IS NULL)
);

COMMIT;
--- exit 0
