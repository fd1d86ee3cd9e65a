//! `sahel search`.

use clap::Args;

use crate::Outcome;

#[derive(Args)]
pub struct SearchArgs {}

pub fn run(_args: SearchArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("`sahel search` is being written")
}
