-- 0009: a youth registered during a call whose caller knows the age but not the date of birth.
-- The date is stored as "that many years before today" and marked, so every screen shows
-- "about 15" and the date can be asked for and corrected later.
ALTER TABLE youths ADD COLUMN date_of_birth_estimated INTEGER NOT NULL DEFAULT 0
    CHECK (date_of_birth_estimated IN (0, 1));
