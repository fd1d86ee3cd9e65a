//! Bytes to text: byte-order marks, UTF-8, UTF-16, legacy 8-bit encodings, and binary detection.
//!
//! Decision for invalid UTF-8: a file that is UTF-8 but for a few bad bytes (more well-formed
//! multi-byte characters than invalid sequences) stays UTF-8, its bad bytes replaced with U+FFFD
//! and counted for a warning, so `Léré` in it is still found. Any other file that is not valid
//! UTF-8 and has no BOM is decoded with the encoding `chardetng` guesses (for French reports that
//! is Windows-1252, a superset of Latin-1), so a cp1252 report is searchable with its accents. In
//! cp1252 French every accented letter is one byte that is invalid UTF-8 where it stands, and a
//! well-formed multi-byte sequence almost never occurs (it takes a capital accented letter followed
//! by a symbol such as `©`), which is what tells the two apart. A file whose bytes look binary
//! (NUL bytes without a UTF-16 BOM, or many control characters) is skipped instead.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How many leading bytes are inspected to tell text from binary.
const SNIFF_LEN: usize = 8192;

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or too many control characters: not a text file.
    Binary,
}

/// Decoded text and the name of the encoding it was read with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Bytes of a UTF-8 file that were not UTF-8, replaced with U+FFFD (one per bad sequence).
    pub replaced_bytes: usize,
}

