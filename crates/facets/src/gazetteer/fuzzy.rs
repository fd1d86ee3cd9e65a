//! Looking up a name the gazetteer does not hold as written: a transliteration variant
//! (`Tchoungoua` / `Choungoua`, `Wouri` / `Ouri`, `Diamondji` / `Dyamondji`, `Kossougou` /
//! `Kosougou`) or a misspelling of one letter (`Toukoroboa` / `Toukoroba`).
//!
//! Two tiers, both on matching keys ([`super::name_key`]):
//! - the *skeleton* of a key: the spellings French, English and local transliterations of the same
//!   sounds take, merged (`ou`/`w`/`u`, `dj`/`j`, `ch`/`sh`/`tch`, `kh`/`h`, `gh`/`g`, `y`/`i`),
//!   doubled letters single, a final `e` or `a` dropped; every key of five letters or more is
//!   indexed by its skeleton when the gazetteer is built;
//! - one edit (a letter deleted, inserted, replaced, or two swapped) away from a key of the
//!   built-in gazetteer, for names of [`EDIT_MIN_LEN`] letters or more (a deletion-neighbourhood
//!   index, [`EditIndex`]; GeoNames' villages are too many and too alike for a misspelling of one
//!   to be told from another village).
//!
//! The caller decides when to look up (only capitalised words after a place cue that match no
//! name) and what to accept (a single region).

use std::collections::HashMap;

/// FNV-1a: a fast hash for the short ASCII keys of the gazetteer's maps (the one-edit lookup
/// probes hundreds of variants per name; the keys are the gazetteer's, not an adversary's).
#[derive(Debug, Clone, Copy)]
pub(super) struct KeyHasher(u64);

impl Default for KeyHasher {
    fn default() -> Self {
        KeyHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by matching keys, hashed with [`KeyHasher`].
pub(super) type KeyMap<V> = HashMap<Box<str>, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// Keys shorter than this are not indexed by skeleton (too many accidental meetings).
pub const SKELETON_MIN_LEN: usize = 5;

/// Names shorter than this get no one-edit lookup.
pub const EDIT_MIN_LEN: usize = 7;

/// The skeleton of a matching key (see the module documentation).
pub fn skeleton(key: &str) -> String {
    let b = key.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let (sound, used): (&[u8], usize) = if rest.starts_with(b"tch") {
            (b"c", 3)
        } else if rest.starts_with(b"dj") {
            (b"j", 2)
        } else if rest.starts_with(b"sh") || rest.starts_with(b"ch") {
            (b"c", 2)
        } else if rest.starts_with(b"kh") {
            (b"h", 2)
        } else if rest.starts_with(b"gh") {
            (b"g", 2)
        } else if rest.starts_with(b"ou") {
            (b"u", 2)
        } else if rest[0] == b'w' {
            (b"u", 1)
        } else if rest[0] == b'y' {
            (b"i", 1)
        } else {
            (&rest[..1], 1)
        };
        for &c in sound {
            if out.last() != Some(&c) {
                out.push(c);
            }
        }
        i += used;
    }
    if out.len() > 4 && matches!(out.last(), Some(b'e' | b'a')) {
        out.pop();
    }
    // Only ASCII sequences were replaced by ASCII: the bytes are still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Skeleton → slots of the keys that have it.
#[derive(Debug, Clone, Default)]
pub(super) struct SkeletonIndex {
    slots: KeyMap<Vec<u32>>,
}

impl SkeletonIndex {
    pub(super) fn build<'k>(keys: impl Iterator<Item = (&'k str, u32)>) -> Self {
        let mut slots: KeyMap<Vec<u32>> = KeyMap::default();
        for (key, slot) in keys {
            if key.len() < SKELETON_MIN_LEN || !key.is_ascii() {
                continue;
            }
            slots
                .entry(skeleton(key).into_boxed_str())
                .or_default()
                .push(slot);
        }
        SkeletonIndex { slots }
    }

    /// The slots of the keys with this skeleton.
    pub(super) fn get(&self, skeleton: &str) -> &[u32] {
        self.slots.get(skeleton).map_or(&[], Vec::as_slice)
    }
}

/// The keys of the built-in gazetteer (the places security reports name most) by their
/// deletion neighbourhood: each key, and each string it gives with one letter deleted. Two keys
/// one edit apart (a letter deleted, inserted, replaced, or two swapped) share an entry of their
/// neighbourhoods, so a lookup costs a handful of probes instead of one per possible edit.
#[derive(Debug, Clone, Default)]
pub(super) struct EditIndex {
    /// Neighbourhood string → indexes in `keys`.
    neighbours: KeyMap<Vec<u32>>,
    /// (key, slot).
    keys: Vec<(Box<str>, u32)>,
}

