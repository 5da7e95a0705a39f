--- stderr
fail_graph_multiple_heads/0002_add_phone.mig:1:1: error[E0305]: more than one head: '0002_add_bio', '0002_add_phone'
    1 | after 0001_initial_schema;
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: write a merge migration: 'after 0002_add_bio, 0002_add_phone;' (migrac merge 0002_add_bio 0002_add_phone)
  note: fail_graph_multiple_heads/0002_add_bio.mig:1:1: head '0002_add_bio' is here
1 error, 0 warnings generated
--- exit 1
