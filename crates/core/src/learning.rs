//! Lessons for fathers and the 10-statement knowledge test taken before and after them
//! (docs/design.md, the knowledge test; seed 004's pre-test and post-test). Texts live in `locales/`:
//! `lesson-<id>-title`, `lesson-<id>-p<n>`, `lesson-<id>-source`, `quiz-<id>`.

use serde::{Deserialize, Serialize};

use super::validation::FieldError;

/// Stored with every attempt; bump it when a statement or an answer changes. Attempts
/// of an older version keep the score they were graded with.
pub const QUIZ_VERSION: &str = "uji-pengetahuan-v4";

/// One lesson page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "LessonPage")]
#[serde(rename_all = "camelCase")]
pub struct Lesson {
    pub id: &'static str,
    /// Which picture the page shows (see `ui/src/icons.ts`).
    pub icon: &'static str,
    pub paragraphs: u8,
}

const fn lesson(id: &'static str, icon: &'static str, paragraphs: u8) -> Lesson {
    Lesson {
        id,
        icon,
        paragraphs,
    }
}

/// The lessons, in reading order.
pub const LESSONS: [Lesson; 11] = [
    lesson("what-is-asi", "drop", 3),
    lesson("colostrum-imd", "baby", 3),
    lesson("benefits", "heart", 3),
    lesson("hormones", "hormones", 3),
    lesson("latch", "latch", 3),
    lesson("what-lowers-milk", "warning", 3),
    lesson("father-role", "father", 4),
    lesson("fathers-myths", "speech", 3),
    lesson("oxytocin-massage", "hands", 3),
    lesson("expressing-storing", "bottle", 3),
    lesson("see-midwife", "midwife", 7),
];

/// Lessons the current test has no statement on: the test stays at the programme's 10
/// statements (seed 004), so two lessons whose ground a newer statement covers gave
/// theirs up ("father-role": s15 on fathers' part; "benefits": s12 on colostrum), and
/// since `-v4` "hormones", whose s4 made way for a danger sign that must not wait (s16).
pub const UNTESTED_LESSONS: [&str; 3] = ["benefits", "father-role", "hormones"];

/// The lesson the guided massage suggests to a father who has not read it.
pub const MASSAGE_LESSON: &str = "oxytocin-massage";

/// A true/false statement, its answer, and the lesson that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    pub id: &'static str,
    #[serde(skip)]
    pub answer: bool,
    pub lesson: &'static str,
}

const fn statement(id: &'static str, answer: bool, lesson: &'static str) -> Statement {
    Statement { id, answer, lesson }
}

/// The statements of the current version. `uji-pengetahuan-v1` had "s6" (smoking near a
/// breastfeeding mother), dropped as ambiguous; "s11" replaced it. `-v3` adds one on each
/// of the four new lessons (s12-s15) in place of s2, s3, s5 and s7, keeping ten. `-v4`
/// asks s16 (heavy bleeding "can wait for the posyandu": false) in place of s4 on
/// hormones: a father must know which sign cannot wait.
pub const STATEMENTS: [Statement; 10] = [
    statement("s1", true, "what-is-asi"),
    statement("s12", false, "colostrum-imd"),
    statement("s16", false, "see-midwife"),
    statement("s13", true, "latch"),
    statement("s11", true, "what-lowers-milk"),
    statement("s15", false, "fathers-myths"),
    statement("s8", true, "oxytocin-massage"),
    statement("s9", false, "oxytocin-massage"),
    statement("s14", false, "expressing-storing"),
    statement("s10", true, "see-midwife"),
];

/// Before the lessons, or after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum TestKind {
    Pre,
    Post,
}

impl TestKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Pre => "pre",
            Self::Post => "post",
        }
    }
}

/// One answer as the father gave it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, ts_rs::TS)]
#[ts(rename = "QuizAnswer")]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub statement_id: String,
    pub answer: bool,
}

/// A statement he got wrong, and where to read about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Missed {
    pub statement_id: &'static str,
    pub lesson: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Graded {
    pub correct: u8,
    /// correct x 10
    pub score: u8,
    pub missed: Vec<Missed>,
}

/// Grades a complete set of answers: every statement once, nothing unknown.
pub fn grade(answers: &[Answer]) -> Result<Graded, Vec<FieldError>> {
    let mut errors = Vec::new();
    if let Some(unknown) = answers
        .iter()
        .find(|a| !STATEMENTS.iter().any(|s| s.id == a.statement_id))
    {
        errors.push(
            FieldError::new("answers", "error-unknown-protocol-item")
                .with_arg("item", &unknown.statement_id),
        );
    }
    let mut correct = 0u8;
    let mut missed = Vec::new();
    for statement in &STATEMENTS {
        let given: Vec<&Answer> = answers
            .iter()
            .filter(|a| a.statement_id == statement.id)
            .collect();
        match given.as_slice() {
            [one] if one.answer == statement.answer => correct += 1,
            [_] => missed.push(Missed {
                statement_id: statement.id,
                lesson: statement.lesson,
            }),
            [] => errors.push(FieldError::new("answers", "error-quiz-unanswered")),
            _ => errors.push(FieldError::new("answers", "error-quiz-answered-twice")),
        }
    }
    errors.dedup();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Graded {
        correct,
        score: correct * 10,
        missed,
    })
}

