-- migrac:after 0001_base
-- The idempotent idioms of a DO block land in the model without a word.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'user_status') THEN
    CREATE TYPE user_status AS ENUM ('active', 'blocked');
  END IF;
  BEGIN
    ALTER TABLE users ADD COLUMN nickname varchar(40);
  EXCEPTION WHEN duplicate_column THEN NULL;
  END;
END $$;
