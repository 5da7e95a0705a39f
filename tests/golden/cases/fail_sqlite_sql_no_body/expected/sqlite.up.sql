--- stderr
fail_sqlite_sql_no_body/0001_extension.mig:2:1: error[E0501]: 'sql' operation has no body for dialect 'sqlite' (it has 'postgres', 'mysql')
    2 | sql postgres $$ CREATE EXTENSION IF NOT EXISTS pg_trgm $$
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: add a 'sqlite $$ ... $$' body, or a body without a dialect name
1 error, 0 warnings generated
--- exit 1
