//! The browser UI: the files of the repository's `web/` folder, embedded in the binary at build time,
//! or read from a folder on each request (`sahel serve --web DIR`, to work on the UI without
//! rebuilding).
//!
//! Files are served at root paths: `/` is `index.html`, `/app.js` is `web/app.js`, `/css/x.css` is
//! `web/css/x.css`. Everything under `/api` belongs to the API and never reaches this module.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use include_dir::{include_dir, Dir};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../web");

/// Where the UI files come from.
#[derive(Clone, Debug, Default)]
pub enum WebAssets {
    /// The `web/` folder as it was when the binary was built.
    #[default]
    Embedded,
    /// A folder read on each request.
    Disk(PathBuf),
}

impl WebAssets {
    /// The bytes of the file at `path` (relative, `/`-separated), if there is one.
    pub async fn read(&self, path: &str) -> Option<Cow<'static, [u8]>> {
        let relative = safe_relative_path(path)?;
        match self {
            WebAssets::Embedded => EMBEDDED
                .get_file(&relative)
                .map(|file| Cow::Borrowed(file.contents())),
            WebAssets::Disk(root) => {
                let full = root.join(&relative);
                match tokio::fs::read(&full).await {
                    Ok(bytes) => Some(Cow::Owned(bytes)),
                    Err(err) => {
                        if err.kind() != std::io::ErrorKind::NotFound {
                            tracing::warn!(path = %full.display(), %err, "cannot read UI file");
                        }
                        None
                    }
                }
            }
        }
    }

    /// The answer for a request outside `/api`: the file, or a plain 404.
    pub async fn respond(&self, uri: &Uri) -> Response {
        let mut path = uri.path().trim_start_matches('/').to_string();
        if path.is_empty() || path.ends_with('/') {
            path.push_str("index.html");
        }
        match self.read(&path).await {
            Some(bytes) => {
                let mut response = bytes.into_owned().into_response();
                let headers = response.headers_mut();
                headers.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(content_type(&path)),
                );
                // The UI is small and local: always revalidate, so a rebuilt binary or an edited
                // file under --web shows at once.
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
                headers.insert(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                );
                response
            }
            None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
        }
    }
}

/// `path` as a relative path of plain components, or `None` when it tries to leave the folder
/// (`..`, absolute paths, Windows prefixes, backslashes, NUL).
fn safe_relative_path(path: &str) -> Option<PathBuf> {
    if path.contains('\\') || path.contains('\0') {
        return None;
    }
    let relative = Path::new(path);
    let mut clean = PathBuf::new();
    for component in relative.components() {
        match component {
            Component::Normal(part) => clean.push(part),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!clean.as_os_str().is_empty()).then_some(clean)
}

/// The media type for a file name, by extension.
fn content_type(path: &str) -> &'static str {
    let extension = path
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_leaving_the_folder_are_refused() {
        for path in [
            "../Cargo.toml",
            "a/../../b",
            "/etc/passwd",
            "a\\..\\b",
            "",
            "x\0y",
        ] {
            assert_eq!(safe_relative_path(path), None, "{path:?}");
        }
        assert_eq!(
            safe_relative_path("css/./style.css"),
            Some(PathBuf::from("css/style.css"))
        );
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("app.JS"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("README"), "application/octet-stream");
    }

    #[test]
    fn embedded_ui_has_an_index_page() {
        assert!(EMBEDDED.get_file("index.html").is_some());
    }

    #[tokio::test]
    async fn disk_assets_read_files_and_refuse_escapes() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("app.js"), "let x = 1;").expect("write");
        let assets = WebAssets::Disk(dir.path().to_path_buf());
        assert_eq!(
            assets.read("app.js").await.as_deref(),
            Some(&b"let x = 1;"[..])
        );
        assert!(assets.read("missing.js").await.is_none());
        assert!(assets.read("../app.js").await.is_none());
    }
}
