//! Finding the input files: directories recursively (sorted, so runs are reproducible), symlinks
//! followed with loop detection, hidden files and the index directory itself left out.
//!
//! A document's id is its path relative to the directory given on the command line, with `/`
//! separators (`sahel index reports/` → `2023/lere.txt`); a file given directly is identified by
//! its file name. `source_path` is the absolute path, which `--prune` uses to find what is gone.

use std::path::{Path, PathBuf};

use crate::problem::{Problem, SkipReason};
use crate::readers::Format;
use crate::{Error, Result};

/// One input file found by the walk.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// The path as the user would recognise it (root as given, joined with the relative path).
    pub path: PathBuf,
    /// Absolute path, stored as `source_path`.
    pub source_path: String,
    /// The id used when the record has none.
    pub relative_id: String,
    pub size: u64,
    pub format: Format,
}

/// What the walk found: files to read, problems met, and the roots (absolute) for `--prune`.
#[derive(Debug, Default)]
pub struct WalkResult {
    pub files: Vec<InputFile>,
    pub problems: Vec<Problem>,
    /// Absolute directory roots and absolute single files given on the command line.
    pub root_dirs: Vec<String>,
    pub root_files: Vec<String>,
}

fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| Error::io(path, e))
}

fn path_string(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Walks the given paths. `exclude` (the index directory) is never entered.
pub fn walk_inputs(roots: &[PathBuf], exclude: &Path) -> Result<WalkResult> {
    let exclude = std::fs::canonicalize(exclude).ok();
    let mut result = WalkResult::default();
    for root in roots {
        let meta =
            std::fs::metadata(root).map_err(|_| Error::MissingInput { path: root.clone() })?;
        let abs_root = absolute(root)?;
        if meta.is_file() {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path_string(root));
            result.root_files.push(path_string(&abs_root));
            push_file(
                &mut result,
                root.clone(),
                path_string(&abs_root),
                name,
                meta.len(),
            );
            continue;
        }
        result.root_dirs.push(path_string(&abs_root));
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() > 0 && is_hidden(e.file_name()) {
                    return false;
                }
                match (&exclude, e.file_type().is_dir()) {
                    (Some(ex), true) => std::fs::canonicalize(e.path()).map_or(true, |p| &p != ex),
                    _ => true,
                }
            });
        for entry in walker {
            match entry {
                Ok(entry) => {
                    if !entry.file_type().is_file() {
                        continue;
                    }
                    let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
                    let relative_id = rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    let size = match entry.metadata() {
                        Ok(m) => m.len(),
                        Err(err) => {
                            result.problems.push(Problem {
                                path: entry.path().to_path_buf(),
                                line: None,
                                reason: SkipReason::Unreadable(err.to_string()),
                            });
                            continue;
                        }
                    };
                    let source_path = path_string(&abs_root.join(rel));
                    push_file(
                        &mut result,
                        entry.path().to_path_buf(),
                        source_path,
                        relative_id,
                        size,
                    );
                }
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    let reason = if err.loop_ancestor().is_some() {
                        SkipReason::SymlinkLoop
                    } else {
                        SkipReason::Unreadable(
                            err.io_error()
                                .map(|e| e.to_string())
                                .unwrap_or_else(|| err.to_string()),
                        )
                    };
                    result.problems.push(Problem {
                        path,
                        line: None,
                        reason,
                    });
                }
            }
        }
    }
    Ok(result)
}

fn push_file(
    result: &mut WalkResult,
    path: PathBuf,
    source_path: String,
    relative_id: String,
    size: u64,
) {
    match Format::from_path(&path) {
        Ok(format) => result.files.push(InputFile {
            path,
            source_path,
            relative_id,
            size,
            format,
        }),
        Err(ext) => result.problems.push(Problem {
            path,
            line: None,
            reason: SkipReason::UnsupportedFormat(ext),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_relative_to_the_root_and_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("2023/sept")).unwrap();
        std::fs::write(dir.path().join("2023/sept/lere.txt"), "x").unwrap();
        std::fs::write(dir.path().join("2023/a.md"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        std::fs::write(dir.path().join("photo.png"), "x").unwrap();
        std::fs::create_dir_all(dir.path().join("index")).unwrap();
        std::fs::write(dir.path().join("index/meta.json"), "{}").unwrap();
        let walk = walk_inputs(&[dir.path().to_path_buf()], &dir.path().join("index")).unwrap();
        let ids: Vec<_> = walk.files.iter().map(|f| f.relative_id.as_str()).collect();
        assert_eq!(ids, vec!["2023/a.md", "2023/sept/lere.txt"]);
        assert_eq!(walk.problems.len(), 1);
        assert_eq!(
            walk.problems[0].reason,
            SkipReason::UnsupportedFormat("png".into())
        );
    }

    #[test]
    fn a_file_given_directly_is_its_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("flash.txt");
        std::fs::write(&f, "x").unwrap();
        let walk = walk_inputs(&[f], &dir.path().join("index")).unwrap();
        assert_eq!(walk.files[0].relative_id, "flash.txt");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/r.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/loop")).unwrap();
        let walk = walk_inputs(&[dir.path().to_path_buf()], &dir.path().join("index")).unwrap();
        assert_eq!(walk.files.len(), 1);
        assert!(walk
            .problems
            .iter()
            .any(|p| p.reason == SkipReason::SymlinkLoop));
    }
}
