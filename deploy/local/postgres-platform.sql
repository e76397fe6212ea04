-- Roles and databases of the platform PostgreSQL (the services' own databases).
-- Run by ./platform as the cluster's superuser on every start; idempotent: creates only what is missing.
-- Local development credentials only.
\set ON_ERROR_STOP on

SELECT 'CREATE ROLE intake LOGIN PASSWORD ''intake'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'intake') \gexec
SELECT 'CREATE DATABASE intake OWNER intake'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'intake') \gexec

SELECT 'CREATE ROLE notification LOGIN PASSWORD ''notification'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'notification') \gexec
SELECT 'CREATE DATABASE notification OWNER notification'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'notification') \gexec

SELECT 'CREATE ROLE worker LOGIN PASSWORD ''worker'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'worker') \gexec
SELECT 'CREATE DATABASE worker OWNER worker'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'worker') \gexec
