DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                 WHERE table_name = 'payments' AND column_name = 'paid_at') THEN
    ALTER TABLE payments ADD COLUMN paid_at timestamptz;
  END IF;
END
$$;
