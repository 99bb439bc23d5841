-- Candidate search (IncidentRepository.members) scans a range of window starts per family and span
-- class, then keeps the members inside the box around the new report whose window does not end
-- too early. With latitude, longitude and t_to in the index those conditions are checked on the
-- index entries, so only the members inside the box are read from the table: at a few hundred
-- reports a day the range holds thousands of entries, most of them outside the box.
DROP INDEX incident_report_match_idx;
CREATE INDEX incident_report_match_idx ON incident_report (family, span_class, t_from, latitude, longitude, t_to);
