//! Language detection with lingua (French, English, Arabic only), on a bounded sample.

use std::sync::{Arc, OnceLock};

use lingua::LanguageDetectorBuilder;
use serde::{Deserialize, Serialize};

/// A document's language, as stored in the index (`code()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    French,
    English,
    Arabic,
    /// Too short or unclear: searched with both the French and the English analyzer.
    Undetermined,
}

impl Language {
    /// ISO 639-1 code, or `und`.
    pub fn code(self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::English => "en",
            Language::Arabic => "ar",
            Language::Undetermined => "und",
        }
    }

    /// Parses `fr`/`en`/`ar`/`und` and the usual longer spellings (`fra`, `french`, `fr-FR`, …);
    /// `None` for anything else.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary {
            "fr" | "fra" | "fre" | "french" | "francais" | "français" => Some(Language::French),
            "en" | "eng" | "english" | "anglais" => Some(Language::English),
            "ar" | "ara" | "arabic" | "arabe" => Some(Language::Arabic),
            "und" | "undetermined" => Some(Language::Undetermined),
            _ => None,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Bytes of text looked at: detection cost does not grow with document size.
pub const SAMPLE_BYTES: usize = 2048;
/// Fewer letters than this in the sample → [`Language::Undetermined`].
pub const MIN_LETTERS: usize = 20;
/// Below this confidence of the best language → [`Language::Undetermined`].
pub const MIN_CONFIDENCE: f64 = 0.6;

/// Detects French, English or Arabic. Built once per process (lingua models are heavy); clones
/// share it. High-accuracy mode: lingua's low-accuracy mode (trigrams only) measured 93.3% on the
/// ACLED notes against 99.9% here.
#[derive(Clone)]
pub struct LanguageDetector {
    inner: Arc<lingua::LanguageDetector>,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for LanguageDetector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LanguageDetector(fr, en, ar)")
    }
}

/// The start of `text`, at most [`SAMPLE_BYTES`], cut at a char boundary (and at a space when
/// one is near, so the last word is whole).
pub fn detection_sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    match sample.rfind(char::is_whitespace) {
        Some(space) if space > end / 2 => &sample[..space],
        _ => sample,
    }
}

/// Marker words one language needs before the shortcut decides.
const MIN_MARKERS: usize = 6;
/// Marker words enough when the other language has none (short texts: an event note of two
/// sentences has three or four).
const MIN_UNCONTESTED_MARKERS: usize = 3;
/// How many times more markers the winner needs than the other language.
const MARKER_RATIO: usize = 5;

/// The language `word` (lowercase) is a marker of: words frequent in French prose and absent
/// from English prose, and the reverse (one `match`: the compiler dispatches on length and bytes).
fn marker_language(word: &str) -> Option<Language> {
    match word {
        "le" | "la" | "les" | "des" | "du" | "et" | "est" | "dans" | "une" | "un" | "pour"
        | "que" | "qui" | "sur" | "par" | "au" | "aux" | "ont" | "été" | "il" | "elle" | "ce"
        | "cette" | "ses" | "pas" | "plus" | "avec" | "selon" | "leur" | "sont" | "ne" | "mais"
        | "ou" | "entre" | "après" | "lors" | "être" | "avait" => Some(Language::French),
        "the" | "and" | "of" | "to" | "in" | "was" | "were" | "for" | "with" | "by" | "from"
        | "that" | "this" | "is" | "are" | "have" | "has" | "had" | "at" | "which" | "their"
        | "it" | "an" | "be" | "said" | "after" | "killed" | "near" | "who" | "its" | "they"
        | "been" | "into" | "while" => Some(Language::English),
        _ => None,
    }
}

/// Decides without lingua when the sample leaves no doubt: mostly Arabic script, or many more
/// French than English function words (or the reverse). Detection with lingua's full models costs
/// about 1 ms per KB, which would dominate indexing; unclear samples (mixed, short, other
/// languages) still go to lingua.
fn clear_cut_language(sample: &str) -> Option<Language> {
    let mut counts = ScriptCounts::default();
    let mut lower = String::new();
    let mut word_start = None;
    for (i, c) in sample.char_indices() {
        let letter = if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            c.is_alphabetic()
        };
        if letter {
            if c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) {
                counts.latin += 1;
            } else if ('\u{0600}'..='\u{06FF}').contains(&c)
                || ('\u{0750}'..='\u{077F}').contains(&c)
            {
                counts.arabic += 1;
            }
            word_start.get_or_insert(i);
        } else if let Some(start) = word_start.take() {
            counts.word(&sample[start..i], &mut lower);
        }
    }
    if let Some(start) = word_start {
        counts.word(&sample[start..], &mut lower);
    }
    let ScriptCounts {
        arabic,
        latin,
        french,
        english,
    } = counts;
    if arabic > 0 || latin == 0 {
        return (arabic >= 4 * latin.max(1) && arabic >= MIN_LETTERS).then_some(Language::Arabic);
    }
    let wins = |winner: usize, loser: usize| {
        (winner >= MIN_MARKERS && winner >= MARKER_RATIO * loser.max(1))
            || (winner >= MIN_UNCONTESTED_MARKERS && loser == 0)
    };
    if wins(french, english) {
        Some(Language::French)
    } else if wins(english, french) {
        Some(Language::English)
    } else {
        None
    }
}

/// Letters by script and marker words by language, counted in one pass over a sample.
#[derive(Default)]
struct ScriptCounts {
    arabic: usize,
    latin: usize,
    french: usize,
    english: usize,
}

