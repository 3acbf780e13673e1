//! The dashboard's people: accounts with argon2id passwords, login with a lockout after
//! repeated failures, browser sessions that expire, and the audit trail. No HTTP here.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use deadpool_postgres::{Pool, Transaction};

mod password;

use crate::audit::audit_in;
pub use crate::audit::{AUDIT_TEXT_MAX, audit};
use crate::db::DbError;
use crate::secret;
pub use password::{change_password, reset_password};

/// Failed logins in a row that lock an account.
pub const LOCK_AFTER_FAILURES: i32 = 5;
/// How long a locked account stays locked.
pub const LOCK_MINUTES: i32 = 15;
/// The shortest password an account may have.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// What an account may do: see `crate::web::access` for the whole table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The puskesmas's system person: accounts, posyandu, cadres and devices.
    Admin,
    /// Puskesmas staff: every posyandu of the puskesmas.
    Puskesmas,
    /// A midwife: the posyandu she is responsible for.
    Midwife,
    /// The district health office (Dinas Kesehatan): every puskesmas of the district of
    /// the account's puskesmas, in counts and rates only, never a family.
    District,
}

impl Role {
    pub const IDS: [&'static str; 4] = ["admin", "puskesmas", "midwife", "district"];

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "admin" => Some(Self::Admin),
            "puskesmas" => Some(Self::Puskesmas),
            "midwife" => Some(Self::Midwife),
            "district" => Some(Self::District),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Puskesmas => "puskesmas",
            Self::Midwife => "midwife",
            Self::District => "district",
        }
    }
}

/// A signed-in person and what she may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub login: String,
    pub role: Role,
    pub puskesmas_id: i64,
    /// A midwife's posyandu; empty for the other roles (they see the whole puskesmas).
    pub posyandu: Vec<i64>,
}

/// A live browser session: whose, and the token its forms must carry.
#[derive(Debug, Clone)]
pub struct Session {
    pub account: Account,
    pub csrf: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Random(#[from] secret::NoRandom),
    #[error("the password could not be hashed: {0}")]
    Hash(String),
    #[error("wrong login or password")]
    WrongPassword,
    #[error("locked until {0}")]
    Locked(chrono::DateTime<chrono::Utc>),
    #[error("the password needs at least {MIN_PASSWORD_CHARS} characters")]
    ShortPassword,
    #[error("the new password is the current one")]
    SamePassword,
    #[error("the login may hold 3 to 40 of a-z, 0-9, dot, dash, underscore")]
    BadLogin,
    #[error("another account has this login")]
    LoginTaken,
    #[error("a name of 1 to 80 characters")]
    BadName,
    #[error("a midwife needs at least one posyandu of her puskesmas")]
    NoPosyandu,
    #[error("a district account needs a puskesmas that belongs to a district")]
    NoDistrict,
    #[error("{0} not found")]
    NotFound(&'static str),
}

impl From<tokio_postgres::Error> for AccountError {
    fn from(error: tokio_postgres::Error) -> Self {
        Self::Db(error.into())
    }
}

impl From<deadpool_postgres::PoolError> for AccountError {
    fn from(error: deadpool_postgres::PoolError) -> Self {
        Self::Db(error.into())
    }
}

/// The argon2id hash (PHC string) of `password`, with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| secret::NoRandom)?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AccountError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

pub(crate) fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|hash| {
            Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A new account; a midwife's posyandu must belong to the same puskesmas.
pub async fn add(
    pool: &Pool,
    puskesmas_id: i64,
    login: &str,
    name: &str,
    role: Role,
    password: &str,
    posyandu: &[i64],
) -> Result<i64, AccountError> {
    let login = login.trim().to_lowercase();
    if !is_valid_login(&login) {
        return Err(AccountError::BadLogin);
    }
    if !(1..=80).contains(&name.trim().chars().count()) {
        return Err(AccountError::BadName);
    }
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::ShortPassword);
    }
    if role == Role::Midwife && posyandu.is_empty() {
        return Err(AccountError::NoPosyandu);
    }
    let hash = hash_password(password)?;
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let id: i64 = tx
        .query_one(
            "INSERT INTO account (puskesmas_id, login, name, role, password_hash)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            &[&puskesmas_id, &login, &name.trim(), &role.id(), &hash],
        )
        .await
        .map_err(|e| {
            if e.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION) {
                AccountError::LoginTaken
            } else {
                e.into()
            }
        })?
        .get(0);
    if role == Role::District {
        let in_district: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM puskesmas WHERE id = $1 AND district_id IS NOT NULL)",
                &[&puskesmas_id],
            )
            .await?
            .get(0);
        if !in_district {
            return Err(AccountError::NoDistrict);
        }
    }
    if role == Role::Midwife {
        let linked = tx
            .execute(
                "INSERT INTO account_posyandu (account_id, posyandu_id)
                 SELECT $1, id FROM posyandu WHERE puskesmas_id = $2 AND id = ANY($3)",
                &[&id, &puskesmas_id, &posyandu],
            )
            .await?;
        if usize::try_from(linked).unwrap_or(0) != posyandu.len() {
            return Err(AccountError::NoPosyandu);
        }
    }
    tx.commit().await?;
    Ok(id)
}

