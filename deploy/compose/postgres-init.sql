-- Run once by the postgres image, on an empty data volume (/docker-entrypoint-initdb.d/).
-- One server, one database and one owner role per service, the same names as infra/local-servers.sh.
-- The passwords are the services' defaults: this database is reachable only on the compose network.
CREATE ROLE checkout LOGIN PASSWORD 'checkout';
CREATE DATABASE checkout OWNER checkout;

CREATE ROLE billing LOGIN PASSWORD 'billing';
CREATE DATABASE billing OWNER billing;
