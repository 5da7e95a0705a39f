#!/usr/bin/env python3
"""Writes the convention test projects: one history of PostgreSQL migrations,
laid out as each tool lays it out.

  tests/projects/golang-migrate/  000001_<name>.up.sql / .down.sql
  tests/projects/dbmate/          20240101000001_<name>.sql (-- migrate:up / -- migrate:down)
  tests/projects/flyway/          V<version>__<desc>.sql, U<version>__<desc>.sql (versions with dots),
                                  and two repeatables, R__<desc>.sql (a view and a function)

The history covers up/down pairs, a no-transaction migration with
CREATE INDEX CONCURRENTLY (each tool's own marker), an empty down, DO blocks,
a function, a view and a rename. tests/live/live_conventions.sh applies them;
tests/live/live_repeatables.sh applies the Flyway one with its repeatables.

  generate.py [OUTDIR]   (default: the folder of this script)
"""
import os
import shutil
import sys

# (name, up, down, no_transaction)
STEPS = [
    ("create_users",
     "CREATE TABLE users (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
     "  email text NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n",
     "DROP TABLE users;\n", False),
    ("create_orders",
     "CREATE TABLE orders (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
     "  user_id bigint NOT NULL REFERENCES users (id),\n"
     "  total numeric(12, 2) NOT NULL DEFAULT 0\n);\n",
     "DROP TABLE orders;\n", False),
    ("users_name", "ALTER TABLE users ADD COLUMN name text;\n",
     "ALTER TABLE users DROP COLUMN name;\n", False),
    ("orders_user_index",
     "CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);\n",
     "DROP INDEX CONCURRENTLY IF EXISTS orders_user_id_idx;\n", True),
    ("backfill_names",
     "UPDATE users SET name = split_part(email, '@', 1) WHERE name IS NULL;\n",
     "", False),
    ("order_status_type",
     "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'order_status') THEN\n"
     "    CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');\n  END IF;\nEND\n$$;\n",
     "DROP TYPE order_status;\n", False),
    ("orders_status",
     "ALTER TABLE orders ADD COLUMN status order_status NOT NULL DEFAULT 'new';\n",
     "ALTER TABLE orders DROP COLUMN status;\n", False),
    ("users_email_unique",
     "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);\n",
     "ALTER TABLE users DROP CONSTRAINT users_email_key;\n", False),
]

TABLES = ["articles", "tags", "comments", "audit_log", "invoices", "payments"]
for i, t in enumerate(TABLES):
    STEPS += [
        (f"create_{t}",
         f"CREATE TABLE {t} (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
         f"  user_id bigint REFERENCES users (id),\n  title varchar(80) NOT NULL\n);\n",
         f"DROP TABLE {t};\n", False),
        (f"{t}_body", f"ALTER TABLE {t} ADD COLUMN body text NOT NULL DEFAULT '';\n",
         f"ALTER TABLE {t} DROP COLUMN body;\n", False),
        (f"{t}_user_index", f"CREATE INDEX {t}_user_id_idx ON {t} (user_id);\n",
         f"DROP INDEX {t}_user_id_idx;\n", False),
        (f"{t}_title_check",
         f"ALTER TABLE {t} ADD CONSTRAINT {t}_title_check CHECK (length(title) > 0);\n",
         f"ALTER TABLE {t} DROP CONSTRAINT {t}_title_check;\n", False),
    ]

STEPS += [
    ("order_totals_view",
     "CREATE VIEW order_totals AS\n  SELECT user_id, sum(total) AS total FROM orders GROUP BY user_id;\n",
     "DROP VIEW order_totals;\n", False),
    ("touch_function",
     "CREATE FUNCTION touch_created() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
     "  NEW.created_at := now();\n  RETURN NEW;\nEND\n$$;\n",
     "DROP FUNCTION touch_created();\n", False),
    ("rename_invoice_title", "ALTER TABLE invoices RENAME COLUMN title TO label;\n",
     "ALTER TABLE invoices RENAME COLUMN label TO title;\n", False),
    ("guarded_column",
     "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns\n"
     "                 WHERE table_name = 'payments' AND column_name = 'paid_at') THEN\n"
     "    ALTER TABLE payments ADD COLUMN paid_at timestamptz;\n  END IF;\nEND\n$$;\n",
     "ALTER TABLE payments DROP COLUMN paid_at;\n", False),
]

# Flyway repeatables (description, text): run after the versioned migrations,
# in description order, again whenever their checksum changes.
REPEATABLES = [
    ("order_total_function",
     "CREATE OR REPLACE FUNCTION order_total(p_user bigint) RETURNS numeric\n"
     "LANGUAGE sql STABLE AS $$\n"
     "  SELECT coalesce(sum(total), 0) FROM orders WHERE user_id = p_user\n$$;\n"),
    ("user_orders_view",
     "CREATE OR REPLACE VIEW user_orders AS\n"
     "  SELECT u.id AS user_id, u.email, coalesce(sum(o.total), 0) AS total\n"
     "  FROM users u LEFT JOIN orders o ON o.user_id = u.id\n"
     "  GROUP BY u.id, u.email;\n"),
]


def flyway_version(n):
    """1, 1.1, 1.2, ... 1.4, 2, 2.1, ...: versions with dots, compared as versions."""
    major, minor = divmod(n - 1, 5)
    return f"{major + 1}" if minor == 0 else f"{major + 1}.{minor}"


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def golang_migrate(out):
    for n, (name, up, down, notx) in enumerate(STEPS, 1):
        # A title with a dot, as real histories have ("upgrade_channels_v6.0").
        title = name + ("_v6.0" if n == 12 else "")
        head = "-- morph:nontransactional\n" if notx else ""
        write(os.path.join(out, f"{n:06d}_{title}.up.sql"), head + up)
        write(os.path.join(out, f"{n:06d}_{title}.down.sql"), down)


def dbmate(out):
    for n, (name, up, down, notx) in enumerate(STEPS, 1):
        option = " transaction:false" if notx else ""
        text = f"-- migrate:up{option}\n{up}\n-- migrate:down{option}\n{down}"
        write(os.path.join(out, f"20240101{n:06d}_{name}.sql"), text)


def flyway(out):
    for n, (name, up, down, notx) in enumerate(STEPS, 1):
        v = flyway_version(n)
        desc = name
        write(os.path.join(out, f"V{v}__{desc}.sql"), up)
        write(os.path.join(out, f"U{v}__{desc}.sql"), down)
        if notx:
            write(os.path.join(out, f"V{v}__{desc}.sql.conf"), "executeInTransaction=false\n")
    for desc, text in REPEATABLES:
        write(os.path.join(out, f"R__{desc}.sql"), text)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for folder, writer in (("golang-migrate", golang_migrate), ("dbmate", dbmate),
                           ("flyway", flyway)):
        out = os.path.join(root, folder)
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        writer(out)
    print(f"{len(STEPS)} migrations in each of golang-migrate, dbmate, flyway under {root}")


if __name__ == "__main__":
    main()
