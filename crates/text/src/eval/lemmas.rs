//! Lemma conflation of the French analyzer on the UD French treebanks (gold lemmas).
//!
//! Entries are the distinct (form, lemma) pairs of the NOUN, ADJ and VERB words of every
//! `*.conllu` file, form and lemma lowercased (so `Attaque`/`attaque` is one form, not a pair).
//! Each form is analysed alone with the French analyzer; its *terms* are all the tokens it gives
//! (the primary stem, the folded-stem alternative, compound parts and joined form), and two forms
//! *end as the same index term* when their term sets intersect: that is when a query for one finds
//! the other. Forms that give no term (stop words) are left out and counted.
//!
//! - **Same-lemma pairs**: every unordered pair of entries with the same lemma and different forms.
//! - **Different-lemma pairs**: every unordered pair of entries with different lemmas and different
//!   forms. All of them are counted (no sampling): collisions are found through an inverted index
//!   from term to entries, the total is computed combinatorially.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use crate::{analyze, french_analyzer, Error, ProtectedWords, Result};

/// Outcome of [`lemma_conflation`].
#[derive(Debug, Clone, Default)]
pub struct LemmaReport {
    /// `.conllu` files read.
    pub files: usize,
    /// Distinct (form, lemma) entries with at least one term.
    pub entries: usize,
    /// Distinct lemmas among them.
    pub lemmas: usize,
    /// Entries left out because the analyzer gives no term (stop words).
    pub without_terms: usize,
    /// Pairs of different forms with the same lemma.
    pub same_lemma_pairs: u64,
    /// … of which share an index term.
    pub same_lemma_conflated: u64,
    /// Pairs of different forms with different lemmas.
    pub different_lemma_pairs: u64,
    /// … of which share an index term.
    pub different_lemma_colliding: u64,
    /// A few same-lemma pairs that stay apart (form, form, lemma), for inspection.
    pub missed_examples: Vec<(String, String, String)>,
    /// A few colliding different-lemma pairs (form, lemma, form, lemma).
    pub collision_examples: Vec<(String, String, String, String)>,
}

impl LemmaReport {
    /// Share of same-lemma pairs that end as the same index term, in percent.
    pub fn conflation_percent(&self) -> f64 {
        percent(self.same_lemma_conflated, self.same_lemma_pairs)
    }

    /// Share of different-lemma pairs that collide, in percent.
    pub fn collision_percent(&self) -> f64 {
        percent(self.different_lemma_colliding, self.different_lemma_pairs)
    }
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Distinct lowercased (form, lemma) pairs of NOUN/ADJ/VERB words in one CoNLL-U text.
fn read_entries(conllu: &str, entries: &mut HashSet<(String, String)>) {
    for line in conllu.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut columns = line.split('\t');
        let (Some(id), Some(form), Some(lemma), Some(upos)) = (
            columns.next(),
            columns.next(),
            columns.next(),
            columns.next(),
        ) else {
            continue;
        };
        // Multiword-token ranges (`3-4 du`) and empty nodes (`5.1`) are not words.
        if id.contains(['-', '.']) || !matches!(upos, "NOUN" | "ADJ" | "VERB") || lemma == "_" {
            continue;
        }
        entries.insert((form.to_lowercase(), lemma.to_lowercase()));
    }
}

