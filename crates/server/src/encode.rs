//! Search answers written on the search thread: JSON into a buffer kept per thread, then
//! compressed with a zstd context kept per thread when the client prefers zstd.
//!
//! The compression layer builds a streaming zstd encoder per response, for input of unknown
//! size: a context with a half-megabyte window whose buffers and tables are allocated, cleared
//! and freed for every answer, more work than compressing a 60 KB search answer itself. A
//! context kept per thread and told the input's size does the same compression (level 1, the
//! layer's level) without that. Clients preferring another encoding (gzip, br) are left to the
//! layer, which passes over responses that carry a `Content-Encoding` already. Answers under
//! [`MIN_COMPRESSED_BYTES`] are sent as they are, by this module and by the layer alike.

use std::cell::RefCell;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, Response};

use crate::error::ApiError;

/// Smaller answers are not compressed: a few hundred bytes cost less to send than to pack.
pub const MIN_COMPRESSED_BYTES: u16 = 1024;
/// zstd level of the answers (what the compression layer's `Fastest` gives zstd).
pub const ZSTD_LEVEL: i32 = 1;
/// A thread keeps its JSON buffer while it stays under this size.
const KEPT_BUFFER_BYTES: usize = 1 << 20;

thread_local! {
    static JSON: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static ZSTD: RefCell<Option<zstd::bulk::Compressor<'static>>> = const { RefCell::new(None) };
}

/// Whether the response should be zstd-compressed here: the client accepts zstd and likes no
/// encoding we (or the compression layer) offer better. Reads `Accept-Encoding` as the layer
/// does: q-values (`zstd;q=0` refuses it), unknown codings ignored, zstd winning ties.
pub fn prefers_zstd(headers: &HeaderMap) -> bool {
    let mut zstd: Option<u16> = None;
    let mut others = 0u16;
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.splitn(2, ';');
            let name = parts.next().unwrap_or_default().trim();
            let q = match parts.next() {
                Some(q) => match parse_q(q.trim()) {
                    Some(q) => q,
                    None => continue,
                },
                None => 1000,
            };
            if name.eq_ignore_ascii_case("zstd") {
                zstd = Some(zstd.map_or(q, |z| z.max(q)));
            } else if ["gzip", "x-gzip", "br", "identity"]
                .iter()
                .any(|known| name.eq_ignore_ascii_case(known))
            {
                others = others.max(q);
            }
        }
    }
    zstd.is_some_and(|z| z > 0 && z >= others)
}

/// A q-value (`q=0.5`) in thousandths, as RFC 9110 writes it (at most three decimals, ≤ 1).
fn parse_q(text: &str) -> Option<u16> {
    let value = text
        .strip_prefix("q=")
        .or_else(|| text.strip_prefix("Q="))?;
    let (whole, fraction) = match value.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (value, ""),
    };
    let whole: u16 = match whole {
        "0" => 0,
        "1" => 1000,
        _ => return None,
    };
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths = 0u16;
    for (i, digit) in fraction.bytes().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    let q = whole + thousandths;
    (q <= 1000).then_some(q)
}

/// A JSON response from what `write` appends to an empty buffer; zstd-compressed when `zstd`
/// and the JSON is large enough.
pub fn json_response<F>(write: F, zstd: bool) -> Result<Response<Body>, ApiError>
where
    F: FnOnce(&mut Vec<u8>) -> Result<(), ApiError>,
{
    JSON.with(|cell| {
        // A buffer still borrowed (never, outside a panic half-way) is replaced by a fresh one.
        let mut fresh = Vec::new();
        let mut kept = cell.try_borrow_mut().ok();
        let buffer = kept.as_deref_mut().unwrap_or(&mut fresh);
        buffer.clear();
        let result = write(buffer).map(|()| {
            let compressed = (zstd && buffer.len() >= usize::from(MIN_COMPRESSED_BYTES))
                .then(|| compress(buffer))
                .flatten();
            match compressed {
                Some(bytes) => respond(Bytes::from(bytes), true),
                None => respond(Bytes::copy_from_slice(buffer), false),
            }
        });
        if buffer.capacity() > KEPT_BUFFER_BYTES {
            *buffer = Vec::new();
        }
        result
    })
}

