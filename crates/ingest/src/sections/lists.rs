//! List sections: rights ("Teenistujal on õigus:"), responsibilities ("Omab vastutust:"), the
//! amendment rules ("Ametijuhend vaadatakse üle kord aastas …"). An optional lead-in line
//! ending in a colon, then items. A paragraph about reviewing or amending the job description
//! that stands unbulleted at the end of another list (the 2024 template) is an amendment rule.

use crate::lines::{Line, items, uses_soft_bullets};
use ametijuhend_domain::job_description::ListSection;

/// True for a sentence of the amendment rule.
pub fn is_amendment_rule(text: &str) -> bool {
    let t = text.to_lowercase();
    t.starts_with("ametijuhend vaadatakse")
        || t.starts_with("ametijuhendit muudetakse")
        || t.starts_with("ametijuhendi muutmine")
        || (t.contains("nõusolekuta") && t.contains("ametijuhend"))
}

/// Reads a list section; returns the list and the amendment-rule paragraphs found in it.
pub fn parse(lines: &[Line]) -> (ListSection, Vec<String>) {
    // An unbulleted paragraph about the job description's review ends the list.
    let cut = lines
        .iter()
        .position(|l| !l.bullet && !l.indented && is_amendment_rule(&l.text))
        .unwrap_or(lines.len());
    let (list, rules) = lines.split_at(cut);
    let soft = uses_soft_bullets(list);
    let mut section = ListSection::default();
    let mut amendments = plain_items(rules);
    for (k, it) in items(list, soft).into_iter().enumerate() {
        if !it.bullet && is_amendment_rule(&it.text) {
            amendments.push(it.text);
        } else if k == 0 && !it.bullet && it.text.ends_with(':') {
            section.intro = Some(it.text);
        } else {
            section.items.push(it.text);
        }
    }
    (section, amendments)
}

/// Reads plain items (the amendment rules).
pub fn plain_items(lines: &[Line]) -> Vec<String> {
    items(lines, uses_soft_bullets(lines))
        .into_iter()
        .map(|i| i.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::normalise;

    #[test]
    fn intro_items_and_a_trailing_rule() {
        let text = "Omab õigust:\n▪ teha kaugtööd;\n▪ osaleda jne.\n\nvastu võtta otsuseid\n\nAmetijuhend vaadatakse üle kord aastas.";
        let (s, rules) = parse(&normalise(text));
        assert_eq!(s.intro.as_deref(), Some("Omab õigust:"));
        assert_eq!(
            s.items,
            vec!["teha kaugtööd;", "osaleda jne.", "vastu võtta otsuseid"]
        );
        assert_eq!(rules, vec!["Ametijuhend vaadatakse üle kord aastas."]);
    }
}
