--- stderr
fail_mysql_rename_generated_source/0002_rename.mig:4:1: error[E0523]: mysql cannot rename column 'items.price': generated column 'total' reads it
    4 | rename column items.price to unit_price;
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: drop the generated column, rename, and add it again
1 error, 0 warnings generated
--- exit 1
