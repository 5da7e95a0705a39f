--- stderr
fail_mysql_generated_not_null/0001_t.mig:1:1: error[E0523]: generated column 'b' is not null, which MariaDB cannot declare
    1 | create table t (
      | ^^^^^^^^^^^^^^^^
  help: drop 'not null' (the expression decides), or add a check constraint that it is not null
1 error, 0 warnings generated
--- exit 1
