--- stderr
fail_mysql_identity_not_key/0001_events.mig:2:1: error[E0522]: identity column 'events.seq' cannot be expressed on mysql: it leads no primary key or unique constraint
    2 | create table events (
      | ^^^^^^^^^^^^^^^^^^^^^
  help: an AUTO_INCREMENT column must be the first column of a key; make it the primary key
1 error, 0 warnings generated
--- exit 1
