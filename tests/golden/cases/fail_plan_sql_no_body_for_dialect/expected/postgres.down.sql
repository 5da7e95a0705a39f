--- stderr
fail_plan_sql_no_body_for_dialect/0002_analyze.mig:2:1: error[E0501]: 'sql' operation has no body for dialect 'postgres' (it has 'sqlite')
    2 | sql sqlite $$ ANALYZE users $$;
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: add a 'postgres $$ ... $$' body, or a body without a dialect name
1 error, 0 warnings generated
--- exit 1
