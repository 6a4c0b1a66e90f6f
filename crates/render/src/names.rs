//! File names of rendered documents: lower-case ASCII slugs that every file system and mail
//! program accepts ("Õigusküsimuste tiim" → "oiguskusimuste-tiim"), and the stem of a job
//! description's file, `<unit>-<title>-v<N>`.

/// The longest slug of one name.
const MAX: usize = 60;

/// Lower-case ASCII letters and digits joined by single hyphens: Estonian and other Latin
/// letters lose their marks, anything else separates words; at most 60 characters, cut at a
/// hyphen where possible. Empty when nothing is left (e.g. Cyrillic only).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'a'..='z' | '0'..='9' => Some(c),
            'õ' | 'ö' | 'ò' | 'ó' | 'ô' | 'ø' => Some('o'),
            'ä' | 'à' | 'á' | 'â' | 'å' | 'ã' => Some('a'),
            'ü' | 'ù' | 'ú' | 'û' => Some('u'),
            'š' | 'ś' => Some('s'),
            'ž' | 'ź' | 'ż' => Some('z'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' => Some('i'),
            'ç' | 'č' | 'ć' => Some('c'),
            'ñ' | 'ń' => Some('n'),
            _ => None,
        };
        match mapped {
            Some(m) => out.push(m),
            None if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            None => {}
        }
    }
    let mut s = out.trim_end_matches('-').to_string();
    if s.len() > MAX {
        let cut = s[..MAX].rfind('-').filter(|&i| i > MAX / 2).unwrap_or(MAX);
        s.truncate(cut);
    }
    s.trim_end_matches('-').to_string()
}

/// `<unit>-<title>-v<N>`, slugified; "ametijuhend-v<N>" when unit and title leave nothing.
pub fn job_description_stem(unit: &str, title: &str, version: u32) -> String {
    let stem = [slug(unit), slug(title)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem = if stem.is_empty() {
        "ametijuhend".to_string()
    } else {
        stem
    };
    format!("{stem}-v{version}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_ascii_words() {
        assert_eq!(slug("Õigusküsimuste tiim"), "oiguskusimuste-tiim");
        assert_eq!(
            slug("Peaspetsialist (STAR kasutajatugi)"),
            "peaspetsialist-star-kasutajatugi"
        );
        assert_eq!(slug("  Šveitsi žürii / ÄÖÜ  "), "sveitsi-zurii-aou");
        assert_eq!(slug("Отдел"), "");
        let long = slug(&"pikk sõna ".repeat(20));
        assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn stems_name_unit_title_and_version() {
        assert_eq!(
            job_description_stem("Teenuste osakond", "Osakonnajuhataja", 2),
            "teenuste-osakond-osakonnajuhataja-v2"
        );
        assert_eq!(job_description_stem("", "Отдел", 1), "ametijuhend-v1");
    }
}
