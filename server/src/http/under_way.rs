//! What is under way per key (a client address's connections, a device's pushes or
//! pulls): how many, and how much they hold, each counted until its guard is dropped.
//! One mechanism for every "at most so many at once" of the serving loop and the API.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

#[derive(Clone)]
pub struct UnderWay<K>(Arc<Mutex<HashMap<K, (usize, u64)>>>);

impl<K> Default for UnderWay<K> {
    fn default() -> Self {
        Self(Arc::default())
    }
}

/// One thing under way, counted until it is dropped.
pub struct Turn<K: Hash + Eq + Copy> {
    under_way: UnderWay<K>,
    key: K,
    held: u64,
}

impl<K: Hash + Eq + Copy> UnderWay<K> {
    /// Counts one more under `key`, holding `held`; `None` when `key` already has
    /// `most` under way, or they would hold more than `most_held` with it.
    pub fn start(&self, key: K, held: u64, most: usize, most_held: u64) -> Option<Turn<K>> {
        let mut all = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let (count, holding) = all.entry(key).or_default();
        if *count >= most || holding.saturating_add(held) > most_held {
            if *count == 0 {
                all.remove(&key);
            }
            return None;
        }
        *count += 1;
        *holding += held;
        Some(Turn {
            under_way: self.clone(),
            key,
            held,
        })
    }

    /// Counts one more under `key`, at most `most` at once.
    pub fn start_one(&self, key: K, most: usize) -> Option<Turn<K>> {
        self.start(key, 0, most, 0)
    }
}

impl<K: Hash + Eq + Copy> Drop for Turn<K> {
    fn drop(&mut self) {
        let mut all = self.under_way.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((count, holding)) = all.get_mut(&self.key) {
            *count -= 1;
            *holding = holding.saturating_sub(self.held);
            if *count == 0 {
                all.remove(&self.key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_so_many_and_so_much_at_once_and_freed_when_dropped() {
        let devices = UnderWay::default();
        let first = devices.start(7, 10, 2, 15);
        assert!(first.is_some());
        assert!(
            devices.start(7, 10, 2, 15).is_none(),
            "over what it may hold"
        );
        let second = devices.start(7, 5, 2, 15);
        assert!(second.is_some());
        assert!(devices.start(7, 0, 2, 15).is_none(), "over how many");
        assert!(
            devices.start(8, 10, 2, 15).is_some(),
            "another key has its own"
        );
        drop(first);
        assert!(devices.start(7, 10, 2, 15).is_some());
        drop(second);
        assert!(devices.0.lock().unwrap().is_empty(), "nothing left behind");
        let connections = UnderWay::default();
        let held: Vec<_> = (0..3)
            .filter_map(|_| connections.start_one('a', 3))
            .collect();
        assert_eq!(held.len(), 3);
        assert!(connections.start_one('a', 3).is_none());
    }
}
