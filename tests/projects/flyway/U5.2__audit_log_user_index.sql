DROP INDEX audit_log_user_id_idx;
