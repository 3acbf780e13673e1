//! Pairing codes and device tokens: random, shown once, kept only as SHA-256 hashes
//! (they are long and random, so a fast hash is enough; passwords come with argon2).

use sha2::{Digest, Sha256};

/// No 0/O, 1/I/L: a code read aloud or typed from a screen is not misread.
const CODE_ALPHABET: &[u8] = ayah_asi_core::sync::CODE_ALPHABET.as_bytes();
pub const CODE_LENGTH: usize = 10;

#[derive(Debug, thiserror::Error)]
#[error("the system's random source failed")]
pub struct NoRandom;

/// Equal, in a time that does not depend on where two secrets of one length differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn random_bytes<const N: usize>() -> Result<[u8; N], NoRandom> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| NoRandom)?;
    Ok(bytes)
}

/// A one-time pairing code of 10 characters from the unambiguous alphabet.
pub fn pairing_code() -> Result<String, NoRandom> {
    // 31 letters: a byte below 248 (8 x 31) maps without bias; others are drawn again.
    let mut code = String::with_capacity(CODE_LENGTH);
    while code.len() < CODE_LENGTH {
        for byte in random_bytes::<16>()? {
            if byte < 248 && code.len() < CODE_LENGTH {
                code.push(char::from(
                    CODE_ALPHABET[usize::from(byte) % CODE_ALPHABET.len()],
                ));
            }
        }
    }
    Ok(code)
}

/// A device token: 32 random bytes as hex.
pub fn device_token() -> Result<String, NoRandom> {
    Ok(random_bytes::<32>()?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// How a code or token is kept: SHA-256, hex. Codes are compared in upper case, without
/// spaces or dashes.
pub fn hash(secret: &str) -> String {
    let normal: String = secret
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    Sha256::digest(normal.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_the_unambiguous_alphabet_and_tokens_are_long() {
        for _ in 0..50 {
            let code = pairing_code().unwrap();
            assert_eq!(code.len(), CODE_LENGTH);
            assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)), "{code}");
        }
        assert_ne!(pairing_code().unwrap(), pairing_code().unwrap());
        assert_eq!(device_token().unwrap().len(), 64);
    }

    #[test]
    fn a_code_typed_loosely_hashes_as_shown() {
        assert_eq!(hash("abcd-efgh 23"), hash("ABCDEFGH23"));
        assert_ne!(hash("ABCDEFGH23"), hash("ABCDEFGH24"));
    }
}
