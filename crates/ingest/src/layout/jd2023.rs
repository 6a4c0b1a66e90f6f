//! The agency's 2023 job-description template: upper-case numbered sections ("1. ÜLDOSA",
//! "2. AMETIKOHA EESMÄRK", "3. TEENISTUSKOHUSTUSED" …, "8. AMETIJUHENDI MUUTMINE") and a general
//! part laid out as two table rows ("1.1 Ametinimetus 1.2 Struktuuriüksus", "1.3 Vahetu juht
//! 1.4 Kes asendab 1.5 Keda asendab") whose values text extraction runs together. The shared
//! skeleton in [`super::job_description`] reads it; this module recognises it.

use crate::general::{Field, label_row};
use crate::lexicon::Lexicon;
use crate::lines::{Line, is_upper_heading, split_number};
use ametijuhend_domain::job_description::Template;

pub const TEMPLATE: Template = Template::Ska2023;

/// True when the lines carry the 2023 template's marks: an upper-case "1. ÜLDOSA" heading or a
/// numbered header row "1.1 Ametinimetus 1.2 Struktuuriüksus".
pub fn matches(lex: &Lexicon, lines: &[Line]) -> bool {
    lines.iter().any(|l| {
        let upper_general = split_number(&l.text).is_some_and(|(n, rest)| {
            n == "1" && is_upper_heading(rest) && rest.to_lowercase().starts_with("üldosa")
        });
        let numbered_row = l.text.starts_with("1.1")
            && label_row(lex, &l.text).is_some_and(|f| f.len() >= 2 && f.contains(&Field::Title));
        upper_general || numbered_row
    })
}
