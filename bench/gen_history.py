#!/usr/bin/env python3
"""Generate a synthetic migration history for benchmarks.

    gen_history.py --count N --out DIR [--alembic DIR2] [--branches B]

writes N migrations DIR/<id>.mig, ids `%05d_<operation>` so that they sort, each
`after` the previous one. The history is a repetition of one pattern of
GROUP_SIZE steps: group k creates its own enum t<k>_state and tables t<k>_parent
and t<k>_child, works on them with every operation kind of docs/language.md,
then renames and drops the child table and the enum. The parent tables stay, so
the schema grows with N, and each child table references the previous group's
parent. Every prefix of the pattern is a valid history: N need not be a multiple
of GROUP_SIZE.

With --branches B (B >= 1) the history has B branch points, evenly spread, and
N migrations all the same: at each, a side migration (after the main line's
migration there) creates a table of its own with an index, the main line goes
on for BRANCH_LENGTH migrations, and a merge migration (after both) adds a
column to the side table; the main line continues after the merge.

With --alembic DIR2 it also writes the equivalent Alembic project (alembic.ini,
alembic/env.py, alembic/script.py.mako, alembic/versions/<id>.py, the revision ids
being the migrac ids) making the same schema changes on PostgreSQL, so that
`alembic upgrade head --sql` and `migrac upgrade head --sql` can be compared.

Standard library only.
"""

import argparse
import os
import re
import sys

ENUM_VALUES = ("new", "active", "done")
ENUM_VALUES_AFTER = ("new", "active", "archived", "done")

# A generated file: both kinds are removed from the output folders before writing,
# so that a run with a smaller --count leaves no stale migrations behind.
GENERATED_MIG = re.compile(r"^\d{5}_[a-z_]+\.mig$")
GENERATED_PY = re.compile(r"^\d{5}_[a-z_]+\.py$")


class Step:
    """One migration of the pattern, in both languages."""

    def __init__(self, op, doc, mig, up, down, settings=()):
        self.op = op              # operation kind, the id suffix
        self.doc = doc            # one line: what the migration does
        self.mig = mig            # .mig operations (without header)
        self.up = up              # Python statements of upgrade()
        self.down = down          # Python statements of downgrade()
        self.settings = settings  # `set name = value;` lines of the header


def names(k):
    """The names group k works on."""
    return dict(
        E="t%d_state" % k,
        P="t%d_parent" % k,
        C="t%d_child" % k,
        I="t%d_item" % k,
        prevP=("t%d_parent" % (k - 1)) if k > 0 else None,
    )


def sql_values(values):
    return ", ".join("'%s'" % v for v in values)


def py_enum(n, values=ENUM_VALUES):
    return "postgresql.ENUM(%s, name=%r, create_type=False)" % (
        ", ".join(repr(v) for v in values), n["E"])


def child_columns_py(n, values, state_default, with_note, with_code):
    """sa.Column(...) lines of the child table, as create_table arguments."""
    cols = [
        'sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False)',
        'sa.Column("parent_id", sa.BigInteger(), nullable=False)',
    ]
    if n["prevP"]:
        cols.append('sa.Column("prev_id", sa.BigInteger(), nullable=True)')
    state = 'sa.Column("state", %s, nullable=False' % py_enum(n, values)
    if state_default:
        state += ', server_default="new"'
    cols.append(state + ")")
    cols.append('sa.Column("amount", sa.Numeric(12, 2), server_default="0", nullable=False)')
    if with_note:
        cols.append('sa.Column("note", sa.Text(), nullable=True)')
    cols.append('sa.Column("created_at", sa.DateTime(timezone=True), '
                'server_default=sa.text("now()"), nullable=False)')
    if with_code:
        cols.append('sa.Column("code", sa.String(40), server_default="none", nullable=True)')
    return cols


def step_create_enum(k, n):
    return Step(
        "create_enum", "the enum of group %d" % k,
        "create enum %s (%s);" % (n["E"], sql_values(ENUM_VALUES)),
        ['op.execute("CREATE TYPE %s AS ENUM (%s)")' % (n["E"], sql_values(ENUM_VALUES))],
        ['op.execute("DROP TYPE %s")' % n["E"]])


