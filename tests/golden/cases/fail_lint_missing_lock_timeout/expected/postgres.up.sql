--- stderr
error[E0305]: more than one head: '0001_base', '0003_raw'
  help: write a merge migration: 'after 0001_base, 0003_raw;' (migrac merge 0001_base 0003_raw)
  note: fail_lint_missing_lock_timeout/0001_base.mig:1:1: head '0001_base' is here
1 error, 0 warnings generated
--- exit 1
