//! Who may change what, as a model checks it: seeded random sequences of pushes, pulls,
//! deletions, references into other families, pairings, moves and revokes, from
//! cadres' and families' phones of two puskesmas, against the real server and
//! PostgreSQL. After every step the records on the server are exactly the model's: no
//! record changes or disappears except by a phone whose scope held its family at that
//! moment; and every phone pulls each record of the families in its scope exactly once.
//! `MODEL_SEQUENCES` sets how many sequences run (200 in `make test`), `MODEL_SEED` the
//! first seed.

mod support;

use std::collections::{BTreeSet, HashMap, HashSet};

use ayah_asi_core::bundle;
use ayah_asi_core::sample::FamilyRecords;
use ayah_asi_server::{http, org};
use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::Value;
use support::Server;

/// A small deterministic generator (splitmix64): the same seed, the same sequence.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

type Key = (String, String);

struct Phone {
    token: String,
    device: i64,
    cadre: usize,
    family: Option<String>,
    /// The cadre's phone whose code paired it (revoking that phone revokes it too).
    paired_by: Option<usize>,
    revoked: bool,
    cursor: i64,
    /// Records it pushed itself (never sent back to it).
    pushed: HashSet<Key>,
    /// Records it pulled, since their family came into its scope.
    received: HashSet<Key>,
}

/// What the server should hold for one sequence.
struct Model {
    cadres: Vec<i64>,
    assignment: HashMap<String, usize>,
    families: HashMap<String, FamilyRecords>,
    /// Every record of the sequence's families on the server, with its family.
    records: HashMap<Key, String>,
    phones: Vec<Phone>,
}

impl Model {
    fn in_scope(&self, phone: &Phone, family: &str) -> bool {
        match &phone.family {
            Some(own) => own == family,
            None => self.assignment.get(family) == Some(&phone.cadre),
        }
    }
    fn live(&self) -> Vec<usize> {
        (0..self.phones.len())
            .filter(|p| !self.phones[*p].revoked)
            .collect()
    }
}

async fn push(server: &Server, token: &str, bytes: Vec<u8>) -> StatusCode {
    let id = uuid::Uuid::now_v7().to_string();
    support::push(server, token, &id, bytes).await.status()
}

async fn pair(server: &Server, code: &str) -> String {
    let answer: Value = support::pair(server, code).await.json().await.unwrap();
    answer["token"].as_str().unwrap().to_owned()
}

async fn new_phone(
    server: &Server,
    model: &mut Model,
    cadre: usize,
    code: &str,
    paired_by: Option<usize>,
) {
    let token = pair(server, code).await;
    let device = org::device_of(&server.pool, &token).await.unwrap().unwrap();
    model.phones.push(Phone {
        token,
        device: device.id,
        cadre,
        family: device.family_id,
        paired_by,
        revoked: false,
        cursor: 0,
        pushed: HashSet::new(),
        received: HashSet::new(),
    });
}

/// The (table, id) and family of every record line of a bundle (a cadre's name has none).
fn lines_of(bytes: &[u8]) -> Vec<(Key, Option<String>)> {
    let parsed = bundle::parse(bytes, chrono::Local::now().fixed_offset()).unwrap();
    let family = parsed.header.family_ids.first().cloned();
    parsed
        .records
        .iter()
        .map(|r| {
            let owner = (r.table.name != "cadre").then(|| family.clone()).flatten();
            ((r.table.name.to_owned(), r.id.clone()), owner)
        })
        .collect()
}

/// A push the model expects to be taken: the server then holds its records.
async fn push_taken(server: &Server, model: &mut Model, phone: usize, bytes: Vec<u8>) {
    let status = push(server, &model.phones[phone].token, bytes.clone()).await;
    assert_eq!(status, StatusCode::OK, "a push in scope is taken");
    for (key, family) in lines_of(&bytes) {
        model.phones[phone].pushed.insert(key.clone());
        if let Some(family) = family {
            model.records.entry(key).or_insert(family);
        }
    }
}

