//! `ametijuhend analyze [--json] TEXT…`: the terms the search index makes of each word, field by
//! field (the way a search engine's analyze API shows them), so anyone can see why a word is or
//! is not found. Needs no database.

use crate::error::CliError;
use ametijuhend_search::analyzer::{TokenTerms, explain};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The words or text to analyse.
    #[arg(value_name = "TEXT", required = true)]
    text: Vec<String>,
    /// Print a JSON array: one object per word, {"token": …, "terms": {"text": […], "parts": […]}}.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let tokens = explain(&args.text.join(" "));
    let out = if args.json {
        serde_json::to_string_pretty(&tokens)
            .map_err(|e| CliError::new(format!("cannot serialise the terms: {e}")))?
    } else {
        table(&tokens)
    };
    println!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// One line per word: the word, its terms in the text field and in the parts field, and how
/// they were made (lexicon, compound, stemmer, kept, skipped).
fn table(tokens: &[TokenTerms]) -> String {
    let width = tokens
        .iter()
        .map(|t| t.token.chars().count())
        .max()
        .unwrap_or(0);
    let list = |v: &[String]| {
        if v.is_empty() {
            "–".to_string()
        } else {
            v.join(", ")
        }
    };
    tokens
        .iter()
        .map(|t| {
            let pad = " ".repeat(width - t.token.chars().count());
            format!(
                "{}{pad}  text: {}  parts: {}  ({})",
                t.token,
                list(&t.terms.text),
                list(&t.terms.parts),
                t.source.as_str()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_shows_each_word_its_terms_and_their_source() {
        let t = table(&explain("asjadele ja ärireeglitele"));
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "asjadele       text: asi  parts: –  (lexicon)");
        assert_eq!(lines[1], "ja             text: –  parts: –  (skipped)");
        assert_eq!(
            lines[2],
            "ärireeglitele  text: ärireegel  parts: äri, reegel  (compound)"
        );
    }
}