def step_create_parent(k, n):
    P = n["P"]
    mig = ("create table %s (\n"
           "  id          bigint identity primary key,\n"
           "  name        varchar(100) not null,\n"
           "  created_at  timestamptz not null default now()\n"
           ");" % P)
    up = ["op.create_table(\n"
          "    %r,\n"
          '    sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),\n'
          '    sa.Column("name", sa.String(100), nullable=False),\n'
          '    sa.Column("created_at", sa.DateTime(timezone=True), '
          'server_default=sa.text("now()"), nullable=False),\n'
          '    sa.PrimaryKeyConstraint("id", name="pk_%s"),\n'
          ")" % (P, P)]
    return Step("create_table", "the parent table of group %d (it stays)" % k, mig, up,
                ["op.drop_table(%r)" % P])


def step_create_child(k, n):
    C, E, prevP = n["C"], n["E"], n["prevP"]
    lines = ["  id          bigint identity primary key,",
             "  parent_id   bigint not null,"]
    if prevP:
        lines.append("  prev_id     bigint references %s (id) on delete set null," % prevP)
    lines += ["  state       %s not null default 'new'," % E,
              "  amount      decimal(12, 2) not null default 0,",
              "  note        text,",
              "  created_at  timestamptz not null default now()"]
    mig = "create table %s (\n%s\n);" % (C, "\n".join(lines))
    args = [repr(C)] + child_columns_py(n, ENUM_VALUES, True, True, False)
    args.append('sa.PrimaryKeyConstraint("id", name="pk_%s")' % C)
    if prevP:
        args.append('sa.ForeignKeyConstraint(["prev_id"], ["%s.id"], name="fk_%s_prev_id_%s", '
                    'ondelete="SET NULL")' % (prevP, C, prevP))
    up = ["op.create_table(\n%s,\n)" % ",\n".join("    " + a for a in args)]
    return Step("create_table", "the child table of group %d" % k, mig, up,
                ["op.drop_table(%r)" % C])


def step_add_column(k, n):
    C = n["C"]
    return Step(
        "add_column", "a nullable column",
        "add column %s.code varchar(40);" % C,
        ['op.add_column(%r, sa.Column("code", sa.String(40), nullable=True))' % C],
        ['op.drop_column(%r, "code")' % C])


def step_backfill(k, n):
    C = n["C"]
    return Step(
        "backfill", "a data migration in batches",
        "backfill %s set code = coalesce(note, 'none') where code is null batch 500;" % C,
        ['op.execute("UPDATE %s SET code = coalesce(note, \'none\') WHERE code IS NULL")' % C],
        ["pass  # a backfill reverses to nothing"])


def step_set_not_null(k, n):
    C = n["C"]
    return Step(
        "set_not_null", "the backfilled column becomes required",
        "alter column %s.code set not null;" % C,
        ['op.alter_column(%r, "code", existing_type=sa.String(40), nullable=False)' % C],
        ['op.alter_column(%r, "code", existing_type=sa.String(40), nullable=True)' % C],
        settings=("set lock_timeout = 2s;",))


def step_add_unique(k, n):
    P = n["P"]
    name = "uq_%s_name" % P
    return Step(
        "add_unique", "a named unique constraint",
        "add constraint %s on %s unique (name);" % (name, P),
        ['op.create_unique_constraint(%r, %r, ["name"])' % (name, P)],
        ['op.drop_constraint(%r, %r, type_="unique")' % (name, P)])


def step_add_foreign_key(k, n):
    C, P = n["C"], n["P"]
    name = "fk_%s_parent_id_%s" % (C, P)  # the derived name
    return Step(
        "add_foreign_key", "an unnamed foreign key (derived name %s)" % name,
        "add constraint on %s foreign key (parent_id) references %s (id) on delete cascade;" % (C, P),
        ['op.create_foreign_key(%r, %r, %r, ["parent_id"], ["id"], ondelete="CASCADE")'
         % (name, C, P)],
        ['op.drop_constraint(%r, %r, type_="foreignkey")' % (name, C)])


