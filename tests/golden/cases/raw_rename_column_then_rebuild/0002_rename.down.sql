ALTER TABLE products RENAME COLUMN amount TO price;
