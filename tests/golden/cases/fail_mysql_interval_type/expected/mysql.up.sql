--- stderr
fail_mysql_interval_type/0001_sessions.mig:2:1: error[E0520]: column 'timeout' of type 'interval' cannot be expressed on mysql: it has no interval type
    2 | create table sessions (
      | ^^^^^^^^^^^^^^^^^^^^^^^
  help: store a number of seconds (bigint), or use 'native "..."'
1 error, 0 warnings generated
--- exit 1