async fn step(server: &Server, model: &mut Model, dice: &mut Dice, n: usize) {
    let live = model.live();
    let Some(&phone) = dice.pick(&live) else {
        return;
    };
    let scope: Vec<String> = model
        .families
        .keys()
        .filter(|f| model.in_scope(&model.phones[phone], f))
        .cloned()
        .collect();
    let mut sorted = scope.clone();
    sorted.sort();
    let own = dice.pick(&sorted).cloned();
    match dice.below(9) {
        // A cadre's phone enrols a family.
        0 if model.phones[phone].family.is_none() => {
            let mut family = FamilyRecords::enrolled(&format!("Ayah {n}"), "Ibu", 10);
            family.milk(2, "lancar");
            let bytes = family.bundle();
            let id = family.family.clone();
            model.families.insert(id.clone(), family);
            model.assignment.insert(id, model.phones[phone].cadre);
            push_taken(server, model, phone, bytes).await;
        }
        // New records of a family in scope: milk, a session and its rating, a visit.
        1 | 2 if own.is_some() => {
            let family_phone = model.phones[phone].family.is_some();
            let records = model.families.get_mut(own.as_deref().unwrap_or_default());
            let Some(records) = records else { return };
            records.sent();
            records.milk(1, "tidak-lancar");
            let session = records.session(1, None);
            records.rating(&session, 1, 4, (2, 1));
            let visit = !family_phone && dice.below(2) == 0;
            if visit {
                records.visit(0, &[("cleaning", 1)]);
            }
            let bytes = records.bundle();
            push_taken(server, model, phone, bytes).await;
        }
        // A family's phone writes a visit: refused, nothing stored.
        3 if model.phones[phone].family.is_some() && own.is_some() => {
            let Some(records) = model.families.get_mut(own.as_deref().unwrap_or_default()) else {
                return;
            };
            records.sent();
            records.visit(0, &[]);
            let status = push(server, &model.phones[phone].token, records.bundle()).await;
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "a family phone writes no visit"
            );
        }
        // An attack: a deletion of a record of a family out of scope, filed under a
        // family in scope (or a new one).
        4 | 5 => {
            let victims: BTreeSet<&Key> = model
                .records
                .iter()
                .filter(|(_, f)| !scope.contains(f))
                .map(|(k, _)| k)
                .collect();
            let victims: Vec<&Key> = victims.into_iter().collect();
            let Some(&(table, id)) = dice.pick(&victims) else {
                return;
            };
            let mut attacker = match &own {
                Some(f) if model.phones[phone].family.is_some() || dice.below(2) == 0 => {
                    let mut r = FamilyRecords::enrolled("x", "y", 1);
                    r.family = f.clone();
                    r.sent();
                    r
                }
                _ if model.phones[phone].family.is_some() => return,
                _ => FamilyRecords::enrolled("Penyerang", "y", 1),
            };
            let filed = attacker.family.clone();
            attacker.delete(table, id, &filed);
            let status = push(server, &model.phones[phone].token, attacker.bundle()).await;
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "deleting {table} {id} of another family"
            );
        }
        // A cadre's phone deletes one of its families' milk records.
        6 if model.phones[phone].family.is_none() && own.is_some() => {
            let family = own.unwrap_or_default();
            let mine: BTreeSet<&Key> = model
                .records
                .iter()
                .filter(|((t, _), f)| t == "milk_status" && **f == family)
                .map(|(k, _)| k)
                .collect();
            let Some(key) = mine.into_iter().next().cloned() else {
                return;
            };
            let Some(records) = model.families.get_mut(&family) else {
                return;
            };
            records.sent();
            records.delete(&key.0, &key.1, &family);
            let status = push(server, &model.phones[phone].token, records.bundle()).await;
            assert_eq!(status, StatusCode::OK);
            model.records.remove(&key);
        }
        // A cadre's phone pairs a family phone, or the staff move a family.
        7 if model.phones[phone].family.is_none() && own.is_some() => {
            let family = own.unwrap_or_default();
            if dice.below(2) == 0 {
                let code = support::family_code(server, &model.phones[phone].token, &family).await;
                let cadre = model.phones[phone].cadre;
                new_phone(server, model, cadre, &code, Some(phone)).await;
            } else {
                let from = model.assignment[&family];
                let to = dice.below(model.cadres.len());
                org::move_family(&server.pool, &family, model.cadres[to], "model")
                    .await
                    .unwrap();
                model.assignment.insert(family.clone(), to);
                for p in &mut model.phones {
                    if p.family.as_deref() == Some(family.as_str()) && p.cadre == from {
                        p.revoked = true;
                    }
                    if p.family.is_none() && p.cadre == to {
                        // Renumbered: the new cadre's phones receive it anew.
                        p.received
                            .retain(|key| model.records.get(key).is_none_or(|f| *f != family));
                    }
                }
            }
        }
        // A phone is revoked; its cadre gets a new one.
        8 if dice.below(4) == 0 => {
            org::revoke(&server.pool, model.phones[phone].device)
                .await
                .unwrap();
            model.phones[phone].revoked = true;
            for p in &mut model.phones {
                if p.paired_by == Some(phone) {
                    p.revoked = true;
                }
            }
            if model.phones[phone].family.is_none() {
                let cadre = model.phones[phone].cadre;
                let code = org::make_pairing_code(&server.pool, model.cadres[cadre], None)
                    .await
                    .unwrap();
                new_phone(server, model, cadre, &code, None).await;
            }
        }
        _ => pull(server, model, phone).await,
    }
}

