--- stderr
fail_plan_irreversible_downgrade/0002_normalize_emails.mig:3: error: migration '0002_normalize_emails' cannot be reverted: 'sql' without a 'down' block
--- exit 1
