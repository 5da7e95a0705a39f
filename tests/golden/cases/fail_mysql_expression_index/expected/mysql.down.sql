--- stderr
fail_mysql_expression_index/0001_users.mig:7:1: error[E0521]: index 'ix_users_lower_email' on an expression cannot be built on mysql: MariaDB has no expression indexes
    7 | create index ix_users_lower_email on users (lower(email));
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: index a (generated) column instead
1 error, 0 warnings generated
--- exit 1