/// Whether any account exists (the first start makes an admin).
pub async fn any(pool: &Pool) -> Result<bool, AccountError> {
    let client = pool.get().await?;
    Ok(client
        .query_one("SELECT EXISTS (SELECT 1 FROM account)", &[])
        .await?
        .get(0))
}

/// Checks a login; on success starts a session and returns its cookie token. Failures
/// count towards the lockout; a locked account is refused even with the right password.
/// Each outcome (counts, session, audit line) is written in one transaction, and the
/// account's row is held meanwhile: a login begun while another's failure is counted
/// sees the lock that failure set.
pub async fn log_in(
    pool: &Pool,
    login: &str,
    password: &str,
    address: &str,
) -> Result<(String, i64), AccountError> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let found = tx
        .query_opt(
            "SELECT id, password_hash, locked_until, locked_until > now()
             FROM account WHERE login = $1 AND disabled_at IS NULL FOR UPDATE",
            &[&login.trim().to_lowercase()],
        )
        .await?;
    let Some(row) = found else {
        // The same work as a real check, so a wrong login is not told apart by time.
        let _ = password_matches(password, DUMMY_HASH);
        // What was typed is kept only if it could be a login (often it is a password
        // typed into the wrong field, or junk sent to fill the disk).
        let typed = login.trim().to_lowercase();
        let target = if is_valid_login(&typed) {
            typed.as_str()
        } else {
            "(invalid)"
        };
        audit_in(&tx, None, "login-failed", target, address).await?;
        tx.commit().await?;
        return Err(AccountError::WrongPassword);
    };
    let (id, stored): (i64, String) = (row.get(0), row.get(1));
    if row.get::<_, Option<bool>>(3) == Some(true) {
        audit_in(&tx, Some(id), "login-locked", "", address).await?;
        tx.commit().await?;
        return Err(AccountError::Locked(row.get(2)));
    }
    if !password_matches(password, &stored) {
        let refusal = count_failure(&tx, id).await?;
        audit_in(&tx, Some(id), "login-failed", "", address).await?;
        tx.commit().await?;
        return Err(refusal);
    }
    let token = secret::device_token()?;
    let csrf = secret::device_token()?;
    tx.execute(
        "UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = $1",
        &[&id],
    )
    .await?;
    tx.execute(
        "INSERT INTO web_session (token_hash, account_id, csrf) VALUES ($1, $2, $3)",
        &[&secret::hash(&token), &id, &csrf],
    )
    .await?;
    audit_in(&tx, Some(id), "login", "", address).await?;
    tx.commit().await?;
    Ok((token, id))
}

/// Counts a wrong password against account `id` (its row held by `tx`): the error to
/// answer with, `Locked` when this failure locks it.
pub(crate) async fn count_failure(
    tx: &Transaction<'_>,
    id: i64,
) -> Result<AccountError, AccountError> {
    let locked: Option<chrono::DateTime<chrono::Utc>> = tx
        .query_one(
            // A lock that has run out starts the count afresh.
            "UPDATE account SET
                 failed_logins = CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END,
                 locked_until = CASE
                     WHEN (CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END) >= $2
                     THEN now() + make_interval(mins => $3) END
             WHERE id = $1 RETURNING locked_until",
            &[&id, &LOCK_AFTER_FAILURES, &LOCK_MINUTES],
        )
        .await?
        .get(0);
    Ok(match locked {
        Some(until) => AccountError::Locked(until),
        None => AccountError::WrongPassword,
    })
}