def step_add_check(k, n):
    C = n["C"]
    name = "ck_%s_amount" % C
    return Step(
        "add_check", "a named check constraint",
        "add constraint %s on %s check (amount >= 0);" % (name, C),
        ['op.create_check_constraint(%r, %r, "amount >= 0")' % (name, C)],
        ['op.drop_constraint(%r, %r, type_="check")' % (name, C)])


def autocommit(stmt):
    return "with op.get_context().autocommit_block():\n    " + stmt


def step_create_index(k, n):
    C = n["C"]
    name = "ix_%s_parent_id" % C  # the derived name
    return Step(
        "create_index", "an unnamed index on an existing table (concurrent)",
        "create index on %s (parent_id);" % C,
        [autocommit('op.create_index(%r, %r, ["parent_id"], postgresql_concurrently=True)'
                    % (name, C))],
        [autocommit('op.drop_index(%r, table_name=%r, postgresql_concurrently=True)'
                    % (name, C))])


def partial_unique_index_py(n):
    return ('op.create_index(%r, %r, ["code"], unique=True, '
            'postgresql_where=sa.text("note IS NOT NULL"), postgresql_concurrently=True)'
            % ("ix_%s_code_live" % n["C"], n["C"]))


def step_create_unique_index(k, n):
    C = n["C"]
    name = "ix_%s_code_live" % C
    return Step(
        "create_unique_index", "a named, partial, unique index (concurrent)",
        "create unique index %s on %s (code) where note is not null;" % (name, C),
        [autocommit(partial_unique_index_py(n))],
        [autocommit('op.drop_index(%r, table_name=%r, postgresql_concurrently=True)'
                    % (name, C))])


def step_alter_type(k, n):
    P = n["P"]
    return Step(
        "alter_type", "widen a varchar",
        "alter column %s.name type varchar(200);" % P,
        ['op.alter_column(%r, "name", existing_type=sa.String(100), type_=sa.String(200), '
         'existing_nullable=False)' % P],
        ['op.alter_column(%r, "name", existing_type=sa.String(200), type_=sa.String(100), '
         'existing_nullable=False)' % P],
        settings=("set statement_timeout = 1min;",))


def step_set_default(k, n):
    C = n["C"]
    return Step(
        "set_default", "a column default",
        "alter column %s.code set default 'none';" % C,
        ['op.alter_column(%r, "code", existing_type=sa.String(40), server_default="none")' % C],
        ['op.alter_column(%r, "code", existing_type=sa.String(40), server_default=None)' % C])


def step_drop_default(k, n):
    C = n["C"]
    return Step(
        "drop_default", "drop the default of the enum column",
        "alter column %s.state drop default;" % C,
        ['op.alter_column(%r, "state", server_default=None)' % C],
        ['op.alter_column(%r, "state", server_default="new")' % C])


def step_alter_enum(k, n):
    E = n["E"]
    mig = ("alter enum %s add value 'archived' after 'active';\n"
           "\n"
           "-- PostgreSQL cannot drop an enum value: the downgrade keeps it\n"
           "down {\n"
           "}" % E)
    return Step(
        "alter_enum", "a new enum value, with an empty down block",
        mig,
        ['op.execute("ALTER TYPE %s ADD VALUE IF NOT EXISTS \'archived\' AFTER \'active\'")' % E],
        ["pass  # PostgreSQL cannot drop an enum value"])


def step_sql(k, n):
    P = n["P"]
    comment = "parents of group %d" % k
    mig = ("sql postgres $$ COMMENT ON TABLE %s IS '%s' $$\n"
           "    sqlite   $$ SELECT 1 $$\n"
           "    mysql    $$ ALTER TABLE %s COMMENT = '%s' $$;\n"
           "\n"
           "down {\n"
           "  sql postgres $$ COMMENT ON TABLE %s IS NULL $$\n"
           "      sqlite   $$ SELECT 1 $$\n"
           "      mysql    $$ ALTER TABLE %s COMMENT = '' $$;\n"
           "}" % (P, comment, P, comment, P, P))
    return Step(
        "sql", "raw SQL with per-dialect bodies and a down block",
        mig,
        ['op.execute("COMMENT ON TABLE %s IS \'%s\'")' % (P, comment)],
        ['op.execute("COMMENT ON TABLE %s IS NULL")' % P])


