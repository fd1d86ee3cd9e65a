//! `sahel`: index a folder of Sahel security reports, search it, serve it to a browser.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "sahel",
    version,
    about = "Search engine for Sahel security reports"
)]
struct Cli {
    /// More log output (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Index the built-in demo corpus and serve it (http://127.0.0.1:7878/).
    Demo(cmd::demo::DemoArgs),
    /// Index report files and folders (.txt, .md, …) into an index directory.
    Index(cmd::index::IndexArgs),
    /// Search the index from the command line.
    Search(cmd::search::SearchArgs),
    /// Serve the web UI and the JSON API over an index (http://127.0.0.1:7878/ by default).
    Serve(cmd::serve::ServeArgs),
    /// Print the facets (places, dates, actors) extracted from report files.
    Extract(cmd::extract::ExtractArgs),
    /// Print evaluation figures (analysis, extraction) on reference data.
    Eval(cmd::eval::EvalArgs),
    /// Benchmarks: `sahel bench index` (full pipeline vs bare tantivy writer).
    Bench(cmd::bench::BenchArgs),
}

/// What a subcommand reports back: success, or success with some input skipped (exit status 2).
pub enum Outcome {
    Success,
    PartialFailure,
}

fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    let result = match cli.command {
        Command::Demo(args) => cmd::demo::run(args),
        Command::Index(args) => cmd::index::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Bench(args) => cmd::bench::run(args),
        Command::Extract(args) => cmd::extract::run(args),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::PartialFailure) => ExitCode::from(2),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