/// Computes the lemma-conflation figures on every `*.conllu` file of `dir`.
pub fn lemma_conflation(dir: &Path, protected: Arc<ProtectedWords>) -> Result<LemmaReport> {
    let mut report = LemmaReport::default();
    let mut raw = HashSet::new();
    let listing = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut paths: Vec<_> = listing
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
        .collect();
    paths.sort();
    for path in &paths {
        read_entries(&super::read_to_string(path)?, &mut raw);
        report.files += 1;
    }
    if report.files == 0 {
        return Err(Error::Data {
            path: dir.to_owned(),
            message: "no .conllu file".to_owned(),
        });
    }
    let mut raw: Vec<(String, String)> = raw.into_iter().collect();
    raw.sort();

    let mut analyzer = french_analyzer(protected);
    let mut forms = Vec::new();
    let mut lemma_ids: HashMap<String, usize> = HashMap::new();
    let mut entry_lemma = Vec::new();
    let mut entry_terms: Vec<Vec<String>> = Vec::new();
    for (form, lemma) in raw {
        let mut terms: Vec<String> = analyze(&mut analyzer, &form)
            .into_iter()
            .map(|t| t.text)
            .collect();
        terms.sort();
        terms.dedup();
        if terms.is_empty() {
            report.without_terms += 1;
            continue;
        }
        let next_id = lemma_ids.len();
        entry_lemma.push(*lemma_ids.entry(lemma).or_insert(next_id));
        forms.push(form);
        entry_terms.push(terms);
    }
    let n = forms.len();
    report.entries = n;
    report.lemmas = lemma_ids.len();
    let lemma_names: BTreeMap<usize, &str> = lemma_ids
        .iter()
        .map(|(name, &id)| (id, name.as_str()))
        .collect();

    // Same-lemma pairs: all pairs within each lemma group (forms are distinct within a lemma).
    let mut by_lemma: HashMap<usize, Vec<usize>> = HashMap::new();
    for (entry, &lemma) in entry_lemma.iter().enumerate() {
        by_lemma.entry(lemma).or_default().push(entry);
    }
    let shares_term =
        |a: usize, b: usize| entry_terms[a].iter().any(|t| entry_terms[b].contains(t));
    let mut lemma_groups: Vec<_> = by_lemma.values().collect();
    lemma_groups.sort();
    for group in lemma_groups {
        for (i, &a) in group.iter().enumerate() {
            for &b in &group[i + 1..] {
                report.same_lemma_pairs += 1;
                if shares_term(a, b) {
                    report.same_lemma_conflated += 1;
                } else if report.missed_examples.len() < 20 {
                    report.missed_examples.push((
                        forms[a].clone(),
                        forms[b].clone(),
                        lemma_names[&entry_lemma[a]].to_owned(),
                    ));
                }
            }
        }
    }

    // Pairs with the same form and different lemmas (homographs) are not pairs of different forms.
    let mut by_form: HashMap<&str, u64> = HashMap::new();
    for form in &forms {
        *by_form.entry(form.as_str()).or_default() += 1;
    }
    let same_form_pairs: u64 = by_form.values().map(|&k| k * (k - 1) / 2).sum();
    let all_pairs = (n as u64) * (n as u64).saturating_sub(1) / 2;
    report.different_lemma_pairs = all_pairs - report.same_lemma_pairs - same_form_pairs;

    let mut by_term: HashMap<&str, Vec<usize>> = HashMap::new();
    for (entry, terms) in entry_terms.iter().enumerate() {
        for term in terms {
            by_term.entry(term.as_str()).or_default().push(entry);
        }
    }
    let mut partners = HashSet::new();
    for a in 0..n {
        partners.clear();
        for term in &entry_terms[a] {
            partners.extend(by_term[term.as_str()].iter().copied().filter(|&b| b > a));
        }
        for &b in &partners {
            if entry_lemma[a] != entry_lemma[b] && forms[a] != forms[b] {
                report.different_lemma_colliding += 1;
                if report.collision_examples.len() < 20 {
                    report.collision_examples.push((
                        forms[a].clone(),
                        lemma_names[&entry_lemma[a]].to_owned(),
                        forms[b].clone(),
                        lemma_names[&entry_lemma[b]].to_owned(),
                    ));
                }
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_content_words_and_skips_ranges() {
        let conllu = "# text = Du pain.\n1-2\tDu\t_\t_\n1\tDe\tde\tADP\n2\tle\tle\tDET\n3\tpains\tpain\tNOUN\n4\tMange\tmanger\tVERB\n";
        let mut entries = HashSet::new();
        read_entries(conllu, &mut entries);
        let mut entries: Vec<_> = entries.into_iter().collect();
        entries.sort();
        assert_eq!(
            entries,
            [
                ("mange".to_owned(), "manger".to_owned()),
                ("pains".to_owned(), "pain".to_owned())
            ]
        );
    }
}
