//! The cadre's PIN rules: six digits, a growing wait after wrong attempts, and how the
//! PIN is kept (an argon2id hash, never the PIN itself). Hashing is slow on purpose:
//! callers run it off any thread that must stay responsive.

use argon2::password_hash::{SaltString, rand_core::OsRng};
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

use super::validation::FieldError;

/// The hash of `pin` to store (an argon2id PHC string with a fresh random salt).
pub fn hash(pin: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(pin.as_bytes(), &salt)?
        .to_string())
}

/// Whether `pin` is the one `stored` was made from (a malformed hash matches nothing).
pub fn matches(stored: &str, pin: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &hash)
            .is_ok()
    })
}

pub const PIN_DIGITS: usize = 6;
/// Wrong attempts allowed before waiting starts.
const FREE_ATTEMPTS: u32 = 3;
/// First wait, doubled with each further wrong attempt, up to the cap.
const FIRST_WAIT_SECONDS: u64 = 5;
const MAX_WAIT_SECONDS: u64 = 300;
/// Cadre mode locks itself after this long without a touch.
pub const IDLE_LOCK_SECONDS: u64 = 5 * 60;

/// A PIN is exactly six digits.
pub fn validate(pin: &str, repeat: &str) -> Result<(), Vec<FieldError>> {
    if pin.len() != PIN_DIGITS || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(vec![
            FieldError::new("pin", "error-pin-format").with_arg("digits", PIN_DIGITS),
        ]);
    }
    if pin != repeat {
        return Err(vec![FieldError::new("pinRepeat", "error-pin-repeat")]);
    }
    Ok(())
}

/// Seconds to wait before the next attempt after `failures` wrong ones in a row.
pub fn wait_after(failures: u32) -> u64 {
    if failures < FREE_ATTEMPTS {
        return 0;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(16);
    (FIRST_WAIT_SECONDS << doublings).min(MAX_WAIT_SECONDS)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_pin_is_kept_as_an_argon2id_hash_that_only_it_matches() {
        let stored = hash("246810").unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("246810"));
        assert!(matches(&stored, "246810"));
        assert!(!matches(&stored, "246811"));
        assert!(!matches("$argon2id$imported-no-pin", "246810"));
        assert_ne!(hash("246810").unwrap(), stored, "a fresh salt each time");
    }
    use super::*;

    #[test]
    fn the_wait_grows_after_three_wrong_pins_and_is_capped() {
        let waits: Vec<u64> = (0..10).map(wait_after).collect();
        assert_eq!(waits, [0, 0, 0, 5, 10, 20, 40, 80, 160, 300]);
        assert_eq!(wait_after(u32::MAX), 300);
    }

    #[test]
    fn a_pin_is_six_digits_typed_twice_the_same() {
        assert!(validate("123456", "123456").is_ok());
        assert_eq!(
            validate("12345", "12345").unwrap_err()[0].code,
            "error-pin-format"
        );
        assert_eq!(
            validate("12345a", "12345a").unwrap_err()[0].code,
            "error-pin-format"
        );
        assert_eq!(
            validate("123456", "123457").unwrap_err()[0].code,
            "error-pin-repeat"
        );
    }
}
