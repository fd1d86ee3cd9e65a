//! `sahel search`: query the index from the command line.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};
use sahel_search::api::{FacetKind, FilterValues, SearchRequest, SearchResponse, Sort, FACETS};
use sahel_search::Searcher;

use crate::Outcome;

#[derive(Args)]
pub struct SearchArgs {
    /// The query: words, OR, -word / NOT word, "phrases", prefix*. Empty browses, newest first.
    #[arg(value_name = "QUERY", num_args = 0..)]
    pub query: Vec<String>,
    /// Index directory.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Number of hits (at most 100).
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Hits to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print the `/api/search` JSON object instead of a list.
    #[arg(long)]
    pub json: bool,
    /// One repeatable option per facet dimension: --region, --country, --locality, --actor,
    /// --language, --month.
    #[command(flatten)]
    pub filters: FacetFilterArgs,
    /// First day YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<String>,
    /// relevance, date_desc or date_asc.
    #[arg(long, default_value = "relevance")]
    pub sort: String,
    /// Search the words only as typed, not also their French/English translations.
    #[arg(long)]
    pub no_translate: bool,
}

impl SearchArgs {
    fn request(&self) -> anyhow::Result<SearchRequest> {
        let request = SearchRequest {
            q: self.query.join(" "),
            filters: self.filters.0.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            sort: Sort::parse(&self.sort)?,
            limit: Some(self.limit),
            offset: self.offset,
            translate: self.no_translate.then_some(false),
        };
        request.validate()?;
        Ok(request)
    }
}

/// The facet filter options, one per filtering dimension of the facet table (`--region Gao`,
/// repeatable: OR within a dimension, AND across), with its aliases (`--lang`).
#[derive(Clone, Debug, Default)]
pub struct FacetFilterArgs(pub FilterValues);

impl FromArgMatches for FacetFilterArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut values = FilterValues::default();
        for (dim, facet) in FACETS.iter().enumerate().filter(|(_, f)| f.filters) {
            if let (Some(slot), Some(given)) =
                (values.at_mut(dim), matches.get_many::<String>(facet.name))
            {
                slot.extend(given.cloned());
            }
        }
        Ok(FacetFilterArgs(values))
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for FacetFilterArgs {
    fn augment_args(command: Command) -> Command {
        FACETS
            .iter()
            .filter(|facet| facet.filters)
            .fold(command, |command, facet| {
                let value_name = match facet.kind {
                    FacetKind::Months => "YYYY-MM",
                    FacetKind::Language => "CODE",
                    FacetKind::Names => "NAME",
                };
                // `--mentioned-region` as a command line spells it, `--mentioned_region` as the
                // API does (the names are leaked once, when the command is built).
                let kebab: &'static str = if facet.name.contains('_') {
                    Box::leak(facet.name.replace('_', "-").into_boxed_str())
                } else {
                    facet.name
                };
                let aliases = facet
                    .aliases
                    .iter()
                    .copied()
                    .chain((kebab != facet.name).then_some(kebab));
                command.arg(
                    Arg::new(facet.name)
                        .long(facet.name)
                        .visible_aliases(aliases)
                        .value_name(value_name)
                        .action(ArgAction::Append)
                        .help(format!("{} (repeatable)", facet.about)),
                )
            })
    }

    fn augment_args_for_update(command: Command) -> Command {
        Self::augment_args(command)
    }
}

pub fn run(args: SearchArgs) -> anyhow::Result<Outcome> {
    let request = args.request()?;
    let searcher = Searcher::open(&args.index)
        .with_context(|| format!("cannot open the index at {}", args.index.display()))?;
    let response = searcher.search(&request)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if args.json {
        serde_json::to_writer_pretty(&mut out, &response)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        let bold = std::io::IsTerminal::is_terminal(&std::io::stdout());
        print_plain(&mut out, &response, bold)
    };
    match written.and_then(|()| out.flush()) {
        // `sahel search … | head` closes the pipe early: not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(Outcome::Success),
        Err(err) => Err(err.into()),
        Ok(()) => Ok(Outcome::Success),
    }
}

/// Turns a snippet's HTML (escaped text, `<mark>`) into plain text, matches in bold on a
/// terminal and between `[` `]` otherwise.
fn terminal_snippet(html: &str, bold: bool) -> String {
    let (open, close) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    html.replace("<mark>", open)
        .replace("</mark>", close)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn print_plain(out: &mut impl Write, response: &SearchResponse, bold: bool) -> std::io::Result<()> {
    let query = &response.query;
    writeln!(
        out,
        "{} result{} ({:.1} ms){}",
        response.total,
        if response.total == 1 { "" } else { "s" },
        response.took_ms,
        if query.partial {
            format!(
                ", {} with every word, the others with only some (at least {})",
                query.full_total, query.min_words
            )
        } else {
            String::new()
        }
    )?;
    for note in &query.notes {
        writeln!(out, "note: {note}")?;
    }
    for expansion in &query.expansions {
        writeln!(
            out,
            "also searched for {}: {}",
            expansion.term,
            expansion.alternatives.join(", ")
        )?;
    }
    for translation in &query.translations {
        writeln!(
            out,
            "also searched in {}: {} → {}",
            if translation.language == "fr" {
                "English"
            } else {
                "French"
            },
            translation.term,
            translation.alternatives.join(", ")
        )?;
    }
    for (i, hit) in response.hits.iter().enumerate() {
        writeln!(out)?;
        let title = if hit.title.is_empty() {
            &hit.id
        } else {
            &hit.title
        };
        writeln!(
            out,
            "{:>3}. {}{}",
            i + 1,
            title,
            if hit.partial { "  (partial match)" } else { "" }
        )?;
        let mut meta = vec![hit.id.clone(), hit.language.clone()];
        if let Some(published) = &hit.published {
            meta.push(published.clone());
        }
        for name in ["region", "actor"] {
            if let Some(values) = hit.facets.get(name).filter(|v| !v.is_empty()) {
                meta.push(values.join(", "));
            }
        }
        if hit.duplicates > 0 {
            meta.push(format!("{} duplicate(s)", hit.duplicates));
        }
        meta.push(format!("score {:.2}", hit.score));
        writeln!(out, "     {}", meta.join(" · "))?;
        if !hit.snippet.is_empty() {
            writeln!(out, "     {}", terminal_snippet(&hit.snippet, bold))?;
        }
    }
    Ok(())
}
