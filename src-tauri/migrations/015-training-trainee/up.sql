-- 015: who had the hands-on training. Whoever gives the massage may learn it (seed 002:
-- the father or the grandmother); a training recorded before this was the father's
-- (NULL, so it travels and hashes exactly as before).

ALTER TABLE hands_on_training ADD COLUMN trainee TEXT
    CHECK (trainee IS NULL OR trainee IN ('father', 'grandmother', 'other-family'));
