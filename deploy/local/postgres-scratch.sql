-- The administrator role of the scratch PostgreSQL (the upgrade worker's disposable cluster).
-- Not a superuser: it creates one unprivileged role and one database per upgrade run and drops them afterwards.
-- Run by ./platform as the cluster's superuser on every start; idempotent. Local development credentials only.
\set ON_ERROR_STOP on

SELECT 'CREATE ROLE scratch_admin LOGIN CREATEDB CREATEROLE NOSUPERUSER PASSWORD ''scratch_admin'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scratch_admin') \gexec
SELECT 'CREATE DATABASE scratch_admin OWNER scratch_admin'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'scratch_admin') \gexec
-- Dropping a run's database ends its sessions, autovacuum's included, which takes this right.
GRANT pg_signal_backend TO scratch_admin;
-- Run roles connect only to their own database (the worker revokes CONNECT from PUBLIC on each one).
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT ON DATABASE scratch_admin FROM PUBLIC;
