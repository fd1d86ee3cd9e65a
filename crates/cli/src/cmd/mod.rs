//! One module per subcommand: its clap arguments and its `run`.

pub mod bench;
pub mod bench_stages;
pub mod demo;
pub mod eval;
pub mod eval_acled;
pub mod eval_dates;
pub mod eval_facets;
pub mod eval_glossary;
pub mod eval_relevance;
pub mod eval_text;
pub mod extract;
pub mod index;
pub mod search;
pub mod serve;
