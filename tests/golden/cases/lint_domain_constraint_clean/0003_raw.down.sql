DROP DOMAIN amount;
