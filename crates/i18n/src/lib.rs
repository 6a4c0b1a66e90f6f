//! The interface texts of Ametijuhend, and only them: the languages ([`Lang`]: Estonian by
//! default, English and Russian) and [`translate`], which renders a message of the Fluent files
//! `i18n/{et,en,ru}/*.ftl` (embedded in the binary) with its arguments. The web interface, the
//! application layer (the reminder e-mails of `app::reminders`) and the command line use it.
//! Plural forms follow each language's CLDR rules (Russian one/few/many: 1 должность,
//! 2 должности, 5 должностей, 21 должность). Document content is never translated.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;
use unic_langid::LanguageIdentifier;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Et,
    En,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Et, Lang::En, Lang::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Et => "et",
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == s.trim())
    }

    /// The language's own name, for the switcher ("eesti", "English", "русский").
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Et => "eesti",
            Lang::En => "English",
            Lang::Ru => "русский",
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Et => 0,
            Lang::En => 1,
            Lang::Ru => 2,
        }
    }
}

/// The Fluent sources, in [`Lang::ALL`] order.
/// Each language's files are joined: `main.ftl` (layout, sign-in, organisation, positions,
/// editing), `search.ftl`, `workflow.ftl` (lifecycle, reviews, checks) and `documents.ftl`
/// (downloads, directives), `paging.ftl` (the pager of long lists), `signatures.ftl` (digital
/// signatures), `tasks.ftl` (the task lists of the start page), `lint.ftl` (the findings of
/// the consistency checks), `history.ftl` (the history of changes in words) and `mail.ftl` (the
/// reminder e-mails composed by `ametijuhend_app::reminders`).
macro_rules! sources {
    ($lang:literal) => {
        concat!(
            include_str!(concat!("../i18n/", $lang, "/main.ftl")),
            "\n",
            include_str!(concat!("../i18n/", $lang, "/search.ftl")),
            "\n",
            include_str!(concat!("../i18n/", $lang, "/workflow.ftl")),
            "\n",
            include_str!(concat!("../i18n/", $lang, "/documents.ftl")),
            "\n",
            include_str!(concat!("../i18n/", $lang, "/paging.ftl")),
            "\n",
            include_str!(concat!("../i18n/", $lang, "/tasks.ftl")),
            "\n",
            include_str!(concat!("../i18n/", $lang, "/signatures.ftl")),
            "\n",
            include_str!(concat!("../i18n/", $lang, "/lint.ftl")),
            "\n",
            include_str!(concat!("../i18n/", $lang, "/history.ftl")),
            "\n",
            include_str!(concat!("../i18n/", $lang, "/mail.ftl")),
        )
    };
}

pub const SOURCES: [&str; 3] = [sources!("et"), sources!("en"), sources!("ru")];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> Bundle {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(SOURCES[lang.index()].to_string()) {
        Ok(r) => r,
        Err((r, errors)) => {
            tracing::error!(lang = lang.code(), ?errors, "the Fluent file has errors");
            r
        }
    };
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(
            lang = lang.code(),
            ?errors,
            "the Fluent file has duplicate keys"
        );
    }
    bundle
}

static BUNDLES: LazyLock<[Bundle; 3]> =
    LazyLock::new(|| [bundle(Lang::Et), bundle(Lang::En), bundle(Lang::Ru)]);

/// An argument of a message: text or a number (numbers select plural forms).
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(i64::from(n))
    }
}

/// The message `key` in `lang` with arguments. A missing key is logged and shown as the key
/// itself (a test keeps every key present in every language).
pub fn translate(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let bundle = &BUNDLES[lang.index()];
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        tracing::warn!(lang = lang.code(), key, "missing interface text");
        return key.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Str(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned();
    if !errors.is_empty() {
        tracing::warn!(
            lang = lang.code(),
            key,
            ?errors,
            "interface text has errors"
        );
    }
    text
}

/// True when the interface has the message `key` in `lang`.
pub fn has(lang: Lang, key: &str) -> bool {
    BUNDLES[lang.index()].get_message(key).is_some()
}

/// Every message key of a Fluent source.
pub fn keys(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_file_parses_and_every_key_exists_in_every_language() {
        for (lang, src) in Lang::ALL.iter().zip(SOURCES) {
            if let Err((_, errors)) = FluentResource::try_new(src.to_string()) {
                panic!("{}: {errors:?}", lang.code());
            }
        }
        let sets: Vec<BTreeSet<String>> = SOURCES
            .iter()
            .map(|s| keys(s).into_iter().collect())
            .collect();
        for (lang, set) in Lang::ALL.iter().zip(&sets).skip(1) {
            let missing: Vec<_> = sets[0].difference(set).collect();
            let extra: Vec<_> = set.difference(&sets[0]).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in et {extra:?}",
                lang.code()
            );
        }
    }

    /// The reminder e-mails are composed in the application layer: every `mail-` key it uses
    /// exists.
    #[test]
    fn every_mail_key_used_by_the_reminders_exists() {
        let et: BTreeSet<String> = keys(SOURCES[0]).into_iter().collect();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/src/reminders.rs");
        let text = std::fs::read_to_string(path).expect("the reminders module");
        let used: BTreeSet<String> = text
            .split("\"mail-")
            .skip(1)
            .filter_map(|part| part.split('"').next())
            .map(|k| format!("mail-{k}"))
            .collect();
        assert!(used.len() >= 5, "{used:?}");
        let missing: Vec<_> = used.difference(&et).collect();
        assert!(missing.is_empty(), "keys used but not defined: {missing:?}");
    }

    #[test]
    fn russian_plurals() {
        let n = |k: i64| translate(Lang::Ru, "count-positions", &[("count", Arg::Num(k))]);
        assert_eq!(n(1), "1 должность");
        assert_eq!(n(2), "2 должности");
        assert_eq!(n(5), "5 должностей");
        assert_eq!(n(21), "21 должность");
        assert_eq!(
            translate(Lang::Et, "count-positions", &[("count", Arg::Num(1))]),
            "1 ametikoht"
        );
        assert_eq!(
            translate(Lang::En, "count-positions", &[("count", Arg::Num(2))]),
            "2 positions"
        );
    }
}