/// A hash of a password nobody has, checked when the login is unknown.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2n5v3JqgSsn5bD0v0QxYlTZEL+CZ+R0V1c5cYlUPpbs";

/// The session behind a cookie token, if it is live: not ended, seen within
/// `idle_minutes`, begun within 12 hours. Seeing it keeps it alive.
pub async fn session(
    pool: &Pool,
    token: &str,
    idle_minutes: i32,
) -> Result<Option<Session>, AccountError> {
    let client = pool.get().await?;
    let row = client
        .query_opt(
            "UPDATE web_session s SET last_seen_at = now()
             FROM account a
             WHERE s.token_hash = $1 AND a.id = s.account_id AND a.disabled_at IS NULL
               AND s.ended_at IS NULL
               AND s.last_seen_at > now() - make_interval(mins => $2)
               AND s.created_at > now() - interval '12 hours'
             RETURNING a.id, a.name, a.login, a.role, a.puskesmas_id, s.csrf,
                 ARRAY(SELECT posyandu_id FROM account_posyandu p WHERE p.account_id = a.id
                       ORDER BY posyandu_id)",
            &[&secret::hash(token), &idle_minutes],
        )
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let role: String = row.get(3);
    let Some(role) = Role::parse(&role) else {
        return Ok(None);
    };
    Ok(Some(Session {
        account: Account {
            id: row.get(0),
            name: row.get(1),
            login: row.get(2),
            role,
            puskesmas_id: row.get(4),
            posyandu: row.get(6),
        },
        csrf: row.get(5),
    }))
}

/// Ends the session (logout).
pub async fn log_out(pool: &Pool, token: &str) -> Result<(), AccountError> {
    let client = pool.get().await?;
    client
        .execute(
            "UPDATE web_session SET ended_at = now() WHERE token_hash = $1",
            &[&secret::hash(token)],
        )
        .await?;
    Ok(())
}

/// A login as accounts are made with: 3 to 40 of a-z, 0-9, dot, dash, underscore.
pub fn is_valid_login(login: &str) -> bool {
    (3..=40).contains(&login.len())
        && login
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
}

/// An account as the accounts page lists it.
#[derive(Debug, Clone)]
pub struct AccountLine {
    pub login: String,
    pub name: String,
    pub role: String,
    /// A midwife's posyandu, by name.
    pub posyandu: Vec<String>,
    pub locked: bool,
    pub last_login: Option<chrono::DateTime<chrono::Utc>>,
}

/// The accounts of a puskesmas, by role and login.
pub async fn list(pool: &Pool, puskesmas_id: i64) -> Result<Vec<AccountLine>, AccountError> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT a.login, a.name, a.role,
                    ARRAY(SELECT p.name FROM account_posyandu ap JOIN posyandu p ON p.id = ap.posyandu_id
                          WHERE ap.account_id = a.id ORDER BY p.name),
                    coalesce(a.locked_until > now(), false),
                    (SELECT max(created_at) FROM web_session s WHERE s.account_id = a.id)
             FROM account a
             WHERE a.puskesmas_id = $1 AND a.disabled_at IS NULL AND a.role <> 'district'
             ORDER BY a.role, a.login",
            &[&puskesmas_id],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| AccountLine {
            login: r.get(0),
            name: r.get(1),
            role: r.get(2),
            posyandu: r.get(3),
            locked: r.get(4),
            last_login: r.get(5),
        })
        .collect())
}

/// The puskesmas's id by name (the command line names it).
pub async fn puskesmas_id(pool: &Pool, name: &str) -> Result<i64, AccountError> {
    let client = pool.get().await?;
    client
        .query_opt("SELECT id FROM puskesmas WHERE name = $1", &[&name])
        .await?
        .map(|row| row.get(0))
        .ok_or(AccountError::NotFound("puskesmas"))
}

#[cfg(test)]
mod tests;
