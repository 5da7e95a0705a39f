--- stderr
fail_merge_verb_refuses/0002_b.mig:1:1: error[E0305]: more than one head: '0002_a', '0002_b'
    1 | after 0001_base;
      | ^^^^^^^^^^^^^^^^
  help: write a merge migration: 'after 0002_a, 0002_b;' (migrac merge 0002_a 0002_b)
  note: fail_merge_verb_refuses/0002_a.mig:1:1: head '0002_a' is here
1 error, 0 warnings generated
--- exit 1
