--- stderr
error[E0305]: more than one head: '0002b_widen', '0003_raw'
  help: write a merge migration: 'after 0002b_widen, 0003_raw;' (migrac merge 0002b_widen 0003_raw)
  note: lint_column_type_rewrite_clean/0002b_widen.mig:1:1: head '0002b_widen' is here
1 error, 0 warnings generated
--- exit 1
