--- stderr
fail_mysql_fk_set_default/0001_orders.mig:6:1: error[E0523]: foreign key 'fk_orders_user_id_users' with 'set default' cannot be expressed on mysql: InnoDB does not support SET DEFAULT
    6 | create table orders (
      | ^^^^^^^^^^^^^^^^^^^^^
  help: use 'set null', 'cascade' or 'restrict'
1 error, 0 warnings generated
--- exit 1
