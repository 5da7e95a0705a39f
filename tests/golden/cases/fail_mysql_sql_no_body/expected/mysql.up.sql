--- stderr
fail_mysql_sql_no_body/0001_extension.mig:2:1: error[E0501]: 'sql' operation has no body for dialect 'mysql' (it has 'postgres', 'sqlite')
    2 | sql postgres $$ CREATE EXTENSION IF NOT EXISTS pg_trgm $$
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: add a 'mysql $$ ... $$' body, or a body without a dialect name
1 error, 0 warnings generated
--- exit 1
