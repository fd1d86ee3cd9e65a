//! Reading a JSON or JSON-lines file of any size as a stream: its hash and encoding first (one
//! pass, in bounded memory), then its records in order, from the start or from where an earlier,
//! interrupted run stopped.

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::decode::{decode_bytes, DecodeError};
use crate::document::short_hash;
use crate::problem::SkipReason;
use crate::readers::json::{Layout, ResumePoint, Splitter};

/// Files up to this size are read once into memory (hashed and split from there); larger ones are
/// read twice, in pieces: once to hash them, once to split them.
pub const IN_MEMORY_BYTES: u64 = 4 * 1024 * 1024;
/// Bytes looked at to tell the encoding (and binary files).
const HEAD_BYTES: usize = 8192;
/// Read buffer of the streaming passes.
const READ_BUFFER: usize = 256 * 1024;

/// How the records' bytes are turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 (a record that is not valid UTF-8 is decoded as `decode_bytes` decodes a file).
    Utf8,
    /// A legacy single-byte encoding guessed from the start of the file (Windows-1252, …).
    Legacy(&'static Encoding),
    /// UTF-16: the stream is transcoded to UTF-8 before it is split (offsets are then those of the
    /// transcoded text: such a file is never resumed, always read again whole).
    Utf16(&'static Encoding),
}

/// What the first pass over a file learned.
pub struct Opened {
    /// blake3 of the whole file, as stored in `source_hash`.
    pub hash: String,
    pub encoding: TextEncoding,
    /// The whole file, when it is small.
    pub bytes: Option<Vec<u8>>,
    pub size: u64,
}

/// Hashes the file and tells its encoding. `Err` skips the whole file.
pub fn open(path: &Path) -> Result<Opened, SkipReason> {
    let unreadable = |e: std::io::Error| SkipReason::Unreadable(e.to_string());
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let mut hasher = blake3::Hasher::new();
    let mut head: Vec<u8> = Vec::with_capacity(HEAD_BYTES);
    let size_hint = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut whole = (size_hint <= IN_MEMORY_BYTES).then(Vec::new);
    let mut size = 0u64;
    let mut buf = vec![0u8; READ_BUFFER];
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(unreadable(e)),
        };
        let chunk = &buf[..n];
        hasher.update(chunk);
        if head.len() < HEAD_BYTES {
            let take = (HEAD_BYTES - head.len()).min(n);
            head.extend_from_slice(&chunk[..take]);
        }
        if let Some(bytes) = whole.as_mut() {
            bytes.extend_from_slice(chunk);
            if bytes.len() as u64 > IN_MEMORY_BYTES {
                // The file grew since it was listed: read it in pieces like a large one.
                whole = None;
            }
        }
        size += n as u64;
    }
    if size == 0 || head.iter().all(u8::is_ascii_whitespace) && size <= HEAD_BYTES as u64 {
        return Err(SkipReason::Empty);
    }
    let encoding = head_encoding(&head, size as usize == head.len())?;
    Ok(Opened {
        hash: short_hash(hasher.finalize()),
        encoding,
        bytes: whole,
        size,
    })
}

/// The encoding of a file judged on its first bytes, as `decode_bytes` judges a whole file.
fn head_encoding(head: &[u8], whole_file: bool) -> Result<TextEncoding, SkipReason> {
    // Cut before a character the head may have split (after the last ASCII byte).
    let cut = if whole_file {
        head.len()
    } else {
        head.iter()
            .rposition(|b| b.is_ascii())
            .map_or(head.len(), |i| i + 1)
    };
    let decoded = match decode_bytes(&head[..cut]) {
        Ok(decoded) => decoded,
        Err(DecodeError::Binary) => return Err(SkipReason::Binary),
    };
    let encoding = Encoding::for_label(decoded.encoding.as_bytes()).unwrap_or(UTF_8);
    Ok(if encoding == UTF_16LE || encoding == UTF_16BE {
        TextEncoding::Utf16(encoding)
    } else if encoding == UTF_8 || !encoding.is_single_byte() {
        TextEncoding::Utf8
    } else {
        TextEncoding::Legacy(encoding)
    })
}

