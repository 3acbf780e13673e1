use super::*;
use FoodItem::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn recall(on: &str, items: &[FoodItem]) -> Recall {
    Recall {
        recalled_on: day(on),
        items: items.to_vec(),
    }
}

fn baby(birth: &str, recalls: Vec<Recall>) -> Feeding {
    Feeding {
        birth: Some(day(birth)),
        recalls,
        ..Feeding::default()
    }
}

#[test]
fn completed_months_count_from_the_birthday() {
    assert_eq!(age_in_months(day("2026-06-15"), day("2026-06-14")), None);
    assert_eq!(age_in_months(day("2026-06-15"), day("2026-06-15")), Some(0));
    assert_eq!(age_in_months(day("2026-06-15"), day("2026-07-14")), Some(0));
    assert_eq!(age_in_months(day("2026-06-15"), day("2026-07-15")), Some(1));
    assert_eq!(age_in_months(day("2026-06-15"), day("2026-12-14")), Some(5));
    assert_eq!(age_in_months(day("2026-06-15"), day("2026-12-15")), Some(6));
}

#[test]
fn medicines_are_allowed_and_water_is_not() {
    assert!(recall("2026-12-01", &[BreastMilk, Medicine]).exclusive());
    assert!(!recall("2026-12-01", &[BreastMilk, Water]).exclusive());
    // Breast milk must be there: a baby given only medicine was not breastfed.
    assert!(!recall("2026-12-01", &[Medicine]).exclusive());
}

#[test]
fn a_recall_for_a_baby_not_yet_born_or_six_months_old_is_refused() {
    let birth = day("2026-06-15");
    let today = day("2026-12-20");
    let check = |on: &str| check_recall(birth, day(on), today, &[BreastMilk]);
    assert_eq!(check("2026-06-15"), Err(RecallError::BeforeBirth));
    assert_eq!(check("2026-06-16"), Ok(()));
    assert_eq!(check("2026-12-14"), Ok(()));
    assert_eq!(check("2026-12-15"), Err(RecallError::SixMonthsOrOlder));
    assert_eq!(check("2026-12-21"), Err(RecallError::Future));
    assert_eq!(
        check_recall(birth, day("2026-07-01"), today, &[]),
        Err(RecallError::Empty)
    );
}

/// The issue's own case: water once last month, only breast milk yesterday.
#[test]
fn water_last_month_counts_yesterday_but_not_since_birth() {
    let cohort = [baby(
        "2026-06-10",
        vec![
            recall("2026-11-05", &[BreastMilk, Water]),
            recall("2026-12-05", &[BreastMilk]),
        ],
    )];
    let found = indicators(&cohort, day("2026-12-01"), day("2026-12-31"));
    // Five months old at the latest recall, fed only breast milk the day before.
    assert_eq!(
        found.by_age[5],
        AgeLine {
            months: 5,
            babies: 1,
            exclusive: 1
        }
    );
    assert_eq!(found.total().exclusive, 1);
    // Six months on 10 December, inside the period: not exclusive since birth.
    assert_eq!(found.reached_six_months, 1);
    assert_eq!(found.exclusive_since_birth, 0);
    assert_eq!(found.not_known, 0);
}

#[test]
fn a_cohort_counts_each_baby_once_by_its_latest_recall() {
    let cohort = [
        // Two months old, formula yesterday.
        baby(
            "2026-10-01",
            vec![recall("2026-12-03", &[BreastMilk, Formula])],
        ),
        // Two months old, breast milk and vitamins: exclusive.
        baby(
            "2026-09-20",
            vec![
                recall("2026-11-01", &[BreastMilk, SweetDrink]),
                recall("2026-12-02", &[BreastMilk, Medicine]),
            ],
        ),
        // A newborn asked only before the period: not counted.
        baby("2026-11-01", vec![recall("2026-11-20", &[BreastMilk])]),
        // Not born yet.
        Feeding::default(),
        // Reached six months in the period: "only breast milk since birth" at five months.
        Feeding {
            never_other_on: vec![day("2026-11-20")],
            ..baby(
                "2026-06-05",
                vec![
                    recall("2026-09-01", &[BreastMilk]),
                    recall("2026-11-20", &[BreastMilk]),
                ],
            )
        },
        // Reached six months too: breast milk only at every weekly answer, but "only
        // breast milk since birth" said at one month, not at five: not known.
        Feeding {
            never_other_on: vec![day("2026-07-10")],
            ..baby(
                "2026-06-07",
                vec![
                    recall("2026-07-10", &[BreastMilk]),
                    recall("2026-11-25", &[BreastMilk]),
                ],
            )
        },
        // Reached six months, but the family says water was given on the third day.
        Feeding {
            birth: Some(day("2026-06-08")),
            recalls: vec![recall("2026-11-30", &[BreastMilk])],
            first_other_on: Some(day("2026-06-11")),
            never_other_on: Vec::new(),
        },
    ];
    let found = indicators(&cohort, day("2026-12-01"), day("2026-12-31"));
    assert_eq!(
        found.by_age[2],
        AgeLine {
            months: 2,
            babies: 2,
            exclusive: 1
        }
    );
    let total = found.total();
    assert_eq!((total.babies, total.exclusive), (2, 1));
    assert_eq!(found.reached_six_months, 3);
    assert_eq!(found.exclusive_since_birth, 1);
    assert_eq!(found.not_known, 1);
}

