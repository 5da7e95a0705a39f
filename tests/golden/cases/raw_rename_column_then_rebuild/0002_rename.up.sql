-- migrac:after 0001_products
-- Raw SQL renames a column that a check and a partial index read.
ALTER TABLE products RENAME COLUMN price TO amount;
