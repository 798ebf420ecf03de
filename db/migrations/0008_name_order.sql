-- 0008: youths in the order the look-up shows them, with the folded name in the index entry.
-- A broad name fragment ("vis" matches one youth in ten) used to collect every match from the
-- trigram index and sort them all for the first page: at 1,000,000 youths that is 100,000 rows
-- for 20. Walking this index in name order and testing the folded name in the index entry
-- stops after the page (docs/performance.md). Narrow fragments still start from the trigram
-- index; the repository chooses by counting matches up to a cap.
CREATE INDEX youths_by_name ON youths (family_name, given_name, folded_name);