/// `data` as one zstd frame (its size recorded), or `None` if zstd failed (then sent as is).
fn compress(data: &[u8]) -> Option<Vec<u8>> {
    ZSTD.with(|cell| {
        let mut slot = cell.try_borrow_mut().ok()?;
        if slot.is_none() {
            *slot = zstd::bulk::Compressor::new(ZSTD_LEVEL)
                .map_err(|err| tracing::warn!(%err, "cannot create a zstd context"))
                .ok();
        }
        let compressor = slot.as_mut()?;
        match compressor.compress(data) {
            Ok(bytes) => Some(bytes),
            Err(err) => {
                tracing::warn!(%err, "zstd compression failed; answering uncompressed");
                *slot = None;
                None
            }
        }
    })
}

fn respond(body: Bytes, zstd: bool) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if zstd {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("zstd"));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).expect("header"),
        );
        headers
    }

    #[test]
    fn zstd_is_chosen_as_the_compression_layer_would() {
        for (value, expected) in [
            ("gzip, deflate, br, zstd", true),
            ("zstd", true),
            ("ZSTD;q=0.5", true),
            ("gzip;q=0.9, zstd;q=0.9", true),
            ("gzip, zstd;q=0.8", false),
            ("br;q=1.0, zstd;q=0.999", false),
            ("zstd;q=0", false),
            ("zstd;q=0.000", false),
            ("identity, zstd;q=0.5", false),
            ("gzip, br", false),
            // An invalid q-value: the entry is ignored, as by the layer.
            ("zstd;q=2", false),
            ("*", false),
            ("", false),
        ] {
            assert_eq!(prefers_zstd(&accept(value)), expected, "{value}");
        }
        assert!(!prefers_zstd(&HeaderMap::new()));
        let mut two = HeaderMap::new();
        two.append(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("gzip;q=0.5"),
        );
        two.append(header::ACCEPT_ENCODING, HeaderValue::from_static("zstd"));
        assert!(prefers_zstd(&two));
    }

    #[test]
    fn q_values_parse_like_rfc_9110() {
        assert_eq!(parse_q("q=1"), Some(1000));
        assert_eq!(parse_q("q=0.5"), Some(500));
        assert_eq!(parse_q("Q=0.125"), Some(125));
        assert_eq!(parse_q("q=1.000"), Some(1000));
        assert_eq!(parse_q("q=1.001"), None);
        assert_eq!(parse_q("q=0.1234"), None);
        assert_eq!(parse_q("q=.5"), None);
        assert_eq!(parse_q("q=0.x"), None);
        assert_eq!(parse_q("level=1"), None);
    }

    fn body_of(response: Response<Body>) -> Vec<u8> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        runtime.block_on(async {
            use http_body_util::BodyExt;
            response
                .into_body()
                .collect()
                .await
                .expect("body")
                .to_bytes()
                .to_vec()
        })
    }

    #[test]
    fn large_answers_are_zstd_frames_and_small_ones_plain() {
        let large: Vec<u8> = format!(
            "[{}]",
            (0..400)
                .map(|i| format!("{{\"month\":\"2024-{:02}\",\"count\":{i}}}", i % 12 + 1))
                .collect::<Vec<_>>()
                .join(",")
        )
        .into_bytes();
        for round in 0..3 {
            // The buffer and the context are reused: the same answer each time.
            let response = json_response(
                |out| {
                    out.extend_from_slice(&large);
                    Ok(())
                },
                true,
            )
            .expect("response");
            assert_eq!(response.headers()[header::CONTENT_ENCODING], "zstd");
            assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
            let body = body_of(response);
            assert!(
                body.len() < large.len() / 4,
                "round {round}: {}",
                body.len()
            );
            let decoded = zstd::bulk::decompress(&body, large.len()).expect("a zstd frame");
            assert_eq!(decoded, large);
        }
        // Not asked for zstd, or too small: as is.
        for (data, zstd) in [(&large[..], false), (&b"{\"total\":0}"[..], true)] {
            let response = json_response(
                |out| {
                    out.extend_from_slice(data);
                    Ok(())
                },
                zstd,
            )
            .expect("response");
            assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
            assert_eq!(body_of(response), data);
        }
        // A failing writer is its error, and the next answer starts from an empty buffer.
        let failed = json_response(
            |out| {
                out.extend_from_slice(b"half");
                Err(ApiError::Internal("boom".into()))
            },
            true,
        );
        assert!(failed.is_err());
        let response = json_response(
            |out| {
                out.extend_from_slice(b"{}");
                Ok(())
            },
            false,
        )
        .expect("response");
        assert_eq!(body_of(response), b"{}");
    }
}
