-- migrac:after 0001_base
DO $$
BEGIN
  EXECUTE 'ALTER TABLE users ADD COLUMN ' || quote_ident('nickname') || ' text';
END $$;
