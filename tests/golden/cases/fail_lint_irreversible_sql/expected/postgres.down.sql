--- stderr
fail_lint_irreversible_sql/0003_raw.up.sql:1:1: error[E0504]: migration '0003_raw' cannot be reverted: raw SQL migration without a .down.sql file
    1 | -- migrac:after 0002_change
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: write a 'down { }' block that undoes it, or downgrade to a later revision
fail_lint_irreversible_sql/0002_change.mig:3:1: error[E0504]: migration '0002_change' cannot be reverted: 'sql' without a 'down' block
    3 | sql $$ UPDATE users SET name = email WHERE name IS NULL $$;
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: write a 'down { }' block that undoes it, or downgrade to a later revision
2 errors, 0 warnings generated
--- exit 1
