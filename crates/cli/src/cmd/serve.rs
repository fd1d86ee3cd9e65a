//! `sahel serve`: the JSON API and the web UI over an index, until Ctrl-C or SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;
use sahel_server::{AppState, WebAssets};

use crate::Outcome;

#[derive(Args)]
pub struct ServeArgs {
    /// Index directory (built by `sahel index`); new commits are picked up without a restart.
    #[arg(long, env = "SAHEL_INDEX", default_value = "index")]
    pub index: PathBuf,
    /// Address to listen on; loopback by default, so only this machine can connect.
    #[arg(long, env = "SAHEL_ADDR", default_value = "127.0.0.1:7878")]
    pub addr: SocketAddr,
    /// Serve the web UI from this folder instead of the copy embedded in the binary (for UI work).
    #[arg(long, value_name = "DIR")]
    pub web: Option<PathBuf>,
    /// Time limit of one search, in seconds.
    #[arg(long, default_value_t = 10)]
    pub timeout: u64,
    /// Searches run at once (default: two per core); more requests wait their turn.
    #[arg(long, value_name = "N")]
    pub searches: Option<usize>,
}

pub fn run(args: ServeArgs) -> anyhow::Result<Outcome> {
    let searcher = sahel_search::Searcher::open(&args.index)
        .with_context(|| format!("cannot open the index at {}", args.index.display()))?;
    let web = match args.web {
        Some(dir) => {
            anyhow::ensure!(
                dir.join("index.html").is_file(),
                "--web {}: no index.html in this folder",
                dir.display()
            );
            WebAssets::Disk(dir)
        }
        None => WebAssets::Embedded,
    };
    let state = Arc::new(
        AppState::new(Arc::new(searcher), web)
            .with_search_timeout(std::time::Duration::from_secs(args.timeout.max(1)))
            .with_concurrent_searches(
                args.searches
                    .unwrap_or_else(sahel_server::default_concurrent_searches),
            ),
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr().unwrap_or(args.addr);
        println!(
            "sahel: serving {} at http://{local}/ (Ctrl-C to stop)",
            args.index.display()
        );
        if !local.ip().is_loopback() {
            eprintln!("warning: listening on {local}, reachable from other machines");
        }
        sahel_server::serve(listener, state, sahel_server::shutdown_signal()).await?;
        println!("sahel: stopped");
        anyhow::Ok(())
    })?;
    Ok(Outcome::Success)
}
