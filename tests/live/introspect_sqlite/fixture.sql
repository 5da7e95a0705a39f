-- A hand-written SQLite schema with every kind the introspection reads, and
-- what the model does not hold (tests/live/live_introspect_sqlite.sh).
-- The history table, as the runtime creates it: never part of the schema.
CREATE TABLE migrac_history (
  id              text PRIMARY KEY,
  checksum        text NOT NULL,
  parents         text NOT NULL DEFAULT '',
  segments_done   integer NOT NULL DEFAULT 0,
  segments_total  integer NOT NULL,
  down_done       integer NOT NULL DEFAULT 0,
  segment_started integer NOT NULL DEFAULT 0,
  applied_at      text NOT NULL DEFAULT CURRENT_TIMESTAMP,
  duration_ms     bigint NOT NULL DEFAULT 0,
  applied_by      text NOT NULL DEFAULT (migrac_user()),
  method          text NOT NULL DEFAULT 'run'
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email VARCHAR(255) NOT NULL UNIQUE,
  "Display Name" TEXT,
  nick text COLLATE NOCASE,
  age SMALLINT CHECK (age >= 0) CHECK (age < 200),
  score DOUBLE PRECISION DEFAULT -1.5,
  balance NUMERIC(12, 2) NOT NULL DEFAULT 0.00,
  price DECIMAL(8) DEFAULT 1e3,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  motto TEXT DEFAULT 'it''s fine',
  code CHAR(2),
  big BIGINT,
  raw BLOB DEFAULT X'00ff',
  born DATE,
  wakes TIME,
  seen TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  seen_tz TIMESTAMPTZ,
  idle INTERVAL,
  token UUID,
  doc JSON,
  docb JSONB,
  addr inet,
  untyped,
  lowered TEXT DEFAULT (lower('ABC')),
  mood TEXT NOT NULL DEFAULT 'happy' CHECK (mood IN ('happy', 'sad', 'it''s')),
  "order" INTEGER,
  email_domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) VIRTUAL,
  email_len INTEGER AS (length(email)) STORED,
  CONSTRAINT uq_users_nick_code UNIQUE (nick, code),
  CONSTRAINT ck_users_score CHECK (score IS NULL OR score BETWEEN -10 AND 10)
);

CREATE TABLE teams (
  id INTEGER NOT NULL CONSTRAINT pk_teams PRIMARY KEY,
  name TEXT NOT NULL CONSTRAINT uq_teams_name UNIQUE,
  mood TEXT CHECK (mood IN ('happy', 'sad', 'it''s'))
) STRICT;

CREATE TABLE memberships (
  user_id INTEGER NOT NULL REFERENCES users ON DELETE CASCADE,
  team_id INTEGER NOT NULL CONSTRAINT fk_memberships_team REFERENCES teams (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  invited_by INTEGER,
  role TEXT NOT NULL DEFAULT 'member',
  CONSTRAINT pk_memberships PRIMARY KEY (user_id, team_id),
  FOREIGN KEY (invited_by) REFERENCES users (id) ON DELETE SET NULL ON UPDATE SET DEFAULT DEFERRABLE INITIALLY DEFERRED,
  CHECK (role <> '')
);

-- Composite foreign key onto a unique constraint, NO ACTION spelled out.
CREATE TABLE "Team Badges" (
  team_name TEXT NOT NULL,
  badge TEXT NOT NULL,
  nick TEXT,
  code CHAR(2),
  PRIMARY KEY (team_name, badge),
  CONSTRAINT fk_badges_owner FOREIGN KEY (nick, code) REFERENCES users (nick, code) ON DELETE NO ACTION
) WITHOUT ROWID;

CREATE TABLE counters (name TEXT PRIMARY KEY ON CONFLICT REPLACE, value INTEGER NOT NULL DEFAULT 0);

CREATE INDEX ix_users_email_lower ON users (lower(email));
CREATE UNIQUE INDEX ix_users_token ON users (token) WHERE token IS NOT NULL;
CREATE INDEX "ix users seen" ON users (seen DESC, age);
CREATE INDEX ix_users_sum ON users ((age + big), "Display Name");
CREATE INDEX ix_memberships_role ON memberships (role) WHERE role IN ('owner', 'admin');
CREATE INDEX ix_history_checksum ON migrac_history (checksum);

CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;
CREATE TRIGGER trg_counters_touch AFTER UPDATE ON counters BEGIN
  UPDATE counters SET value = value + 1 WHERE name = 'touched';
END;
CREATE VIRTUAL TABLE notes_fts USING fts5(body);
