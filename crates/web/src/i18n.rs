//! The interface languages and texts: the crate `ametijuhend-i18n`, re-exported so that the
//! pages keep writing `crate::i18n::{Lang, translate, …}`.

pub use ametijuhend_i18n::*;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_key_used_in_templates_and_code_exists() {
        let et: BTreeSet<String> = keys(SOURCES[0]).into_iter().collect();
        let mut used = BTreeSet::new();
        let dirs = [
            concat!(env!("CARGO_MANIFEST_DIR"), "/templates"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/src"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/src/pages"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/src/auth"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/src/forms"),
        ];
        for dir in dirs {
            for entry in std::fs::read_dir(dir).expect("a source directory") {
                let path = entry.expect("an entry").path();
                if !path.is_file() {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("a text file");
                let markers: &[&str] = if path.extension().is_some_and(|e| e == "html") {
                    &["p.t(\""]
                } else {
                    &["lang, \"", "\"error-"]
                };
                for marker in markers {
                    for part in text.split(marker).skip(1) {
                        let key = part.split('"').next().unwrap_or("");
                        if key.is_empty() {
                            continue;
                        }
                        let key = if marker.ends_with("error-") {
                            format!("error-{key}")
                        } else {
                            key.to_string()
                        };
                        if key.len() >= 4
                            && key
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
                        {
                            used.insert(key);
                        }
                    }
                }
            }
        }
        let missing: Vec<_> = used.difference(&et).collect();
        assert!(missing.is_empty(), "keys used but not defined: {missing:?}");
    }
}