/// The records of an opened file, from `resume` on (the start of the file when it is
/// [`ResumePoint::start`]; a UTF-16 file is always read from its start).
pub fn splitter(
    path: &Path,
    opened: &mut Opened,
    layout: Layout,
    record_limit: u64,
    resume: ResumePoint,
) -> std::io::Result<Splitter<Box<dyn BufRead + Send>>> {
    if let TextEncoding::Utf16(encoding) = opened.encoding {
        let source: Box<dyn Read + Send> = match opened.bytes.take() {
            Some(bytes) => Box::new(std::io::Cursor::new(bytes)),
            None => Box::new(std::fs::File::open(path)?),
        };
        let reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(
            READ_BUFFER,
            Transcoder::new(source, encoding),
        ));
        return Ok(Splitter::new(
            reader,
            layout,
            record_limit,
            ResumePoint::start(),
        ));
    }
    let reader: Box<dyn BufRead + Send> = match opened.bytes.take() {
        Some(bytes) => {
            let mut cursor = std::io::Cursor::new(bytes);
            cursor.set_position(resume.offset);
            Box::new(cursor)
        }
        None => {
            let mut file = std::fs::File::open(path)?;
            file.seek(SeekFrom::Start(resume.offset))?;
            Box::new(BufReader::with_capacity(READ_BUFFER, file))
        }
    };
    Ok(Splitter::new(reader, layout, record_limit, resume))
}

/// A reader of UTF-8 over a reader of another encoding (UTF-16), BOM removed.
struct Transcoder<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
}

impl<R: Read> Transcoder<R> {
    fn new(inner: R, encoding: &'static Encoding) -> Transcoder<R> {
        Transcoder {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            input: vec![0; READ_BUFFER],
            start: 0,
            end: 0,
            eof: false,
        }
    }
}

impl<R: Read> Read for Transcoder<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if out.len() < 4 {
            // The decoder needs room for one whole character.
            let mut small = [0u8; 4];
            let n = self.read(&mut small)?;
            let n = n.min(out.len());
            out[..n].copy_from_slice(&small[..n]);
            return Ok(n);
        }
        loop {
            if self.start == self.end && !self.eof {
                self.start = 0;
                self.end = self.inner.read(&mut self.input)?;
                self.eof = self.end == 0;
            }
            let (_, read, written, _) =
                self.decoder
                    .decode_to_utf8(&self.input[self.start..self.end], out, self.eof);
            self.start += read;
            if written > 0 || self.eof {
                return Ok(written);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::json::Event;

    fn records(path: &Path, layout: Layout) -> Vec<String> {
        let mut opened = open(path).unwrap();
        let mut splitter =
            splitter(path, &mut opened, layout, u64::MAX, ResumePoint::start()).unwrap();
        let mut out = Vec::new();
        while let Some(Event::Record(r)) = splitter.next_event().unwrap() {
            out.push(String::from_utf8(r.bytes.unwrap()).unwrap());
        }
        out
    }

    #[test]
    fn utf16_files_are_transcoded_and_small_and_large_files_read_alike() {
        let dir = tempfile::tempdir().unwrap();
        let text = "{\"body\": \"Sécurité à Ménaka\"}\n{\"body\": \"Léré\"}\n";
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let path = dir.path().join("a.jsonl");
        std::fs::write(&path, &utf16).unwrap();
        assert!(matches!(
            open(&path).unwrap().encoding,
            TextEncoding::Utf16(_)
        ));
        assert_eq!(
            records(&path, Layout::Lines),
            [
                "{\"body\": \"Sécurité à Ménaka\"}\n",
                "{\"body\": \"Léré\"}\n"
            ]
        );
        // Larger than the in-memory size: the same records, read in pieces.
        let line = "{\"body\": \"Attaque à Léré\"}\n";
        let big = line.repeat(IN_MEMORY_BYTES as usize / line.len() + 10);
        std::fs::write(&path, &big).unwrap();
        let opened = open(&path).unwrap();
        assert!(opened.bytes.is_none());
        assert_eq!(opened.encoding, TextEncoding::Utf8);
        assert_eq!(opened.hash, short_hash(blake3::hash(big.as_bytes())));
        assert_eq!(records(&path, Layout::Lines).len(), big.len() / line.len());
    }

    #[test]
    fn legacy_and_binary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let (cp1252, _, _) =
            encoding_rs::WINDOWS_1252.encode("[{\"body\": \"L’armée a sécurisé Ansongo.\"}]");
        std::fs::write(&path, &cp1252).unwrap();
        assert_eq!(
            open(&path).unwrap().encoding,
            TextEncoding::Legacy(encoding_rs::WINDOWS_1252)
        );
        std::fs::write(&path, [0u8, 1, 2, 3, 0, 0, 7, 8].repeat(100)).unwrap();
        assert!(matches!(open(&path), Err(SkipReason::Binary)));
        std::fs::write(&path, "  \n ").unwrap();
        assert!(matches!(open(&path), Err(SkipReason::Empty)));
    }
}
