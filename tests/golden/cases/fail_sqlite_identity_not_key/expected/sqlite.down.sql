--- stderr
fail_sqlite_identity_not_key/0001_lines.mig:2:1: error[E0522]: identity column 'order_lines.line' cannot be expressed on sqlite: it is not the table's single-column primary key
    2 | create table order_lines (
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: sqlite's only auto-increment column is 'INTEGER PRIMARY KEY AUTOINCREMENT'; make it the primary key, or drop 'identity'
1 error, 0 warnings generated
--- exit 1
