-- Once every module is upgraded, record the new major version on each installed module, keeping the module's own
-- version: 14.0.1.3 becomes 15.0.1.3 on the hop to 15.0. The engine sets juniper.version to the hop's version.
UPDATE ir_module_module
   SET latest_version = current_setting('juniper.version')
                        || coalesce(substring(latest_version from '^[0-9]+\.[0-9]+(\..+)$'), '.1.0')
 WHERE state IN ('installed', 'to upgrade');
