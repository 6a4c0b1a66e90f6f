//! Dates written in words in stamps and directives of other forms: "5. aprilli 2019",
//! "5 aprill 2019", and a stamp with only month and year ("märts 2024"), which names no day.

use chrono::NaiveDate;

/// Estonian month names (nominative stems; the genitive adds "-i" to most).
const MONTHS: [&str; 12] = [
    "jaanuar",
    "veebruar",
    "märts",
    "aprill",
    "mai",
    "juuni",
    "juuli",
    "august",
    "september",
    "oktoober",
    "november",
    "detsember",
];

/// The month (1–12) of a month name in the nominative or genitive ("aprill", "aprilli",
/// "septembri", "märtsi").
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.', ';']).to_lowercase();
    MONTHS
        .iter()
        .position(|m| {
            w == *m
            || w.strip_suffix('i') == Some(*m)
            // "september" → "septembri": the genitive drops the last "e".
            || (m.ends_with("ber") && w == format!("{}ri", &m[..m.len() - 2]))
        })
        .map(|i| i as u32 + 1)
}

fn year(word: &str) -> Option<i32> {
    let y: i32 = word
        .trim_end_matches([',', '.', ';'])
        .trim_end_matches(".a")
        .parse()
        .ok()?;
    (1900..=2999).contains(&y).then_some(y)
}

/// The first date written in words among `words`: "5. aprilli 2019" (day with or without a
/// full stop). Returns the index of its first word and the date.
pub fn worded_date(words: &[&str]) -> Option<(usize, NaiveDate)> {
    (0..words.len().saturating_sub(2)).find_map(|i| {
        let day: u32 = words[i].trim_end_matches('.').parse().ok()?;
        let m = month(words[i + 1])?;
        let y = year(words[i + 2])?;
        NaiveDate::from_ymd_opt(y, m, day).map(|d| (i, d))
    })
}

/// A month and year without a day ("märts 2024"), as written, when the text has no full date.
pub fn month_year_only(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if worded_date(&words).is_some() {
        return None;
    }
    (0..words.len().saturating_sub(1)).find_map(|i| {
        month(words[i])?;
        year(words[i + 1])?;
        Some(format!(
            "{} {}",
            words[i],
            words[i + 1].trim_end_matches([',', '.', ';'])
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worded_dates() {
        let d = |s: &str| worded_date(&s.split_whitespace().collect::<Vec<_>>()).map(|x| x.1);
        assert_eq!(d("5. aprilli 2019"), NaiveDate::from_ymd_opt(2019, 4, 5));
        assert_eq!(
            d("käskkirjaga 12 septembri 2021 nr 3"),
            NaiveDate::from_ymd_opt(2021, 9, 12)
        );
        assert_eq!(d("31. veebruar 2020"), None);
        assert_eq!(d("Lisa 3"), None);
        assert_eq!(month("märtsi"), Some(3));
        assert_eq!(month("detsembri"), Some(12));
        assert_eq!(month("maid"), None);
        assert_eq!(
            month_year_only("KINNITATUD märts 2024").as_deref(),
            Some("märts 2024")
        );
        assert_eq!(month_year_only("5. märts 2024"), None);
        assert_eq!(month_year_only("Lisa 3 nr 5"), None);
    }
}