def step_no_transaction(k, n):
    C = n["C"]
    mig = ("no transaction {\n"
           "  sql postgres $$ VACUUM (ANALYZE) %s $$\n"
           "      sqlite   $$ ANALYZE %s $$\n"
           "      mysql    $$ ANALYZE TABLE %s $$;\n"
           "}\n"
           "\n"
           "down {\n"
           "  sql postgres $$ ANALYZE %s $$\n"
           "      sqlite   $$ ANALYZE %s $$\n"
           "      mysql    $$ ANALYZE TABLE %s $$;\n"
           "}" % (C, C, C, C, C, C))
    return Step(
        "no_transaction", "a non-transactional block (VACUUM) and a down block",
        mig,
        [autocommit('op.execute("VACUUM (ANALYZE) %s")' % C)],
        ['op.execute("ANALYZE %s")' % C])


def step_drop_index(k, n):
    C = n["C"]
    name = "ix_%s_code_live" % C
    return Step(
        "drop_index", "drop the partial unique index (concurrent)",
        "drop index %s;" % name,
        [autocommit('op.drop_index(%r, table_name=%r, postgresql_concurrently=True)'
                    % (name, C))],
        [autocommit(partial_unique_index_py(n))])


def step_drop_not_null(k, n):
    C = n["C"]
    return Step(
        "drop_not_null", "the column becomes optional again",
        "alter column %s.code drop not null;" % C,
        ['op.alter_column(%r, "code", existing_type=sa.String(40), nullable=True)' % C],
        ['op.alter_column(%r, "code", existing_type=sa.String(40), nullable=False)' % C])


def step_rename_column(k, n):
    C = n["C"]
    return Step(
        "rename_column", "rename a column",
        "rename column %s.note to remark;" % C,
        ['op.alter_column(%r, "note", new_column_name="remark")' % C],
        ['op.alter_column(%r, "remark", new_column_name="note")' % C])


def step_drop_constraint(k, n):
    C = n["C"]
    name = "ck_%s_amount" % C
    return Step(
        "drop_constraint", "drop the check constraint",
        "drop constraint %s on %s;" % (name, C),
        ['op.drop_constraint(%r, %r, type_="check")' % (name, C)],
        ['op.create_check_constraint(%r, %r, "amount >= 0")' % (name, C)])


def step_drop_column(k, n):
    C = n["C"]
    return Step(
        "drop_column", "drop a column (its data is gone on downgrade)",
        "drop column %s.remark;" % C,
        ['op.drop_column(%r, "remark")' % C],
        ['op.add_column(%r, sa.Column("remark", sa.Text(), nullable=True))' % C])


def step_rename_table(k, n):
    C, I = n["C"], n["I"]
    return Step(
        "rename_table", "rename the child table",
        "rename table %s to %s;" % (C, I),
        ["op.rename_table(%r, %r)" % (C, I)],
        ["op.rename_table(%r, %r)" % (I, C)])


def step_drop_table(k, n):
    C, I, P, prevP = n["C"], n["I"], n["P"], n["prevP"]
    # The downgrade recreates the table as it was: constraint and index names are
    # the ones given when it was still called C (a rename keeps them).
    args = [repr(I)] + child_columns_py(n, ENUM_VALUES_AFTER, False, False, True)
    args.append('sa.PrimaryKeyConstraint("id", name="pk_%s")' % C)
    args.append('sa.ForeignKeyConstraint(["parent_id"], ["%s.id"], name="fk_%s_parent_id_%s", '
                'ondelete="CASCADE")' % (P, C, P))
    if prevP:
        args.append('sa.ForeignKeyConstraint(["prev_id"], ["%s.id"], name="fk_%s_prev_id_%s", '
                    'ondelete="SET NULL")' % (prevP, C, prevP))
    down = ["op.create_table(\n%s,\n)" % ",\n".join("    " + a for a in args),
            'op.create_index(%r, %r, ["parent_id"])' % ("ix_%s_parent_id" % C, I)]
    return Step(
        "drop_table", "drop the (renamed) child table",
        "drop table %s;" % I,
        ["op.drop_table(%r)" % I],
        down)