#[test]
fn formula_water_or_food_before_six_months_and_honey_before_twelve_raise_an_alert() {
    let young = baby(
        "2026-10-01",
        vec![recall("2026-12-03", &[BreastMilk, Water])],
    );
    assert_eq!(
        alert(&young),
        Some(FeedingAlert {
            item: Water,
            given_on: day("2026-12-02")
        })
    );
    let fine = baby(
        "2026-10-01",
        vec![recall("2026-12-03", &[BreastMilk, Medicine])],
    );
    assert_eq!(alert(&fine), None);
    // Eight months old: porridge is right, honey is not.
    let older = baby(
        "2026-04-01",
        vec![
            recall("2026-12-01", &[BreastMilk, Food]),
            recall("2026-12-03", &[BreastMilk, Food, Honey]),
        ],
    );
    assert_eq!(alert(&older).map(|a| a.item), Some(Honey));
    let porridge = baby(
        "2026-04-01",
        vec![recall("2026-12-01", &[BreastMilk, Food])],
    );
    assert_eq!(alert(&porridge), None);
    // Water and honey: honey is named (the danger), whatever the order tapped.
    let both = baby("2026-10-01", vec![recall("2026-12-03", &[Water, Honey])]);
    assert_eq!(alert(&both).map(|a| a.item), Some(Honey));
    assert_eq!(not_for_age(&[Water, Honey, BreastMilk], 2), [Honey, Water]);
}

#[test]
fn since_birth_is_asked_once_then_again_in_the_sixth_month() {
    let today = day("2026-12-06");
    let mut young = baby("2026-10-01", Vec::new());
    assert!(young.asks_since_birth(today));
    young.never_other_on.push(day("2026-11-01"));
    assert!(!young.asks_since_birth(today));
    // Five completed months: asked again, once.
    let mut older = baby("2026-07-01", Vec::new());
    older.never_other_on.push(day("2026-08-01"));
    assert!(older.asks_since_birth(today));
    older.never_other_on.push(day("2026-12-05"));
    assert!(!older.asks_since_birth(today));
    // Something else was given: nothing more to ask.
    let other = Feeding {
        first_other_on: Some(day("2026-07-03")),
        ..baby("2026-07-01", Vec::new())
    };
    assert!(!other.asks_since_birth(today));
}

#[test]
fn the_words_are_serdes() {
    for item in FoodItem::ALL {
        let word = serde_json::to_value(item).unwrap();
        assert_eq!(word, item.as_str());
        assert_eq!(FoodItem::parse(item.as_str()), Some(item));
    }
}

#[test]
fn each_month_counts_its_own_latest_answers() {
    let cohort = [
        baby(
            "2026-08-15",
            vec![
                recall("2026-10-03", &[BreastMilk]),
                recall("2026-11-20", &[BreastMilk, Formula]),
                recall("2026-12-02", &[BreastMilk]),
            ],
        ),
        baby("2026-09-01", vec![recall("2026-11-05", &[BreastMilk])]),
    ];
    let months = by_month(&cohort, day("2026-12-06"), 3);
    let rates: Vec<(String, usize, usize)> = months
        .iter()
        .map(|m| (m.first_day.to_string(), m.babies, m.exclusive))
        .collect();
    assert_eq!(
        rates,
        [
            ("2026-10-01".to_owned(), 1, 1),
            ("2026-11-01".to_owned(), 2, 1),
            ("2026-12-01".to_owned(), 1, 1),
        ]
    );
}

#[test]
fn two_cohorts_added_count_as_one() {
    let first = [baby(
        "2026-08-15",
        vec![
            recall("2026-11-20", &[BreastMilk, Formula]),
            recall("2026-12-02", &[BreastMilk]),
        ],
    )];
    let second = [
        baby("2026-09-01", vec![recall("2026-11-05", &[BreastMilk])]),
        baby("2026-10-01", vec![recall("2026-12-03", &[Water])]),
    ];
    let both: Vec<Feeding> = first.iter().chain(&second).cloned().collect();
    let today = day("2026-12-06");
    let mut months = by_month(&first, today, 3);
    add_months(&mut months, &by_month(&second, today, 3));
    assert_eq!(months, by_month(&both, today, 3));
    let from = day("2026-10-01");
    let mut sum = indicators(&first, from, today);
    sum.add(&indicators(&second, from, today));
    assert_eq!(sum, indicators(&both, from, today));
    // Added to nothing, a cohort's figures stay its own.
    let mut alone = Indicators::default();
    alone.add(&indicators(&second, from, today));
    assert_eq!(alone, indicators(&second, from, today));
}
