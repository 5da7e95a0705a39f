--- stderr
fail_mysql_text_index/0001_notes.mig:7:1: error[E0521]: index 'ix_notes_body' on column 'body' of type 'text' cannot be built on mysql: a longtext column needs a prefix length to be indexed
    7 | create index on notes (body);
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: use varchar(n) for a column that is indexed
1 error, 0 warnings generated
--- exit 1