def step_drop_enum(k, n):
    E = n["E"]
    return Step(
        "drop_enum", "drop the enum, no longer used",
        "drop enum %s;" % E,
        ['op.execute("DROP TYPE %s")' % E],
        ['op.execute("CREATE TYPE %s AS ENUM (%s)")' % (E, sql_values(ENUM_VALUES_AFTER))])


# The pattern of one group, in order. Each step only uses names created by the
# steps before it in the same group, or by earlier groups (prev_id -> t<k-1>_parent).
PATTERN = [
    step_create_enum,
    step_create_parent,
    step_create_child,
    step_add_column,
    step_backfill,
    step_set_not_null,
    step_add_unique,
    step_add_foreign_key,
    step_add_check,
    step_create_index,
    step_create_unique_index,
    step_alter_type,
    step_set_default,
    step_drop_default,
    step_alter_enum,
    step_sql,
    step_no_transaction,
    step_drop_index,
    step_drop_not_null,
    step_rename_column,
    step_drop_constraint,
    step_drop_column,
    step_rename_table,
    step_drop_table,
    step_drop_enum,
]
GROUP_SIZE = len(PATTERN)


# Main-line migrations between a branch point and its merge (--branches).
BRANCH_LENGTH = 5


def step_branch(j):
    T = "b%d_side" % j
    mig = ("create table %s (\n"
           "  id    bigint identity primary key,\n"
           "  name  text not null\n"
           ");\n"
           "create index on %s (name);" % (T, T))
    up = ["op.create_table(\n"
          "    %r,\n"
          '    sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),\n'
          '    sa.Column("name", sa.Text(), nullable=False),\n'
          '    sa.PrimaryKeyConstraint("id", name="pk_%s"),\n'
          ")" % (T, T),
          'op.create_index(%r, %r, ["name"])' % ("ix_%s_name" % T, T)]
    return Step("branch", "a side branch: its own table", mig, up, ["op.drop_table(%r)" % T])


def step_merge(j):
    T = "b%d_side" % j
    return Step(
        "merge", "the merge of side branch %d" % j,
        "add column %s.note text;" % T,
        ['op.add_column(%r, sa.Column("note", sa.Text(), nullable=True))' % T],
        ['op.drop_column(%r, "note")' % T])


