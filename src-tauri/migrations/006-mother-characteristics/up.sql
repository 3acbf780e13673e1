-- 006: the mother's characteristics the programme's reports tabulate: age at enrolment,
-- education and parity. Optional: an empty value is counted as "not recorded".

ALTER TABLE family ADD COLUMN mother_age INTEGER CHECK (mother_age IS NULL OR mother_age BETWEEN 12 AND 60);
ALTER TABLE family ADD COLUMN mother_education TEXT
    CHECK (mother_education IS NULL OR mother_education IN ('sd', 'smp', 'sma', 'perguruan-tinggi'));
ALTER TABLE family ADD COLUMN parity TEXT CHECK (parity IS NULL OR parity IN ('primipara', 'multipara'));
