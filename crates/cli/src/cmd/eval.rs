//! `sahel eval …`: the evaluation commands that print the figures the issues ask for.

use clap::{Args, Subcommand};

use crate::Outcome;

#[derive(Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    command: EvalCommand,
}

#[derive(Subcommand)]
enum EvalCommand {}

pub fn run(args: EvalArgs) -> anyhow::Result<Outcome> {
    match args.command {}
}
