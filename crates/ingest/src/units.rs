//! Reading a unit as written in a job description into a path of units under the agency:
//! "Arendusosakond, arendustalitus" is the department "Arendusosakond" and its division
//! "Arendustalitus"; "Hüvitiste osakonna perehüvitiste valdkonna tiim" is the department
//! "Hüvitiste osakond" (written in the genitive) and its team "Perehüvitiste valdkonna tiim".

use ametijuhend_domain::unit::UnitKind;

/// Genitive endings of unit words that head a higher level, and their nominatives.
const GENITIVES: &[(&str, &str)] = &[
    ("osakonna", "osakond"),
    ("talituse", "talitus"),
    ("keskuse", "keskus"),
    ("büroo", "büroo"),
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The units named by a unit text, from the top down, with their kinds. The agency itself
/// ("Sotsiaalkindlustusamet") is left out: every path hangs under the agency.
pub fn unit_path(text: &str) -> Vec<(String, UnitKind)> {
    let mut names: Vec<String> = Vec::new();
    for part in text.split([',', ';']) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let mut start = 0;
        for (i, w) in words.iter().enumerate() {
            let lw = w.to_lowercase();
            if i + 1 < words.len()
                && let Some((genitive, nom)) = GENITIVES.iter().find(|(g, _)| lw.ends_with(g))
            {
                let stem = &lw[..lw.len() - genitive.len()];
                let mut name: Vec<String> = words[start..i].iter().map(|s| s.to_string()).collect();
                name.push(format!("{stem}{nom}"));
                names.push(name.join(" "));
                start = i + 1;
            }
        }
        if start < words.len() {
            names.push(words[start..].join(" "));
        }
    }
    let mut out = Vec::new();
    for name in names {
        let name = capitalise(name.trim().trim_end_matches('.'));
        if name.is_empty() {
            continue;
        }
        let kind = UnitKind::from_estonian_name(&name);
        if kind == Some(UnitKind::Agency) && out.is_empty() {
            continue;
        }
        let kind = kind
            .filter(|k| *k != UnitKind::Agency)
            .unwrap_or(if out.is_empty() {
                UnitKind::Department
            } else {
                UnitKind::Team
            });
        out.push((name, kind));
    }
    out
}

/// The genitive of a unit name, for names such as "ekspertiisi talituse talitusejuhataja":
/// the last word's unit word is inflected ("Ekspertiisi talitus" → "ekspertiisi talituse").
pub fn genitive(name: &str) -> String {
    const FORMS: &[(&str, &str)] = &[
        ("osakond", "osakonna"),
        ("meeskond", "meeskonna"),
        ("valdkond", "valdkonna"),
        ("talitus", "talituse"),
        ("keskus", "keskuse"),
        ("tiim", "tiimi"),
        ("amet", "ameti"),
    ];
    let lower = name.to_lowercase();
    for (nom, gen_form) in FORMS {
        if let Some(stem) = lower.strip_suffix(nom) {
            return format!("{stem}{gen_form}");
        }
    }
    lower
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(
            unit_path("Arendusosakond, arendustalitus"),
            vec![
                ("Arendusosakond".into(), UnitKind::Department),
                ("Arendustalitus".into(), UnitKind::Division)
            ]
        );
        assert_eq!(
            unit_path("Hüvitiste osakonna perehüvitiste valdkonna tiim"),
            vec![
                ("Hüvitiste osakond".into(), UnitKind::Department),
                ("Perehüvitiste valdkonna tiim".into(), UnitKind::Team)
            ]
        );
        assert_eq!(
            unit_path("Teenuste osakond"),
            vec![("Teenuste osakond".into(), UnitKind::Department)]
        );
        assert_eq!(
            unit_path("Sotsiaalkindlustusamet, Juhtkond"),
            vec![("Juhtkond".into(), UnitKind::Department)]
        );
    }

    #[test]
    fn genitives() {
        assert_eq!(genitive("Ekspertiisi talitus"), "ekspertiisi talituse");
        assert_eq!(
            genitive("Kommunikatsiooniosakond"),
            "kommunikatsiooniosakonna"
        );
    }
}
