--- stderr
error[E0305]: more than one head: '0002_change', '0003_raw'
  help: write a merge migration: 'after 0002_change, 0003_raw;' (migrac merge 0002_change 0003_raw)
  note: lint_raw_sql_syntax_clean/0002_change.mig:1:1: head '0002_change' is here
1 error, 0 warnings generated
--- exit 1
