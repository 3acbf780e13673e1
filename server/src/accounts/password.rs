//! Changing a password: the reader's own (proving the current one, counted as at
//! login), or a forgotten one set by the admin or on the command line.

use deadpool_postgres::{Pool, Transaction};

use super::{AccountError, MIN_PASSWORD_CHARS, count_failure, hash_password, password_matches};
use crate::audit::audit_in;
use crate::secret;

/// A new password's own rules: long enough, and not the one it replaces.
fn check_new_password(new: &str, current: Option<&str>) -> Result<(), AccountError> {
    if new.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::ShortPassword);
    }
    if current == Some(new) {
        return Err(AccountError::SamePassword);
    }
    Ok(())
}

/// The signed-in reader changes her own password, proving the current one (a wrong one
/// counts towards the lockout, as at login). Her other sessions end, so a browser left
/// signed in elsewhere is signed out; the one she is using (`keep_token`) stays.
/// Returns how many sessions ended.
pub async fn change_password(
    pool: &Pool,
    account_id: i64,
    keep_token: &str,
    current: &str,
    new: &str,
    address: &str,
) -> Result<u64, AccountError> {
    check_new_password(new, Some(current))?;
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let row = tx
        .query_opt(
            "SELECT password_hash, locked_until, locked_until > now()
             FROM account WHERE id = $1 AND disabled_at IS NULL FOR UPDATE",
            &[&account_id],
        )
        .await?
        .ok_or(AccountError::NotFound("account"))?;
    if row.get::<_, Option<bool>>(2) == Some(true) {
        return Err(AccountError::Locked(row.get(1)));
    }
    if !password_matches(current, row.get(0)) {
        let refusal = count_failure(&tx, account_id).await?;
        audit_in(&tx, Some(account_id), "password-change-failed", "", address).await?;
        tx.commit().await?;
        return Err(refusal);
    }
    // Hashed only now: a locked account or a wrong guess costs one argon2 run, not two.
    let hash = hash_password(new)?;
    let ended = replace_password(&tx, account_id, &hash, Some(keep_token)).await?;
    audit_in(&tx, Some(account_id), "password-changed", "", address).await?;
    tx.commit().await?;
    Ok(ended)
}

/// Sets the password of `login` in `puskesmas` (any puskesmas when `None`: the command
/// line) for someone who forgot hers: unlocks the account and ends all its sessions.
/// `by` is the admin who did it (none from the command line). A puskesmas's admin never
/// sets a district account's: it reads other puskesmas too (the command line does).
/// Returns how many sessions ended.
pub async fn reset_password(
    pool: &Pool,
    puskesmas: Option<i64>,
    login: &str,
    new: &str,
    by: Option<i64>,
    address: &str,
) -> Result<u64, AccountError> {
    check_new_password(new, None)?;
    let hash = hash_password(new)?;
    let login = login.trim().to_lowercase();
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let id: i64 = tx
        .query_opt(
            "SELECT id FROM account
             WHERE login = $1 AND disabled_at IS NULL
               AND ($2::bigint IS NULL OR (puskesmas_id = $2 AND role <> 'district'))
             FOR UPDATE",
            &[&login, &puskesmas],
        )
        .await?
        .ok_or(AccountError::NotFound("account"))?
        .get(0);
    let ended = replace_password(&tx, id, &hash, None).await?;
    audit_in(&tx, by, "password-reset", &login, address).await?;
    tx.commit().await?;
    Ok(ended)
}

/// Stores a new password hash, lifts any lock and ends the account's live sessions
/// but `keep_token`'s.
async fn replace_password(
    tx: &Transaction<'_>,
    id: i64,
    hash: &str,
    keep_token: Option<&str>,
) -> Result<u64, AccountError> {
    tx.execute(
        "UPDATE account SET password_hash = $2, failed_logins = 0, locked_until = NULL
         WHERE id = $1",
        &[&id, &hash],
    )
    .await?;
    let keep = keep_token.map(secret::hash);
    Ok(tx
        .execute(
            "UPDATE web_session SET ended_at = now()
             WHERE account_id = $1 AND ended_at IS NULL
               AND ($2::text IS NULL OR token_hash <> $2)",
            &[&id, &keep],
        )
        .await?)
}
