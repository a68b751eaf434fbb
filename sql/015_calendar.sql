-- 015_calendar.sql: the calendar an edition writes its dates in.
--
-- 'gregorian' (every edition so far) or 'persian': the Solar Hijri
-- calendar of Iran, computed in src/util/calendar.c, with the month names
-- of the interface strings solar_month_1 (Farvardin) to solar_month_12
-- (Esfand).  The Farsi edition uses it.  The English names below are the
-- fallback; the translations add each edition's own.
ALTER TABLE editions ADD COLUMN calendar TEXT NOT NULL DEFAULT 'gregorian'
	CHECK (calendar IN ('gregorian', 'persian'));
UPDATE editions SET calendar = 'persian' WHERE code = 'fa';

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'solar_month_1', 'Farvardin'),
	(1, 'solar_month_2', 'Ordibehesht'),
	(1, 'solar_month_3', 'Khordad'),
	(1, 'solar_month_4', 'Tir'),
	(1, 'solar_month_5', 'Mordad'),
	(1, 'solar_month_6', 'Shahrivar'),
	(1, 'solar_month_7', 'Mehr'),
	(1, 'solar_month_8', 'Aban'),
	(1, 'solar_month_9', 'Azar'),
	(1, 'solar_month_10', 'Dey'),
	(1, 'solar_month_11', 'Bahman'),
	(1, 'solar_month_12', 'Esfand');
