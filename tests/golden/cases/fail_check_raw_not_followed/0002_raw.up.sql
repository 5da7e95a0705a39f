-- migrac:after 0001_base
-- A column added by a built string: the model cannot know it.
DO $$
BEGIN
  EXECUTE format('ALTER TABLE %I ADD COLUMN %I text', 'users', 'nickname');
END $$;
-- Objects the model does not hold: no word here, a word where they are used.
CREATE VIEW active_users AS SELECT id, email FROM users;
CREATE TYPE address AS (street text, city text);
-- Followed exactly: the model has orders.note as jsonb.
ALTER TABLE orders ALTER COLUMN note TYPE jsonb USING note::jsonb;
-- A guess: the branch is applied as if the condition held.
DO $$
BEGIN
  IF (SELECT count(*) FROM orders) = 0 THEN
    ALTER TABLE orders ADD COLUMN total numeric(12, 2);
  END IF;
END $$;
