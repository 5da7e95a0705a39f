--- stderr
fail_plan_backfill_volatile_without_where/0002_backfill_seen_at.mig:3:1: error[E0502]: backfill of table 'users' sets a value that changes between batches and has no 'where' to tell which rows are done
    3 | backfill users set seen_at = now();
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: add a 'where' that no longer matches a row once it is updated (for example 'where col is null')
1 error, 0 warnings generated
--- exit 1
