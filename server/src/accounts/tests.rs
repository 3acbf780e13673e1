//! Password hashes and roles.

use super::*;

#[test]
fn a_password_hash_is_argon2id_salted_and_checks_only_its_password() {
    let first = hash_password("kata sandi panjang").unwrap();
    let second = hash_password("kata sandi panjang").unwrap();
    assert!(first.starts_with("$argon2id$"), "{first}");
    assert_ne!(first, second, "each hash has its own salt");
    assert!(password_matches("kata sandi panjang", &first));
    assert!(!password_matches("kata sandi panjanG", &first));
    assert!(!password_matches("anything", "not a hash"));
}

#[test]
fn the_dummy_hash_parses_so_unknown_logins_cost_the_same() {
    assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    assert!(!password_matches("", DUMMY_HASH));
}

#[test]
fn roles_read_back_from_their_ids() {
    for id in Role::IDS {
        assert_eq!(Role::parse(id).map(Role::id), Some(id));
    }
    assert_eq!(Role::parse("cadre"), None);
}