def history(count, branches=0):
    """[(id, parent ids, group or None, position in group, Step)] of `count` migrations."""
    main = count - 2 * branches
    if branches and main < (branches + 1) * (BRANCH_LENGTH + 1):
        raise ValueError("--count %d is too small for %d branches" % (count, branches))
    # main-line index -> the branch that forks there; merge point -> its branch
    forks = {j * main // (branches + 1): j for j in range(1, branches + 1)}
    joins = {at + BRANCH_LENGTH: j for at, j in forks.items()}
    out = []
    prev = None
    sides = {}

    def emit(parents, k, s, step):
        mid = "%05d_%s" % (len(out) + 1, step.op)
        out.append((mid, [p for p in parents if p], k, s, step))
        return mid

    for i in range(main):
        k, s = divmod(i, GROUP_SIZE)
        prev = emit([prev], k, s, PATTERN[s](k, names(k)))
        if i in forks:
            sides[forks[i]] = emit([prev], None, 0, step_branch(forks[i]))
        if i in joins:
            prev = emit([prev, sides[joins[i]]], None, 0, step_merge(joins[i]))
    return out


def describe(k, s, step):
    if k is None:
        return "-- %s (%s)" % (step.op, step.doc)
    return "-- group %d, step %d of %d: %s (%s)" % (k, s + 1, GROUP_SIZE, step.op, step.doc)


def render_mig(mid, parents, k, s, step):
    lines = [describe(k, s, step)]
    if parents:
        lines.append("after %s;" % ", ".join(parents))
    lines.extend(step.settings)
    lines.append("")
    lines.append(step.mig)
    return "\n".join(lines) + "\n"


def indent(stmts):
    body = "\n".join(stmts)
    return "\n".join(("    " + l) if l else l for l in body.split("\n"))


def render_py(mid, parents, k, s, step):
    parent = parents[0] if len(parents) == 1 else (tuple(parents) if parents else None)
    return ('"""%s\n'
            "\n"
            "Revision ID: %s\n"
            "Revises: %s\n"
            '"""\n'
            "import sqlalchemy as sa\n"
            "from alembic import op\n"
            "from sqlalchemy.dialects import postgresql  # noqa: F401\n"
            "\n"
            "revision = %r\n"
            "down_revision = %r\n"
            "branch_labels = None\n"
            "depends_on = None\n"
            "\n"
            "\n"
            "def upgrade() -> None:\n"
            "%s\n"
            "\n"
            "\n"
            "def downgrade() -> None:\n"
            "%s\n") % (describe(k, s, step)[3:], mid, ", ".join(parents),
                       mid, parent, indent(step.up), indent(step.down))


ALEMBIC_INI_TEMPLATE = """\
# Generated for a migrac benchmark: the Alembic side.
[alembic]
script_location = %(here)s/alembic
# a placeholder; env.py prefers the DATABASE_URL environment variable
sqlalchemy.url = postgresql://localhost/bench

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = %(alembic_level)s
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
"""


def alembic_ini(alembic_level="INFO"):
    """alembic.ini of a generated project; `alembic_level` is the alembic logger's level
    (INFO prints a line per migration, as Alembic's own template does)."""
    return ALEMBIC_INI_TEMPLATE.replace("%(alembic_level)s", alembic_level)


ALEMBIC_INI = alembic_ini()

ENV_PY = '''\
"""Alembic environment of the generated benchmark project (the seeds' env.py shape)."""
import os
from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context

config = context.config

# The URL comes from the environment when set, as in the seeds (multi-environment).
database_url = os.environ.get("DATABASE_URL")
if database_url:
    config.set_main_option("sqlalchemy.url", database_url)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)

# The migrations are written by hand (generated), not autogenerated.
target_metadata = None


def run_migrations_offline() -> None:
    """Offline mode (`--sql`): print the SQL instead of connecting."""
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )

    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Online mode: connect and apply."""
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )

    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)

        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
'''

SCRIPT_MAKO = '''\
"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

# revision identifiers, used by Alembic.
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
'''


def clean(folder, pattern):
    for name in os.listdir(folder):
        if pattern.match(name):
            os.remove(os.path.join(folder, name))


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True, help="number of migrations")
    ap.add_argument("--out", required=True, help="folder for the .mig files")
    ap.add_argument("--alembic", metavar="DIR2",
                    help="also write the equivalent Alembic project here")
    ap.add_argument("--branches", type=int, default=0,
                    help="branch points, each with a side migration and a merge")
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be at least 1")

    try:
        migrations = history(args.count, args.branches)
    except ValueError as e:
        ap.error(str(e))

    os.makedirs(args.out, exist_ok=True)
    clean(args.out, GENERATED_MIG)
    for m in migrations:
        write(os.path.join(args.out, m[0] + ".mig"), render_mig(*m))

    if args.alembic:
        root = args.alembic
        versions = os.path.join(root, "alembic", "versions")
        os.makedirs(versions, exist_ok=True)
        clean(versions, GENERATED_PY)
        write(os.path.join(root, "alembic.ini"), ALEMBIC_INI)
        write(os.path.join(root, "alembic", "env.py"), ENV_PY)
        write(os.path.join(root, "alembic", "script.py.mako"), SCRIPT_MAKO)
        for m in migrations:
            write(os.path.join(versions, m[0] + ".py"), render_py(*m))

    main_line = args.count - 2 * args.branches
    print("wrote %d migrations (%d groups of %d steps, %d branch points) to %s%s" % (
        args.count, (main_line + GROUP_SIZE - 1) // GROUP_SIZE, GROUP_SIZE, args.branches, args.out,
        (" and " + args.alembic) if args.alembic else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
