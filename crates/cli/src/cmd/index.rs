//! `sahel index`.

use clap::Args;

use crate::Outcome;

#[derive(Args)]
pub struct IndexArgs {}

pub fn run(_args: IndexArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("`sahel index` is being written")
}
