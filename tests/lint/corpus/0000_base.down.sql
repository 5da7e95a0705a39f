DROP TABLE IF EXISTS users, orders, accounts, audit, events;
