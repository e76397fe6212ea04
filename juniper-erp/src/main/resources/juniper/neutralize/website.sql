-- Neutralization rules of the website module; see base.sql for the format.

-- rule: website-indexing-blocked
UPDATE website
   SET robots_txt = E'User-agent: *\nDisallow: /\n';

-- rule: website-domains-cleared
-- The copy must not answer as the production site.
UPDATE website
   SET domain = NULL;

-- rule: website-analytics-off
-- Visits of the copy must not count in the production statistics.
UPDATE website
   SET google_analytics_key = NULL;
