--- stderr
fail_mysql_alter_type_using/0002_ref_length.mig:4:1: error[E0523]: 'alter column items.ref type ... using' cannot be expressed on mysql: MODIFY COLUMN converts values by MySQL's own casts only
    4 | alter column items.ref type int using length(ref);
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: drop 'using', or add a new column, backfill it and drop the old one
1 error, 0 warnings generated
--- exit 1
