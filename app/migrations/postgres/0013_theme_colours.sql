-- A theme's colour (`#rrggbb`), empty for the site's neutral chip. The
-- application only stores colours whose chip text keeps WCAG AA contrast.
ALTER TABLE themes ADD COLUMN colour TEXT NOT NULL DEFAULT '';
