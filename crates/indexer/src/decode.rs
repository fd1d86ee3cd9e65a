//! Bytes to text: byte-order marks, UTF-8, UTF-16, legacy 8-bit encodings, and binary detection.
//!
//! Decision for invalid UTF-8: a file that is not valid UTF-8 and has no BOM is decoded with the
//! encoding `chardetng` guesses (for French reports that is Windows-1252, a superset of Latin-1),
//! so a cp1252 report is searchable with its accents. A file whose bytes look binary (NUL bytes
//! without a UTF-16 BOM, or many control characters) is skipped instead.

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
}

/// Decodes a file's bytes: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then the guessed
/// legacy encoding. Binary content is refused.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, _had_errors) = encoding.decode_without_bom_handling(body);
        let text = text.into_owned();
        if looks_binary_text(&text) {
            return Err(DecodeError::Binary);
        }
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
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
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let mut encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    if encoding == UTF_8 {
        // Invalid UTF-8 guessed as UTF-8 (a few broken bytes): Windows-1252 maps every byte.
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
    })
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
}
