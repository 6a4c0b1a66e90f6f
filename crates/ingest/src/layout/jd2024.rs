//! The agency's 2024+ job-description template: "1. Üldosa" in sentence case with one label and
//! its value per line ("Struktuuriüksus", "Teenistuskoht", "Vahetu juht", "Alluvad",
//! "Teenistuja asendab", "Teenistuja asendaja", "Teenistuskoha eesmärk", "Ametikoha grupp",
//! "Eritingimused"), "2. Peamised teenistusülesanded | Oodatavad tulemused", "3. Teenistuskoha
//! täitjale esitatavad nõuded" with inline labels, "4. Õigused ja vastutus" with the sub-headings
//! "Õigused" and "Vastutus", and the review rule as an unnumbered closing paragraph. The shared
//! skeleton in [`super::job_description`] reads it; this module recognises it.

use crate::general::Field;
use crate::lexicon::Lexicon;
use crate::lines::{Line, split_number};
use ametijuhend_domain::job_description::Template;

pub const TEMPLATE: Template = Template::Ska2024;

/// True when the lines carry the 2024 template's marks: a sentence-case "1. Üldosa" heading,
/// or the "Teenistuskoht" and "Teenistuja asendaja"/"Teenistuja asendab" labels.
pub fn matches(lex: &Lexicon, lines: &[Line]) -> bool {
    let heading = lines.iter().any(|l| {
        split_number(&l.text)
            .is_some_and(|(n, rest)| n == "1" && rest.trim_end_matches(':').trim() == "Üldosa")
    });
    let labels = |want: &str, field: Field| {
        lines.iter().any(|l| {
            lex.label_at(&l.text)
                .is_some_and(|(f, label, _)| f == field && label.eq_ignore_ascii_case(want))
        })
    };
    heading
        || (labels("teenistuskoht", Field::Title)
            && (labels("teenistuja asendaja", Field::SubstitutedBy)
                || labels("teenistuja asendab", Field::SubstitutesFor)))
}
