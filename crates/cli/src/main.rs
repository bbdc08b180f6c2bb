//! The `tsunagu` command-line tool: a thin layer over `tsunagu-core`.

use clap::Parser;

/// つなぐ — さっぽろ ID-Link 連携経路ナビ (command line).
///
/// Explores referral paths through Sapporo's ID-Link unions: which unions a
/// clinic must join to view the records of the hospitals it refers to.
#[derive(Debug, Parser)]
#[command(name = "tsunagu", version = tsunagu_core::VERSION, arg_required_else_help = true)]
struct Cli {}

fn main() {
    let Cli {} = Cli::parse();
}
