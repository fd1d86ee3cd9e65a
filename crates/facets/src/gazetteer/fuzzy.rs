//! Looking up a name the gazetteer does not hold as written: a transliteration variant
//! (`Tchoungoua` / `Choungoua`, `Wouri` / `Ouri`, `Diamondji` / `Dyamondji`, `Kossougou` /
//! `Kosougou`) or a misspelling of one letter (`Toukoroboa` / `Toukoroba`).
//!
//! Two tiers, both on matching keys ([`super::name_key`]):
//! - the *skeleton* of a key: the spellings French, English and local transliterations of the same
//!   sounds take, merged (`ou`/`w`/`u`, `dj`/`j`, `ch`/`sh`/`tch`, `kh`/`h`, `gh`/`g`, `y`/`i`),
//!   doubled letters single, a final `e` or `a` dropped; every key of five letters or more is
//!   indexed by its skeleton when the gazetteer is built;
//! - one edit (a letter deleted, inserted, replaced, or two swapped) away from a key, for names of
//!   [`EDIT_MIN_LEN`] letters or more: the variants are generated at lookup time.
//!
//! The caller decides when to look up (only capitalised words after a place cue that match no
//! name) and what to accept (a single region).

use std::collections::HashMap;

/// Keys shorter than this are not indexed by skeleton (too many accidental meetings).
pub(super) const SKELETON_MIN_LEN: usize = 5;

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
    slots: HashMap<Box<str>, Vec<u32>>,
}

impl SkeletonIndex {
    pub(super) fn build<'k>(keys: impl Iterator<Item = (&'k str, u32)>) -> Self {
        let mut slots: HashMap<Box<str>, Vec<u32>> = HashMap::new();
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

/// Every string one edit away from an ASCII key (lowercase letters and digits), calling `f` on
/// each (duplicates possible).
pub(super) fn for_each_edit(key: &str, mut f: impl FnMut(&str)) {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    let b = key.as_bytes();
    let mut buf: Vec<u8> = Vec::with_capacity(b.len() + 1);
    let mut emit = |buf: &Vec<u8>| {
        if let Ok(s) = std::str::from_utf8(buf) {
            f(s);
        }
    };
    for i in 0..b.len() {
        // Deletion.
        buf.clear();
        buf.extend_from_slice(&b[..i]);
        buf.extend_from_slice(&b[i + 1..]);
        emit(&buf);
        // Transposition.
        if i + 1 < b.len() && b[i] != b[i + 1] {
            buf.clear();
            buf.extend_from_slice(b);
            buf.swap(i, i + 1);
            emit(&buf);
        }
        // Substitution.
        for &c in LETTERS {
            if c != b[i] {
                buf.clear();
                buf.extend_from_slice(b);
                buf[i] = c;
                emit(&buf);
            }
        }
    }
    // Insertion.
    for i in 0..=b.len() {
        for &c in LETTERS {
            buf.clear();
            buf.extend_from_slice(&b[..i]);
            buf.push(c);
            buf.extend_from_slice(&b[i..]);
            emit(&buf);
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
    fn edits_are_one_letter_away() {
        let mut seen = Vec::new();
        for_each_edit("abc", |s| seen.push(s.to_string()));
        for want in ["ab", "bc", "bac", "abd", "zabc", "abcz", "axbc"] {
            assert!(seen.iter().any(|s| s == want), "{want}");
        }
        assert!(!seen.iter().any(|s| s == "abc"));
        assert!(!seen.iter().any(|s| s == "cba"));
    }
}
