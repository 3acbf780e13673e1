//! Lessons read, knowledge test attempts (a family's, and a cadre's own), and fathers'
//! hands-on trainings.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, params};

use super::Result;
use crate::domain::cohort::{QuizRow, first_pre_latest_post};
use crate::domain::learning::CadreCounselling;
use crate::domain::learning::{Answer, Graded, QUIZ_VERSION, TestKind};
use crate::domain::protocol::Giver;
use crate::domain::record::RecordMeta;
use crate::domain::report::CadreScores;
use crate::domain::training::{Trainer, Training};

pub fn insert_lesson_read(
    conn: &Connection,
    family_id: &str,
    lesson_id: &str,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let m = RecordMeta::new(device_id, now);
    conn.execute(
        "INSERT INTO lesson_read (id, device_id, created_at, updated_at, family_id, lesson_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (family_id, lesson_id) DO NOTHING",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            family_id,
            lesson_id
        ],
    )?;
    Ok(())
}

pub fn list_lessons_read(conn: &Connection, family_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT lesson_id FROM lesson_read WHERE family_id = ?1")?;
    let ids = stmt
        .query_map([family_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Who took a test: a family (its father) or a cadre on her own device.
#[derive(Debug, Clone, Copy)]
pub enum Learner<'a> {
    Family(&'a str),
    Cadre(&'a str),
}

impl Learner<'_> {
    /// The table of its attempts and the column naming it (our own constants).
    fn table(&self) -> (&'static str, &'static str) {
        match self {
            Self::Family(_) => ("quiz_attempt", "family_id"),
            Self::Cadre(_) => ("cadre_quiz_attempt", "cadre_id"),
        }
    }

    fn id(&self) -> &str {
        match self {
            Self::Family(id) | Self::Cadre(id) => id,
        }
    }
}

pub fn insert_attempt(
    conn: &Connection,
    learner: Learner,
    kind: TestKind,
    graded: &Graded,
    answers: &[Answer],
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let m = RecordMeta::new(device_id, now);
    let answers = answers
        .iter()
        .map(|a| format!("{}:{}", a.statement_id, u8::from(a.answer)))
        .collect::<Vec<_>>()
        .join(",");
    let (table, owner) = learner.table();
    conn.execute(
        &format!(
            "INSERT INTO {table} (id, device_id, created_at, updated_at, {owner}, quiz_version, kind, correct, score, answers)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        ),
        params![m.id, m.device_id, m.created_at, m.updated_at, learner.id(), QUIZ_VERSION, kind.as_str(), graded.correct, graded.score, answers],
    )?;
    Ok(())
}

/// The family's first pre-test score and latest post-test score, if taken.
pub fn get_scores(conn: &Connection, family_id: &str) -> Result<(Option<u8>, Option<u8>)> {
    get_learner_scores(conn, Learner::Family(family_id))
}

/// A learner's first pre-test score and latest post-test score, if taken (the core's
/// rule, `cohort::first_pre_latest_post`, the dashboard's too).
pub fn get_learner_scores(conn: &Connection, learner: Learner) -> Result<(Option<u8>, Option<u8>)> {
    let (table, owner) = learner.table();
    let sql = format!("SELECT kind, score, created_at FROM {table} WHERE {owner} = ?1");
    // Cached: asked of every cadre the report lists.
    let mut stmt = conn.prepare_cached(&sql)?;
    let quizzes: Vec<QuizRow> = stmt
        .query_map(params![learner.id()], |r| {
            Ok(QuizRow {
                kind: r.get(0)?,
                score: r.get(1)?,
                created_at: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(first_pre_latest_post(&quizzes))
}

/// A hands-on training (the father's, or whoever else massages) as stored and as the
/// review shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(rename = "TrainingView")]
#[serde(rename_all = "camelCase")]
pub struct TrainingRow {
    pub id: String,
    #[serde(flatten)]
    pub training: Training,
}

pub fn insert_training(
    conn: &Connection,
    family_id: &str,
    training: &Training,
    device_id: &str,
    now: DateTime<FixedOffset>,
) -> Result<String> {
    let m = RecordMeta::new(device_id, now);
    conn.execute(
        "INSERT INTO hands_on_training (id, device_id, created_at, updated_at, family_id, trained_on, trainer, trainer_name, trainee)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            m.id,
            m.device_id,
            m.created_at,
            m.updated_at,
            family_id,
            training.trained_on.to_string(),
            training.trainer.as_str(),
            training.trainer_name,
            training.trainee.as_str()
        ],
    )?;
    Ok(m.id)
}

/// The family's trainings, oldest first (rows another app wrote wrongly are skipped).
pub fn list_trainings(conn: &Connection, family_id: &str) -> Result<Vec<TrainingRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, trained_on, trainer, trainer_name, trainee FROM hands_on_training
         WHERE family_id = ?1 ORDER BY trained_on, created_at",
    )?;
    let rows = stmt
        .query_map([family_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, on, trainer, trainer_name, trainee)| {
            Some(TrainingRow {
                id,
                training: Training {
                    trained_on: NaiveDate::parse_from_str(&on, "%Y-%m-%d").ok()?,
                    trainer: Trainer::parse(&trainer)?,
                    trainer_name,
                    // Recorded before it was asked: the father's.
                    trainee: trainee
                        .as_deref()
                        .map_or(Some(Giver::Father), Giver::parse)?,
                },
            })
        })
        .collect())
}

/// Whether the father had hands-on training on or before `until` (`YYYY-MM-DD`).
pub fn get_trained_by(conn: &Connection, family_id: &str, until: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM hands_on_training WHERE family_id = ?1 AND trained_on <= ?2)",
        )?
        .query_row(params![family_id, until], |r| r.get(0))?)
}

/// Every cadre on this device who took her own test, with her id, her first pre-test and
/// latest post-test, by name (a cadre's phone reports them with its pushes).
pub fn list_cadre_counselling(conn: &Connection) -> Result<Vec<CadreCounselling>> {
    let mut stmt = conn.prepare(
        "SELECT id, name FROM cadre WHERE id IN (SELECT cadre_id FROM cadre_quiz_attempt) ORDER BY name",
    )?;
    let cadres = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    cadres
        .into_iter()
        .map(|(cadre_id, name)| {
            let (pre, post) = get_learner_scores(conn, Learner::Cadre(&cadre_id))?;
            Ok(CadreCounselling {
                cadre_id,
                name,
                pre,
                post,
            })
        })
        .collect()
}

/// Whether a cadre took a test here at or after `since` (this device's own time, as the
/// push it acknowledged began; `None`: ever).
pub fn get_cadre_tests_changed(conn: &Connection, since: Option<&str>) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM cadre_quiz_attempt WHERE updated_at >= ?1)",
        [since.unwrap_or("")],
        |r| r.get(0),
    )?)
}

/// Every cadre on this device who took her own test, with her first pre-test and
/// latest post-test, by name (the report's cadres table).
pub fn list_cadre_scores(conn: &Connection) -> Result<Vec<CadreScores>> {
    Ok(list_cadre_counselling(conn)?
        .into_iter()
        .map(|c| CadreScores {
            name: c.name,
            pre: c.pre,
            post: c.post,
        })
        .collect())
}