/// Pulls every page; each record it receives is of a family in its scope, not its own
/// push, and not received before.
async fn pull(server: &Server, model: &mut Model, phone: usize) {
    for _ in 0..100 {
        let response = reqwest::Client::new()
            .get(format!(
                "{}/api/v1/pull?cursor={}",
                server.base, model.phones[phone].cursor
            ))
            .bearer_auth(&model.phones[phone].token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let (cursor, more) = (header("x-ayah-asi-cursor"), header("x-ayah-asi-more"));
        let bytes = response.bytes().await.unwrap();
        model.phones[phone].cursor = cursor.parse().unwrap();
        let parsed = bundle::parse(&bytes, chrono::Local::now().fixed_offset()).unwrap();
        for record in parsed.records.iter().filter(|r| r.table.name != "cadre") {
            let key = (record.table.name.to_owned(), record.id.clone());
            let family = model.records.get(&key).cloned();
            let family = family.unwrap_or_else(|| panic!("pulled {key:?}, not on the server"));
            assert!(
                model.in_scope(&model.phones[phone], &family),
                "{key:?} out of scope"
            );
            assert!(
                !model.phones[phone].pushed.contains(&key),
                "its own push came back"
            );
            assert!(
                model.phones[phone].received.insert(key.clone()),
                "{key:?} twice"
            );
        }
        if more != "1" {
            return;
        }
    }
    panic!("a pull that never ends");
}

/// The server holds exactly the model's records of this sequence's families.
async fn check_records(server: &Server, model: &Model) {
    let families: Vec<&String> = model.families.keys().collect();
    let rows = server
        .pool
        .get()
        .await
        .unwrap()
        .query(
            "SELECT table_name, id, family_id FROM record WHERE family_id = ANY($1)",
            &[&families],
        )
        .await
        .unwrap();
    let held: HashMap<Key, String> = rows
        .iter()
        .map(|r| ((r.get(0), r.get(1)), r.get(2)))
        .collect();
    assert_eq!(held, model.records);
}

async fn sequence(server: &Server, seed: u64) {
    let mut dice = Dice(seed);
    let pool = &server.pool;
    let mut cadres = Vec::new();
    for (p, posyandu) in ["A", "B"].iter().enumerate() {
        let puskesmas = format!("Puskesmas {seed}{posyandu}");
        org::add_puskesmas(pool, &puskesmas).await.unwrap();
        let id = org::add_posyandu(pool, &puskesmas, "Melati").await.unwrap();
        for c in 0..=p {
            cadres.push(
                org::add_cadre(pool, id, &format!("Kader {c}"))
                    .await
                    .unwrap(),
            );
        }
    }
    let mut model = Model {
        cadres: cadres.clone(),
        assignment: HashMap::new(),
        families: HashMap::new(),
        records: HashMap::new(),
        phones: Vec::new(),
    };
    for (c, id) in cadres.iter().enumerate() {
        let code = org::make_pairing_code(pool, *id, None).await.unwrap();
        new_phone(server, &mut model, c, &code, None).await;
    }
    for n in 0..24 {
        step(server, &mut model, &mut dice, n).await;
        check_records(server, &model).await;
    }
    // In the end every phone has every record of its families that others pushed.
    for phone in model.live() {
        pull(server, &mut model, phone).await;
        let p = &model.phones[phone];
        for (key, family) in &model.records {
            if model.in_scope(p, family) && !p.pushed.contains(key) {
                assert!(
                    p.received.contains(key),
                    "seed {seed}: {key:?} never reached a phone"
                );
            }
        }
    }
}

/// Sequences run this many at a time: each has its own puskesmas, families and phones,
/// and checks only its own records, so they cannot see each other.
const AT_ONCE: usize = 6;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_sequences_change_only_what_their_phones_may_change() {
    let count: u64 = std::env::var("MODEL_SEQUENCES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let first: u64 = std::env::var("MODEL_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let server = Server::start_with(http::Settings {
        pairing_per_minute: 100_000,
        ..http::Settings::default()
    })
    .await;
    futures_util::stream::iter(first..first + count)
        .for_each_concurrent(AT_ONCE, |seed| sequence(&server, seed))
        .await;
    println!("{count} sequences from seed {first}");
}
