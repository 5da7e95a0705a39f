--- stderr
fail_regress_offline_two_heads/0001_b.mig:1:1: error[E0305]: more than one head: '0001_a', '0001_b'
    1 | create table b (id bigint identity primary key);
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: write a merge migration: 'after 0001_a, 0001_b;' (migrac merge 0001_a 0001_b)
  note: fail_regress_offline_two_heads/0001_a.mig:1:1: head '0001_a' is here
1 error, 0 warnings generated
--- exit 1
