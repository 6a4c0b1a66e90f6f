//! A small XML/HTML text writer: escaping of text and attribute values, and removal of the
//! characters XML 1.0 does not allow (control characters, unpaired code points such as U+FFFE),
//! so that any user text yields a well-formed document.

/// True for a character XML 1.0 allows in a document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || matches!(c as u32, 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// Appends `s` escaped for element content and attribute values (`&`, `<`, `>`, `"`, `'`),
/// dropping characters XML cannot carry.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// `s` escaped (see [`escape_into`]).
#[cfg(test)]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\u{fffe}d\te"), "abcd\te");
        assert_eq!(escape("õäöü šž „“ § €"), "õäöü šž „“ § €");
    }
}
