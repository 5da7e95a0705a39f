--- stderr
fail_mysql_text_key/0001_tags.mig:2:1: error[E0521]: key 'uq_tags_name' on column 'name' of type 'text' cannot be built on mysql: a longtext column needs a prefix length to be a key
    2 | create table tags (
      | ^^^^^^^^^^^^^^^^^^^
  help: use varchar(n) for a column that is a key
1 error, 0 warnings generated
--- exit 1
