//! Personal identification codes (isikukood). The registry keeps the names of the people who
//! hold positions, never their personal identification codes: a code written in a document
//! ("Kalev Lattik, isikukood 38001010009", "Isikukood: 38001010009", "(IK 38001010009)") is
//! removed from the text, with its label, before any reader sees it, and a warning names the
//! line (never the code).
//!
//! A code is an 11-digit number standing alone that is a valid isikukood (century and sex
//! digit 1–8, a date, the check digit of the standard), or any 11-digit number right after an
//! "isikukood"/"IK" label.

/// The warning field of a removed code (not a record path: the code is not kept anywhere).
pub const FIELD: &str = "personal_identification_code";

/// Labels that introduce a code ("isikukood", "isikukoodiga", "IK" …), lower case.
const LABELS: &[&str] = &[
    "isikukood",
    "isikukoodiga",
    "isikukoodi",
    "ik",
    "i.k",
    "i-kood",
];

/// The check digit of an isikukood's first ten digits (the standard's two weight rounds).
fn check_digit(d: &[u32]) -> u32 {
    let round = |weights: [u32; 10]| d.iter().zip(weights).map(|(a, w)| a * w).sum::<u32>() % 11;
    match round([1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) {
        10 => match round([3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) {
            10 => 0,
            c => c,
        },
        c => c,
    }
}

/// True for a valid isikukood: 11 digits, century and sex 1–8, a real date, the check digit.
pub fn is_valid_code(s: &str) -> bool {
    let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 11 || s.chars().count() != 11 || !(1..=8).contains(&d[0]) {
        return false;
    }
    let century = 1800 + 100 * ((d[0] - 1) / 2) as i32;
    let year = century + (d[1] * 10 + d[2]) as i32;
    let date = chrono::NaiveDate::from_ymd_opt(year, d[3] * 10 + d[4], d[5] * 10 + d[6]);
    date.is_some() && check_digit(&d[..10]) == d[10]
}

/// The byte range of a label word that ends right before `at` (spaces, a colon or a dash
/// between), if any.
fn label_before(line: &str, at: usize) -> Option<usize> {
    let before = line[..at].trim_end_matches([' ', ':', '-', '–']);
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = before[start..].trim_end_matches('.').to_lowercase();
    LABELS.contains(&word.as_str()).then_some(start)
}

/// The 11-digit runs of a line that stand alone (no letter or digit on either side).
fn digit_runs(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].1.is_ascii_digit() {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < chars.len() && chars[e].1.is_ascii_digit() {
            e += 1;
        }
        let alone_before = k == 0 || !chars[k - 1].1.is_alphanumeric();
        let alone_after = e == chars.len() || !chars[e].1.is_alphanumeric();
        if e - k == 11 && alone_before && alone_after {
            let end = chars.get(e).map_or(line.len(), |c| c.0);
            out.push((chars[k].0, end));
        }
        k = e;
    }
    out
}

/// The line without its personal identification codes (and their labels, and the comma or
/// brackets around them); `None` when it has none. A line left with no letter or digit
/// becomes empty.
pub fn redact_line(line: &str) -> Option<String> {
    let mut out = line.to_string();
    let mut changed = false;
    for (start, end) in digit_runs(line).into_iter().rev() {
        let labelled = label_before(&out, start);
        if labelled.is_none() && !is_valid_code(&out[start..end]) {
            continue;
        }
        changed = true;
        let mut a = labelled.unwrap_or(start);
        let mut b = end;
        let left = out[..a].trim_end_matches(' ');
        if left.ends_with('(') && out[b..].trim_start().starts_with(')') {
            a = left.len() - 1;
            b = out.len() - out[b..].trim_start().len() + 1;
        } else if left.ends_with([',', ';']) {
            a = left.len() - 1;
        }
        let left = out[..a].trim_end_matches(' ').to_string();
        let right = out[b..].to_string();
        let glue = if left.is_empty() || right.is_empty() || right.starts_with(' ') {
            ""
        } else {
            " "
        };
        out = format!("{left}{glue}{right}");
    }
    if !changed {
        return None;
    }
    if !out.chars().any(char::is_alphanumeric) {
        out.clear();
    }
    Some(out)
}

/// The text without personal identification codes, and the (1-based) numbers of the lines
/// they were removed from.
pub fn redact(text: &str) -> (String, Vec<usize>) {
    let mut lines_out = Vec::new();
    let mut removed = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        match redact_line(line) {
            Some(clean) => {
                removed.push(i + 1);
                lines_out.push(clean);
            }
            None => lines_out.push(line.to_string()),
        }
    }
    if removed.is_empty() {
        return (text.to_string(), removed);
    }
    (lines_out.join("\n"), removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_codes() {
        assert!(is_valid_code("38001010009"));
        assert!(is_valid_code("49403136526"));
        assert!(!is_valid_code("38001010008"), "wrong check digit");
        assert!(!is_valid_code("38013010009"), "no 13th month");
        assert!(!is_valid_code("98001010009"), "no century 9");
        assert!(!is_valid_code("3800101000"));
    }

    #[test]
    fn codes_go_with_their_labels() {
        let r = |s: &str| redact_line(s);
        assert_eq!(
            r("Kalev Lattik, isikukood 38001010009").as_deref(),
            Some("Kalev Lattik")
        );
        assert_eq!(
            r("Kalev Lattik (isikukood 38001010009)").as_deref(),
            Some("Kalev Lattik")
        );
        assert_eq!(
            r("Kalev Lattik (IK: 12345678901) Peadirektor").as_deref(),
            Some("Kalev Lattik Peadirektor")
        );
        assert_eq!(r("Isikukood: 38001010009").as_deref(), Some(""));
        assert_eq!(r("38001010009").as_deref(), Some(""));
        assert_eq!(
            r("Maret Maripuu 49403136526  Kalev Lattik 38001010009").as_deref(),
            Some("Maret Maripuu  Kalev Lattik")
        );
        // Other numbers stay: not a code, too long, part of a word, unlabelled and invalid.
        assert_eq!(r("Telefon 12345678901"), None);
        assert_eq!(r("EE382200221020145685"), None);
        assert_eq!(r("konto 380010100091"), None);
        assert_eq!(r("06.03.2023 käskkirjaga nr 49"), None);
    }

    #[test]
    fn lines_are_counted() {
        let (t, lines) = redact("Töötaja:\nKalev Lattik\nIsikukood 38001010009\n");
        assert_eq!(t, "Töötaja:\nKalev Lattik\n\n");
        assert_eq!(lines, vec![3]);
        let (t, lines) = redact("nothing here");
        assert_eq!((t.as_str(), lines.len()), ("nothing here", 0));
    }
}
