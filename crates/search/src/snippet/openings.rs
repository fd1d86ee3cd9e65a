//! The first test a word meets in the [`Highlighter`](super::Highlighter)'s pass: whether its
//! first two folded bytes could begin anything the search looks for. Most words of a document
//! fail it and are passed over without being folded or analysed.

/// The openings of what a search looks for, to pass over most words on their first two
/// (folded) bytes: a word equal to a term starts with the term's first two bytes (or is the
/// term, when it has one byte); a word starting with a prefix or stem prefix starts with its
/// first two bytes (any word starting with its byte, when it has one); a word starting a
/// multiword name starts with the name's first two bytes (or is its first byte).
pub(super) struct Openings {
    /// Bit `a * 256 + b`: words starting with bytes `a b` may match.
    pairs: Vec<u64>,
    /// One-byte words that may match.
    single: [bool; 256],
    /// Words starting with this byte may match, whatever follows (one-byte prefixes).
    lead: [bool; 256],
}

impl Openings {
    pub(super) fn new() -> Self {
        Openings {
            pairs: vec![0; 65_536 / 64],
            single: [false; 256],
            lead: [false; 256],
        }
    }

    fn set_pair(&mut self, a: u8, b: u8) {
        let bit = usize::from(a) * 256 + usize::from(b);
        if let Some(word) = self.pairs.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
    }

    /// A word equal to `term` may match.
    pub(super) fn add_term(&mut self, term: &[u8]) {
        match term {
            [] => {}
            [b] => self.single[usize::from(*b)] = true,
            [a, b, ..] => self.set_pair(*a, *b),
        }
    }

    /// A word starting with `prefix` may match.
    pub(super) fn add_prefix(&mut self, prefix: &[u8]) {
        match prefix {
            [] => {
                self.lead = [true; 256];
                self.single = [true; 256];
            }
            [b] => {
                self.lead[usize::from(*b)] = true;
                self.single[usize::from(*b)] = true;
            }
            [a, b, ..] => self.set_pair(*a, *b),
        }
    }

    /// A word that is a strict prefix of `name` may match.
    pub(super) fn add_name(&mut self, name: &[u8]) {
        if let Some(&b) = name.first() {
            self.single[usize::from(b)] = true;
        }
        if let [a, b, ..] = name {
            self.set_pair(*a, *b);
        }
    }

    /// Whether a word whose folded form starts with `start` (its first two bytes, or all of it
    /// when shorter) may match.
    #[inline]
    pub(super) fn admits(&self, start: &[u8]) -> bool {
        match start {
            [] => false,
            [b] => self.single[usize::from(*b)],
            [a, b, ..] => {
                let bit = usize::from(*a) * 256 + usize::from(*b);
                self.lead[usize::from(*a)]
                    || self
                        .pairs
                        .get(bit / 64)
                        .is_some_and(|word| word & (1 << (bit % 64)) != 0)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_admit_what_could_match_and_little_else() {
        let mut openings = Openings::new();
        openings.add_term(b"attaque");
        openings.add_term(b"y");
        openings.add_prefix(b"enl");
        openings.add_prefix(b"q");
        openings.add_name(b"tinzaouatene");
        // Terms: a word equal to one; one-byte terms only as one-byte words.
        assert!(openings.admits(b"at"));
        assert!(openings.admits(b"y"));
        assert!(!openings.admits(b"ya"));
        assert!(!openings.admits(b"a"));
        // Prefixes: any word starting with them, one-byte prefixes whatever follows.
        assert!(openings.admits(b"en"));
        assert!(openings.admits(b"q"));
        assert!(openings.admits(b"qx"));
        assert!(!openings.admits(b"ex"));
        // Names: their first word may be one byte or more.
        assert!(openings.admits(b"t"));
        assert!(openings.admits(b"ti"));
        assert!(!openings.admits(b"to"));
        assert!(!openings.admits(b""));
        // An empty prefix admits everything.
        openings.add_prefix(b"");
        assert!(openings.admits(b"zz") && openings.admits(b"z"));
    }
}
