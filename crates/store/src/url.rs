//! Database URLs: which backend and database a URL names, and how to show a URL without its
//! password.

use crate::{Result, StoreError};
use std::path::PathBuf;

/// What a database URL points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A SQLite database file.
    SqliteFile(PathBuf),
    /// A private in-memory SQLite database (`sqlite::memory:`), gone when the store is dropped.
    SqliteMemory,
    /// A PostgreSQL database, given by its URL as written.
    Postgres(String),
}

/// Parses `sqlite://PATH`, `sqlite:PATH`, `sqlite::memory:`, `postgres://…`, `postgresql://…`.
pub(crate) fn parse(url: &str) -> Result<Target> {
    let url = url.trim();
    let unsupported = || StoreError::UnsupportedUrl { url: redact(url) };
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
        return Ok(Target::Postgres(url.to_string()));
    }
    if lower.starts_with("sqlite:") {
        let rest = &url["sqlite:".len()..];
        if rest == ":memory:" || rest == "//:memory:" {
            return Ok(Target::SqliteMemory);
        }
        let path = rest.strip_prefix("//").unwrap_or(rest);
        if path.is_empty() {
            return Err(unsupported());
        }
        return Ok(Target::SqliteFile(PathBuf::from(path)));
    }
    Err(unsupported())
}

/// The URL with the password (in the user part or a `password=` parameter) replaced by `***`.
pub fn redact(url: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (url, None),
    };
    let mut out = match head.split_once("://") {
        // The user part ends at the last '@' (a password may hold '/' or '@' unencoded).
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((user_info, host_and_path)) => match user_info.split_once(':') {
                Some((user, _password)) => format!("{scheme}://{user}:***@{host_and_path}"),
                None => format!("{scheme}://{user_info}@{host_and_path}"),
            },
            None => format!("{scheme}://{rest}"),
        },
        None => head.to_string(),
    };
    if let Some(q) = query {
        let params: Vec<String> = q
            .split('&')
            .map(|p| match p.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => p.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&params.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_their_backend() {
        assert_eq!(
            parse("sqlite:///var/lib/a.db").ok(),
            Some(Target::SqliteFile("/var/lib/a.db".into()))
        );
        assert_eq!(
            parse("sqlite://data/a.db").ok(),
            Some(Target::SqliteFile("data/a.db".into()))
        );
        assert_eq!(
            parse("sqlite:a.db").ok(),
            Some(Target::SqliteFile("a.db".into()))
        );
        assert_eq!(parse("sqlite::memory:").ok(), Some(Target::SqliteMemory));
        assert!(matches!(
            parse("postgresql://u@h:5432/db"),
            Ok(Target::Postgres(_))
        ));
        assert!(matches!(
            parse("sqlite://"),
            Err(StoreError::UnsupportedUrl { .. })
        ));
        let err = parse("mysql://root:geheim@db/x")
            .err()
            .map(|e| e.to_string());
        let err = err.unwrap_or_default();
        assert!(err.contains("mysql://root:***@db/x"), "{err}");
        assert!(!err.contains("geheim"), "{err}");
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://u:p%40ss@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("postgres://u:a/b@c@h/db"), "postgres://u:***@h/db");
        assert_eq!(
            redact("postgres://h/db?user=u&password=x&sslmode=require"),
            "postgres://h/db?user=u&password=***&sslmode=require"
        );
        assert_eq!(redact("sqlite:a.db"), "sqlite:a.db");
    }
}
