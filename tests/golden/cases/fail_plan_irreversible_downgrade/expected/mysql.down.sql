--- stderr
fail_plan_irreversible_downgrade/0002_normalize_emails.mig:3:1: error[E0504]: migration '0002_normalize_emails' cannot be reverted: 'sql' without a 'down' block
    3 | sql $$ UPDATE users SET email = lower(email) $$;
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: write a 'down { }' block that undoes it, or downgrade to a later revision
1 error, 0 warnings generated
--- exit 1
