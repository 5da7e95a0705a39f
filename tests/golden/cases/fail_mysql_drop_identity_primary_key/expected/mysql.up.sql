--- stderr
fail_mysql_drop_identity_primary_key/0002_drop_pk.mig:4:1: error[E0523]: dropping primary key 'pk_items' of table 'items' cannot be expressed on mysql: its identity column 'id' must stay a key
    4 | drop constraint pk_items on items;
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: add a unique constraint on the column first, or drop 'identity'
1 error, 0 warnings generated
--- exit 1