/// The strings an ASCII key gives with one letter deleted.
fn deletions(key: &str) -> impl Iterator<Item = String> + '_ {
    (0..key.len()).map(move |i| {
        let mut s = String::with_capacity(key.len() - 1);
        s.push_str(&key[..i]);
        s.push_str(&key[i + 1..]);
        s
    })
}

/// Whether two ASCII keys are at most one edit apart (Damerau: an adjacent swap is one edit).
pub(super) fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let (s, l) = (&short[prefix..], &long[prefix..]);
        s.is_empty()
            || s[1..] == l[1..]
            || s.len() >= 2 && s[0] == l[1] && s[1] == l[0] && s[2..] == l[2..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

impl EditIndex {
    /// The index of these (key, slot) pairs (keys of [`EDIT_MIN_LEN`] − 1 letters or more:
    /// a key one edit from a name of [`EDIT_MIN_LEN`] letters has at least that many).
    pub(super) fn build<'k>(keys: impl Iterator<Item = (&'k str, u32)>) -> Self {
        let mut index = EditIndex::default();
        for (key, slot) in keys {
            if key.len() + 1 < EDIT_MIN_LEN || !key.is_ascii() {
                continue;
            }
            let at = index.keys.len() as u32;
            index.keys.push((key.into(), slot));
            let mut add = |n: &str| {
                let ids = index.neighbours.entry(n.into()).or_default();
                if !ids.contains(&at) {
                    ids.push(at);
                }
            };
            add(key);
            for d in deletions(key) {
                add(&d);
            }
        }
        index
    }

    /// The slots of the indexed keys one edit from `key` (not `key` itself).
    pub(super) fn lookup(&self, key: &str, mut f: impl FnMut(u32)) {
        if self.keys.is_empty() || !key.is_ascii() {
            return;
        }
        let mut seen: Vec<u32> = Vec::new();
        let mut probe = |n: &str| {
            for &i in self.neighbours.get(n).map_or(&[][..], Vec::as_slice) {
                let (k, slot) = &self.keys[i as usize];
                if !seen.contains(&i) && **k != *key && within_one_edit(k, key) {
                    seen.push(i);
                    f(*slot);
                }
            }
        };
        probe(key);
        for d in deletions(key) {
            probe(&d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_skeleton() {
        for (a, b) in [
            ("tchoungoua", "choungoua"),
            ("wouri", "ouri"),
            ("diamondji", "dyamondji"),
            ("kossougou", "kosougou"),
            ("shawagui", "chawagui"),
            ("khalil", "halil"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} {b}");
        }
        // An inserted h is an edit, not a transliteration.
        assert_ne!(skeleton("dinaoro"), skeleton("dinahoro"));
        assert_eq!(skeleton("boulkessi"), skeleton("boulkesi"));
        assert_eq!(skeleton("djibo"), "jibo");
        // A final e or a only goes on a long enough skeleton.
        assert_eq!(skeleton("bore"), "bore");
        assert_eq!(skeleton("dampela"), "dampel");
    }

    #[test]
    fn keys_one_edit_apart_are_found() {
        for (a, b) in [
            ("toukoroba", "toukoroboa"),
            ("bandiagara", "badiagara"),
            ("ogossagou", "ogassagou"),
            ("boulkessi", "boulkesis"),
            ("tombouctou", "tombuoctou"),
        ] {
            assert!(within_one_edit(a, b), "{a} {b}");
            let index = EditIndex::build([(a, 7u32)].into_iter());
            let mut found = Vec::new();
            index.lookup(b, |slot| found.push(slot));
            assert_eq!(found, vec![7], "{a} {b}");
        }
        for (a, b) in [
            ("bandiagara", "bondiagaro"),
            ("abc", "abc"),
            ("boni", "bonikado"),
        ] {
            assert!(!within_one_edit(a, b) || a == b, "{a} {b}");
        }
        let index = EditIndex::build([("bandiagara", 1u32)].into_iter());
        let mut found = Vec::new();
        index.lookup("bondiagaro", |slot| found.push(slot));
        index.lookup("bandiagara", |slot| found.push(slot));
        assert!(found.is_empty());
    }
}
