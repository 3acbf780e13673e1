-- 010: a family may enrol during pregnancy (seed 002: counselling in pregnancy classes).
-- While `pregnant` is 1, `baby_birth_date` holds the expected date of birth and the
-- guided massage stays locked; recording the birth sets the date and clears the flag
-- (NULL, not 0, so records of born babies read and hash exactly as before).

ALTER TABLE family ADD COLUMN pregnant INTEGER CHECK (pregnant IS NULL OR pregnant = 1);
