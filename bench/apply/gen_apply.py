#!/usr/bin/env python3
"""Generate the apply benchmark: N small migrations, four ways.

    gen_apply.py --count N --out DIR

Each migration creates one table with three columns and an index on it. DIR gets:
  migrac/<id>.mig                        the migrac project (a linear chain)
  alembic/alembic.ini, alembic/env.py,   the same migrations for Alembic
  alembic/versions/<id>.py               (op.create_table / op.create_index)
  dbmate/<id>.sql                        the same SQL for dbmate (-- migrate:up / down)
  all.sql                                the same statements in one file, for psql -1 -f

The SQL of dbmate and all.sql is what migrac emits for these migrations, so
every tool runs the same statements. Standard library only.
"""

import argparse
import os
import sys

# The Alembic project scaffolding (alembic.ini, env.py) is the compile benchmark's.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gen_history import ENV_PY, alembic_ini  # noqa: E402


def ident(i):
    return "%05d_create_t%05d" % (i, i), "t%05d" % i


def statements(table):
    return [
        "CREATE TABLE %s (\n  id bigint NOT NULL,\n  name text NOT NULL,\n"
        "  created_at timestamptz NOT NULL DEFAULT now(),\n  CONSTRAINT pk_%s PRIMARY KEY (id)\n)" % (table, table),
        "CREATE INDEX ix_%s_name ON %s (name)" % (table, table),
    ]


def mig(i, parent, table):
    head = "-- Benchmark migration %d: table %s with an index.\n" % (i, table)
    if parent:
        head += "after %s;\n" % parent
    return head + (
        "\ncreate table %s (\n  id bigint primary key,\n  name text not null,\n"
        "  created_at timestamptz not null default now()\n);\n"
        "create index on %s (name);\n" % (table, table))


def alembic_version(mid, parent, table):
    return '''"""create %(t)s

Revision ID: %(mid)s
Revises: %(parent)s
"""
from alembic import op
import sqlalchemy as sa

revision = %(rev)r
down_revision = %(down)r
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "%(t)s",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_%(t)s"),
    )
    op.create_index("ix_%(t)s_name", "%(t)s", ["name"])


def downgrade() -> None:
    op.drop_index("ix_%(t)s_name", table_name="%(t)s")
    op.drop_table("%(t)s")
''' % dict(t=table, mid=mid, parent=parent or "", rev=mid, down=parent)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    out = args.out
    write(os.path.join(out, "alembic", "alembic.ini"), alembic_ini("WARN"))
    write(os.path.join(out, "alembic", "alembic", "env.py"), ENV_PY)
    all_sql = []
    parent = None
    for i in range(1, args.count + 1):
        mid, table = ident(i)
        stmts = statements(table)
        write(os.path.join(out, "migrac", mid + ".mig"), mig(i, parent, table))
        write(os.path.join(out, "alembic", "alembic", "versions", mid + ".py"), alembic_version(mid, parent, table))
        write(os.path.join(out, "dbmate", mid + ".sql"),
              "-- migrate:up\n%s;\n\n-- migrate:down\nDROP TABLE %s;\n" % (";\n".join(stmts), table))
        all_sql.extend(s + ";" for s in stmts)
        parent = mid
    write(os.path.join(out, "all.sql"), "\n".join(all_sql) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