/// Decodes a file's bytes: BOM first (UTF-8, UTF-16 LE/BE), then UTF-8 (strict, or with a few bad
/// bytes replaced), then the guessed legacy encoding. Binary content is refused.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        let text = text.into_owned();
        if looks_binary_text(&text) {
            return Err(DecodeError::Binary);
        }
        let replaced_bytes = if had_errors && encoding == UTF_8 {
            Utf8Census::of(body).invalid_bytes
        } else {
            0
        };
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
            replaced_bytes,
        });
    }
    if let Some(encoding) = sniff_utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        let text = text.into_owned();
        if looks_binary_text(&text) {
            return Err(DecodeError::Binary);
        }
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
            replaced_bytes: 0,
        });
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if looks_binary_text(text) {
            return Err(DecodeError::Binary);
        }
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            replaced_bytes: 0,
        });
    }
    let census = Utf8Census::of(bytes);
    if census.is_utf8_with_a_few_bad_bytes() {
        let text = String::from_utf8_lossy(bytes).into_owned();
        if looks_binary_text(&text) {
            return Err(DecodeError::Binary);
        }
        return Ok(Decoded {
            text,
            encoding: UTF_8.name(),
            replaced_bytes: census.invalid_bytes,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let mut encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    if encoding == UTF_8 {
        // Invalid UTF-8 that did not pass as damaged UTF-8 above: Windows-1252 maps every byte.
        encoding = encoding_rs::WINDOWS_1252;
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    if looks_binary_text(&text) {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        replaced_bytes: 0,
    })
}

/// What bytes that are not valid UTF-8 hold: well-formed multi-byte characters and bad bytes.
struct Utf8Census {
    /// Well-formed characters of two to four bytes (accented letters, typographic quotes).
    multibyte_chars: usize,
    /// Maximal invalid sequences (each becomes one U+FFFD).
    invalid_sequences: usize,
    invalid_bytes: usize,
}

impl Utf8Census {
    fn of(bytes: &[u8]) -> Utf8Census {
        let mut census = Utf8Census {
            multibyte_chars: 0,
            invalid_sequences: 0,
            invalid_bytes: 0,
        };
        for chunk in bytes.utf8_chunks() {
            census.multibyte_chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
            if !chunk.invalid().is_empty() {
                census.invalid_sequences += 1;
                census.invalid_bytes += chunk.invalid().len();
            }
        }
        census
    }

    /// UTF-8 damaged in a few places rather than another encoding: the well-formed multi-byte
    /// characters outnumber the bad sequences.
    fn is_utf8_with_a_few_bad_bytes(&self) -> bool {
        self.invalid_sequences > 0 && self.multibyte_chars > self.invalid_sequences
    }
}

/// UTF-16 without BOM: in text made of Latin letters every other byte is NUL.
fn sniff_utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    if head.len() < 16 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decoded text that is mostly control characters or replacement characters is not a report.
fn looks_binary_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(SNIFF_LEN) {
        total += 1;
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
        if control || c == '\u{fffd}' || c == '\0' {
            bad += 1;
        }
    }
    total > 0 && bad * 20 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode_bytes("Léré, armée".as_bytes()).unwrap();
        assert_eq!(plain.text, "Léré, armée");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("Léré".as_bytes());
        assert_eq!(decode_bytes(&with_bom).unwrap().text, "Léré");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let text = "Attaque à Léré, région de Tombouctou";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode_bytes(&le).unwrap().text, text);
        assert_eq!(decode_bytes(&be).unwrap().text, text);
    }

    #[test]
    fn windows_1252_report_keeps_its_accents() {
        let text = "L’armée malienne a riposté à l’attaque de Léré, région de Tombouctou. « Sécurité » œuvre.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(std::str::from_utf8(&bytes).is_err());
        let decoded = decode_bytes(&bytes).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, "windows-1252");
    }

    #[test]
    fn utf8_file_with_four_stray_bytes_is_not_read_as_windows_1252() {
        let mut bytes = Vec::new();
        bytes.extend_from_slice("Attaque à Léré\n\nLes FAMa ont riposté à Léré,".as_bytes());
        bytes.extend_from_slice(&[0x93, 0xFF]);
        bytes.extend_from_slice(" région de Tombouctou ".as_bytes());
        bytes.extend_from_slice(&[0xE9, 0x80]);
        bytes.extend_from_slice(" après l’attaque.\n".as_bytes());
        let decoded = decode_bytes(&bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.replaced_bytes, 4);
        assert!(decoded.text.contains("Les FAMa ont riposté à Léré"));
        assert!(!decoded.text.contains("Ã©"), "{}", decoded.text);
        assert_eq!(decoded.text.matches('\u{fffd}').count(), 3);
    }

    #[test]
    fn demo_cp1252_report_stays_windows_1252() {
        let bytes = include_bytes!("../../cli/demo/presse/2024-02-14-ansongo-marche-cp1252.txt");
        let decoded = decode_bytes(bytes).unwrap();
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(decoded.replaced_bytes, 0);
        assert!(decoded.text.contains("Ansongo"));
        assert!(!decoded.text.contains('\u{fffd}'));
        assert!(decoded.text.chars().any(|c| "éèàç".contains(c)));
    }

    #[test]
    fn utf8_with_bom_counts_its_bad_bytes() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("Frappe près de Sévaré, région de Mopti".as_bytes());
        bytes.push(0xFF);
        let decoded = decode_bytes(&bytes).unwrap();
        assert_eq!(
            decoded.text,
            "Frappe près de Sévaré, région de Mopti\u{fffd}"
        );
        assert_eq!(decoded.replaced_bytes, 1);
    }

    #[test]
    fn latin1_report_decodes() {
        let text = "Le général a visité la région de Ségou après les attaques près de Niono.";
        let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        assert_eq!(decode_bytes(&bytes).unwrap().text, text);
    }

    #[test]
    fn binary_is_refused() {
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        assert_eq!(decode_bytes(&bytes), Err(DecodeError::Binary));
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
        ];
        assert_eq!(decode_bytes(&png), Err(DecodeError::Binary));
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            if let Ok(decoded) = decode_bytes(&bytes) {
                proptest::prop_assert!(decoded.replaced_bytes <= bytes.len());
            }
        }

        #[test]
        fn valid_utf8_text_is_kept_as_is(text in "[a-zA-Zéèàçôœ’«» ,.\n]{1,300}") {
            let decoded = decode_bytes(text.as_bytes()).unwrap();
            proptest::prop_assert_eq!(decoded.text, text);
            proptest::prop_assert_eq!(decoded.replaced_bytes, 0);
        }
    }
}
