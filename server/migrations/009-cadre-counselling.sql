-- 009: each cadre's own knowledge test (seed 004: counselled cadres), as her phone
-- reports it in a push's header: her first pre-test and latest post-test. Kept per
-- server cadre (whose posyandu counts her) and per cadre id in the app (a posyandu's
-- shared phone may hold several cadres).

CREATE TABLE cadre_counselling (
    cadre_id BIGINT NOT NULL REFERENCES cadre (id),
    app_cadre_id TEXT NOT NULL CHECK (length(app_cadre_id) = 36),
    name TEXT NOT NULL,
    pre SMALLINT CHECK (pre BETWEEN 0 AND 100),
    post SMALLINT CHECK (post BETWEEN 0 AND 100),
    reported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (cadre_id, app_cadre_id)
);
