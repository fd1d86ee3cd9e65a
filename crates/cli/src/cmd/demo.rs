//! `sahel demo`: index the built-in demo corpus and serve it, so a new user sees the tool at work
//! with no input of her own.
//!
//! The corpus (fictional reports written by the team, see `crates/cli/DEMO.md`) is embedded in the
//! binary. It is written out next to the index (`<index>/../demo-corpus` by default) because the
//! indexer reads files and names documents by their path; indexing is incremental, so a second run
//! starts at once.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use include_dir::{include_dir, Dir};

use crate::cmd::{index, search, serve};
use crate::Outcome;

static DEMO_CORPUS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/demo");

#[derive(Args)]
pub struct DemoArgs {
    /// Index directory of the demo (kept apart from your own `index/`).
    #[arg(long, default_value = "index/demo")]
    pub index: PathBuf,
    /// Folder the embedded reports are written to (default: `demo-corpus` beside the index).
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Address to serve on.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub addr: SocketAddr,
    /// Index only, then run one example search instead of serving.
    #[arg(long)]
    pub no_serve: bool,
}

pub fn run(args: DemoArgs) -> anyhow::Result<Outcome> {
    let corpus = args.corpus.clone().unwrap_or_else(|| {
        args.index
            .parent()
            .unwrap_or_else(|| Path::new("."))
            .join("demo-corpus")
    });
    let written = write_corpus(&DEMO_CORPUS, &corpus)?;
    println!(
        "sahel demo: {written} report files in {}, indexing into {}",
        corpus.display(),
        args.index.display()
    );
    let index_dir = args.index.to_string_lossy().into_owned();
    let corpus_dir = corpus.to_string_lossy().into_owned();
    let mut index_args = vec![corpus_dir.as_str(), "--index", &index_dir];
    // The demo's index is the program's own: one built by another version is rebuilt, where a
    // user's index would be refused with a message to re-index.
    if matches!(
        sahel_indexer::open_for_search(&args.index),
        Err(sahel_indexer::Error::SchemaVersion { .. })
    ) {
        println!("sahel demo: the demo index was built by another version; rebuilding it");
        index_args.push("--rebuild");
    }
    let outcome = index::run(parse_args::<index::IndexArgs>(&index_args)?)?;
    if matches!(outcome, Outcome::PartialFailure) {
        anyhow::bail!("the demo corpus did not index completely (see the problems above)");
    }
    if args.no_serve {
        println!("\nsahel demo: example search for « attaque Léré »\n");
        return search::run(parse_args::<search::SearchArgs>(&[
            "--index",
            &index_dir,
            "--limit",
            "5",
            "attaque Léré",
        ])?);
    }
    serve::run(parse_args::<serve::ServeArgs>(&[
        "--index",
        &index_dir,
        "--addr",
        &args.addr.to_string(),
    ])?)
}

/// Builds another subcommand's arguments the way its command line would, so its defaults apply.
fn parse_args<A: clap::Args>(args: &[&str]) -> anyhow::Result<A> {
    #[derive(clap::Parser)]
    struct Wrapper<A: clap::Args> {
        #[command(flatten)]
        inner: A,
    }
    let argv = std::iter::once("sahel").chain(args.iter().copied());
    Ok(<Wrapper<A> as clap::Parser>::try_parse_from(argv)?.inner)
}

/// Writes every embedded file under `dir`, replacing files whose content differs (so an edited
/// copy does not linger) and leaving identical ones untouched (so re-indexing finds them unchanged).
fn write_corpus(corpus: &Dir<'_>, dir: &Path) -> anyhow::Result<usize> {
    let mut written = 0;
    for entry in corpus.entries() {
        match entry {
            include_dir::DirEntry::Dir(sub) => written += write_corpus(sub, dir)?,
            include_dir::DirEntry::File(file) => {
                let path = dir.join(file.path());
                if std::fs::read(&path).ok().as_deref() != Some(file.contents()) {
                    if let Some(parent) = path.parent() {
                        std::fs::create_dir_all(parent)
                            .with_context(|| format!("cannot create {}", parent.display()))?;
                    }
                    std::fs::write(&path, file.contents())
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
                written += 1;
            }
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_corpus_is_written_and_rewritten_idempotently() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_corpus(&DEMO_CORPUS, dir.path()).unwrap();
        assert!(
            first >= 40,
            "the demo corpus has at least 40 files, got {first}"
        );
        let second = write_corpus(&DEMO_CORPUS, dir.path()).unwrap();
        assert_eq!(first, second);
        assert!(dir.path().join("communiques").is_dir());
    }
}
