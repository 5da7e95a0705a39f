ALTER TABLE audit_log DROP CONSTRAINT audit_log_title_check;