impl ScriptCounts {
    /// Counts one word (a run of letters) if it is a marker.
    fn word(&mut self, word: &str, lower: &mut String) {
        if word.len() > 6 {
            return;
        }
        let word = if word.bytes().all(|b| b.is_ascii_lowercase()) {
            word
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        };
        match marker_language(word) {
            Some(Language::French) => self.french += 1,
            Some(Language::English) => self.english += 1,
            _ => {}
        }
    }
}

/// The language the shortcut of [`LanguageDetector::detect`] decides for `text` without lingua,
/// if any (exposed for the evaluation, which reports how often it decides and how well).
pub fn clear_cut(text: &str) -> Option<Language> {
    clear_cut_language(detection_sample(text))
}

impl LanguageDetector {
    /// The process-wide detector (built on first use).
    pub fn new() -> Self {
        static DETECTOR: OnceLock<Arc<lingua::LanguageDetector>> = OnceLock::new();
        let inner = DETECTOR
            .get_or_init(|| {
                Arc::new(
                    LanguageDetectorBuilder::from_languages(&[
                        lingua::Language::French,
                        lingua::Language::English,
                        lingua::Language::Arabic,
                    ])
                    .build(),
                )
            })
            .clone();
        Self { inner }
    }

    /// The language of `text`, from its first [`SAMPLE_BYTES`]; `Undetermined` when there are
    /// fewer than [`MIN_LETTERS`] letters or the best language's confidence is below
    /// [`MIN_CONFIDENCE`].
    pub fn detect(&self, text: &str) -> Language {
        let sample = detection_sample(text);
        if sample
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(MIN_LETTERS)
            .count()
            < MIN_LETTERS
        {
            return Language::Undetermined;
        }
        if let Some(language) = clear_cut_language(sample) {
            return language;
        }
        let confidences = self.inner.compute_language_confidence_values(sample);
        match confidences.first() {
            Some(&(language, confidence)) if confidence >= MIN_CONFIDENCE => match language {
                lingua::Language::French => Language::French,
                lingua::Language::English => Language::English,
                lingua::Language::Arabic => Language::Arabic,
            },
            _ => Language::Undetermined,
        }
    }

    /// A language given by the document's metadata wins when it is one we know; otherwise the
    /// text decides.
    pub fn detect_with_hint(&self, text: &str, hint: Option<&str>) -> Language {
        match hint.and_then(Language::from_code) {
            Some(language) if language != Language::Undetermined => language,
            _ => self.detect(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_function_words_of_one_language() {
        for word in ["le", "des", "été", "après", "selon"] {
            assert_eq!(marker_language(word), Some(Language::French), "{word}");
        }
        for word in ["the", "and", "killed", "near", "while"] {
            assert_eq!(marker_language(word), Some(Language::English), "{word}");
        }
        for word in ["", "l", "armee", "mali", "thee", "a", "on"] {
            assert_eq!(marker_language(word), None, "{word}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for language in [
            Language::French,
            Language::English,
            Language::Arabic,
            Language::Undetermined,
        ] {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("fr-FR"), Some(Language::French));
        assert_eq!(Language::from_code("de"), None);
    }

    #[test]
    fn detects_french_english_arabic_and_short_text() {
        let detector = LanguageDetector::new();
        assert_eq!(
            detector.detect(
                "Les forces armées maliennes ont repoussé une attaque terroriste près de Léré."
            ),
            Language::French
        );
        assert_eq!(
            detector.detect(
                "Unidentified gunmen attacked a military post near the town, killing two soldiers."
            ),
            Language::English
        );
        assert_eq!(
            detector.detect("هاجم مسلحون مجهولون موقعا عسكريا قرب المدينة وقتلوا جنديين"),
            Language::Arabic
        );
        assert_eq!(detector.detect("Gao, 12/03"), Language::Undetermined);
        assert_eq!(detector.detect(""), Language::Undetermined);
    }

    #[test]
    fn clear_cut_samples_skip_lingua_and_unclear_ones_do_not() {
        let french = "Les forces armées ont repoussé une attaque dans la nuit, selon le communiqué qui \
                      précise que les assaillants sont arrivés par la route du nord et ont été suivis.";
        assert_eq!(clear_cut_language(french), Some(Language::French));
        let english = "The army said that gunmen attacked the post near the town and were pushed \
                       back after a fight in which two soldiers were killed by the assailants.";
        assert_eq!(clear_cut_language(english), Some(Language::English));
        let mixed = "The army said the attack was repelled. Les forces armées ont repoussé \
                     l'attaque dans la nuit, and the town is calm, selon le communiqué.";
        assert_eq!(clear_cut_language(mixed), None);
        assert_eq!(clear_cut_language("Gao Kidal Ménaka Tombouctou"), None);
        assert_eq!(
            clear_cut_language("هاجم مسلحون مجهولون موقعا عسكريا قرب المدينة وقتلوا جنديين"),
            Some(Language::Arabic)
        );
    }

    #[test]
    fn metadata_language_wins() {
        let detector = LanguageDetector::new();
        let english =
            "Unidentified gunmen attacked a military post near the town, killing two soldiers.";
        assert_eq!(
            detector.detect_with_hint(english, Some("fr")),
            Language::French
        );
        assert_eq!(
            detector.detect_with_hint(english, Some("xx")),
            Language::English
        );
        assert_eq!(detector.detect_with_hint(english, None), Language::English);
    }

    #[test]
    fn sample_is_bounded_and_on_a_char_boundary() {
        let text = "é".repeat(5000);
        let sample = detection_sample(&text);
        assert!(sample.len() <= SAMPLE_BYTES);
        assert!(text.is_char_boundary(sample.len()));
    }
}
