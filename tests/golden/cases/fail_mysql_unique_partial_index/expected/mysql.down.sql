--- stderr
fail_mysql_unique_partial_index/0001_users.mig:8:1: error[E0521]: unique partial index 'ix_users_email_live' cannot be built on mysql: it has no index 'where', and a unique index over every row would refuse rows the partial index allows
    8 | create unique index ix_users_email_live on users (email) where deleted_at is null;
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: build the index with a 'sql' operation that has a 'mysql' body
1 error, 0 warnings generated
--- exit 1
