-- Juniper 18.0 drops the mobile of partners, as Odoo 18 does: a partner has one phone. The mobile becomes the phone
-- of partners that had none; partners with another phone keep their mobile in their internal notes, so that no
-- number is lost. Standard views lose the field, the customer's views that use it are deactivated.
SELECT pg_temp.juniper_note('base', 'field_merged', 'res.partner', NULL, 'mobile -> phone', moved,
                            'partners without a phone have their mobile as phone'),
       pg_temp.juniper_note('base', 'field_merged', 'res.partner', NULL, 'mobile -> comment', kept,
                            'partners with another phone keep their mobile in their internal notes')
  FROM (SELECT count(*) FILTER (WHERE phone IS NULL AND mobile IS NOT NULL) AS moved,
               count(*) FILTER (WHERE mobile <> phone) AS kept
          FROM res_partner) merged;

-- A large share of the partners changes: rewriting the table once, with its indexes, is about twice as fast as
-- updating them one by one through every index.
ALTER TABLE res_partner
    ALTER COLUMN phone TYPE character varying USING coalesce(phone, mobile),
    ALTER COLUMN comment TYPE text
        USING CASE WHEN mobile <> phone THEN coalesce(comment, '') || '<p>Mobile: ' || mobile || '</p>'
                   ELSE comment END;

SELECT pg_temp.juniper_remove_field('base', 'res.partner', 'mobile',
                                    'the mobile of partners is removed in 18.0 (merged into their phone)');
