ALTER TABLE payments DROP CONSTRAINT payments_title_check;