/// A cadre's own knowledge test as her phone reports it to the server with its pushes
/// (seed 004 counts counselled cadres): her first pre-test and latest post-test. It is
/// hers, not a family's record, so it rides in the push's header, never in files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadreCounselling {
    /// The cadre's id in the app (the id her visits carry).
    pub cadre_id: String,
    pub name: String,
    pub pre: Option<u8>,
    pub post: Option<u8>,
}

impl CadreCounselling {
    /// Scores as the test gives them (0 to 100 in tens), a name as a cadre's, an id.
    pub fn is_valid(&self) -> bool {
        let score_ok = |s: Option<u8>| s.is_none_or(|s| s <= 100 && s % 10 == 0);
        uuid::Uuid::parse_str(&self.cadre_id).is_ok()
            && crate::cadre::is_valid_name(&self.name)
            && score_ok(self.pre)
            && score_ok(self.post)
            && (self.pre.is_some() || self.post.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(flip: &[&str]) -> Vec<Answer> {
        STATEMENTS
            .iter()
            .map(|s| Answer {
                statement_id: s.id.into(),
                answer: s.answer != flip.contains(&s.id),
            })
            .collect()
    }

    #[test]
    fn every_statement_points_at_a_lesson_and_every_lesson_is_tested() {
        for statement in STATEMENTS {
            assert!(
                LESSONS.iter().any(|l| l.id == statement.lesson),
                "{}",
                statement.id
            );
        }
        for lesson in LESSONS {
            let tested = STATEMENTS.iter().any(|s| s.lesson == lesson.id);
            assert_eq!(
                tested,
                !UNTESTED_LESSONS.contains(&lesson.id),
                "{}: tested, or listed as untested, never both",
                lesson.id
            );
        }
        for new in [
            "colostrum-imd",
            "latch",
            "expressing-storing",
            "fathers-myths",
        ] {
            assert!(STATEMENTS.iter().any(|s| s.lesson == new), "{new}");
        }
        assert!(LESSONS.iter().any(|l| l.id == MASSAGE_LESSON));
    }

    #[test]
    fn a_cadres_reported_test_is_checked_like_the_test_itself() {
        let good = CadreCounselling {
            cadre_id: "01a2370b-71f8-7478-b347-f6207052bbe7".into(),
            name: "Bu Rina".into(),
            pre: Some(60),
            post: Some(90),
        };
        assert!(good.is_valid());
        let pre_only = CadreCounselling {
            post: None,
            ..good.clone()
        };
        assert!(pre_only.is_valid());
        for bad in [
            CadreCounselling {
                pre: Some(65),
                ..good.clone()
            },
            CadreCounselling {
                post: Some(110),
                ..good.clone()
            },
            CadreCounselling {
                name: " ".into(),
                ..good.clone()
            },
            CadreCounselling {
                cadre_id: "rina".into(),
                ..good.clone()
            },
            CadreCounselling {
                pre: None,
                post: None,
                ..good.clone()
            },
        ] {
            assert!(!bad.is_valid(), "{bad:?}");
        }
    }

    #[test]
    fn score_is_ten_per_correct_answer_and_misses_point_to_their_lessons() {
        assert_eq!(grade(&answers(&[])).unwrap().score, 100);
        assert!(!STATEMENTS.iter().any(|s| s.id == "s6"), "s6 was ambiguous");
        let graded = grade(&answers(&["s12", "s9"])).unwrap();
        assert_eq!((graded.correct, graded.score), (8, 80));
        assert_eq!(
            graded.missed,
            [
                Missed {
                    statement_id: "s12",
                    lesson: "colostrum-imd"
                },
                Missed {
                    statement_id: "s9",
                    lesson: "oxytocin-massage"
                }
            ]
        );
        let all_wrong: Vec<&str> = STATEMENTS.iter().map(|s| s.id).collect();
        assert_eq!(grade(&answers(&all_wrong)).unwrap().score, 0);
    }

    #[test]
    fn incomplete_doubled_or_unknown_answers_are_refused() {
        let mut short = answers(&[]);
        short.pop();
        assert_eq!(grade(&short).unwrap_err()[0].code, "error-quiz-unanswered");
        let mut doubled = answers(&[]);
        doubled.push(Answer {
            statement_id: "s1".into(),
            answer: false,
        });
        assert_eq!(
            grade(&doubled).unwrap_err()[0].code,
            "error-quiz-answered-twice"
        );
        let mut unknown = answers(&[]);
        unknown.push(Answer {
            statement_id: "s99".into(),
            answer: true,
        });
        assert_eq!(
            grade(&unknown).unwrap_err()[0].code,
            "error-unknown-protocol-item"
        );
    }
}
