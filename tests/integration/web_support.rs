//! Set-up shared by the web tests: a server over the domain's sample registry with one account
//! per role, signed-in clients, the export to compare before and after, and reading pages the
//! way a browser does (the fields a form submits, the text of `<main>`).

use crate::support::{Client, Registry, Response, Server, sample_json};
use ametijuhend_domain::sample::ids;
pub use ametijuhend_web::i18n::{Lang, translate};

/// The accounts of [`Site`], one per role.
pub const ACCOUNTS: [&str; 5] = ["admin", "hr", "manager", "staff", "auditor"];

/// The password of a [`Site`] account.
pub fn password(username: &str) -> String {
    format!("password-of-{username}")
}

/// A running server over the sample registry with the accounts of [`ACCOUNTS`]: `manager`
/// manages "Teenuste osakond" (with "Perehüvitiste talitus" and "Õigusküsimuste tiim" below
/// it), `staff` holds "Peaspetsialist (STAR kasutajatugi)".
pub struct Site {
    pub reg: Registry,
    pub server: Server,
}

impl Site {
    pub fn sqlite() -> Self {
        Self::on(Registry::sqlite())
    }

    pub fn postgres() -> Self {
        Self::on(Registry::postgres())
    }

    /// A site on each backend, named.
    pub fn both() -> Vec<(&'static str, Site)> {
        vec![("sqlite", Self::sqlite()), ("postgres", Self::postgres())]
    }

    pub fn on(reg: Registry) -> Self {
        Self::with_args(reg, &[])
    }

    /// A site whose `serve` gets `args` too (e.g. `--session-ttl`).
    pub fn with_args(reg: Registry, args: &[&str]) -> Self {
        reg.run_with_stdin(&["restore", "-"], sample_json().as_bytes())
            .ok();
        let services = ids::services_department().to_string();
        let star = ids::star_support().to_string();
        let extra: [(&str, Vec<&str>); 5] = [
            (
                "admin",
                vec!["--role", "administrator", "--name", "Anne Admin"],
            ),
            ("hr", vec!["--role", "hr", "--name", "Helle Personal"]),
            (
                "manager",
                vec![
                    "--role",
                    "manager",
                    "--unit",
                    &services,
                    "--name",
                    "Mati Juht",
                ],
            ),
            (
                "staff",
                vec![
                    "--role",
                    "staff",
                    "--position",
                    &star,
                    "--name",
                    "Siim Teenistuja",
                ],
            ),
            (
                "auditor",
                vec!["--role", "auditor", "--name", "Aino Audiitor"],
            ),
        ];
        for (username, args) in &extra {
            reg.add_user(username, &password(username), args);
        }
        let server = reg.serve(args);
        Self { reg, server }
    }

    /// An anonymous client.
    pub fn anonymous(&self) -> Client<'_> {
        Client::new(&self.server)
    }

    /// A client signed in as `username`.
    #[track_caller]
    pub fn client(&self, username: &str) -> Client<'_> {
        let mut c = Client::new(&self.server);
        let r = c.login(username, &password(username));
        assert_eq!(r.status, 303, "{username} signs in: {}", r.body);
        c
    }

    /// The whole registry as `export` writes it.
    pub fn export(&self) -> String {
        self.reg.run(&["export"]).ok().stdout
    }
}

/// The path part of the `Location` header.
pub fn location(r: &Response) -> String {
    r.header("location").unwrap_or_default().to_string()
}

/// A text as askama writes it into a page (numeric character references).
pub fn escaped(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '&' => out.push_str("&#38;"),
            '<' => out.push_str("&#60;"),
            '>' => out.push_str("&#62;"),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A message of the interface in `lang`, as it appears in a page.
pub fn ui(lang: Lang, key: &str) -> String {
    let text = translate(lang, key, &[]);
    assert_ne!(text, key, "the interface has the text {key}");
    escaped(&text)
}

/// Undoes askama's escaping (and the numeric character references it writes).
pub fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `<main>` element of a page.
pub fn main_of(body: &str) -> &str {
    let start = body.find("<main").unwrap_or(0);
    let end = body.find("</main>").map_or(body.len(), |e| e + 7);
    &body[start..end.max(start)]
}

/// The text of a piece of HTML without its tags (attribute values are not text).
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text of a piece of HTML as one line of words (tags and runs of white space as one
/// space), as a reader sees it.
pub fn words(html: &str) -> String {
    text_of(html)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many times `needle` occurs in `hay`.
pub fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// The value of attribute `name` in the text of one tag (`<input type="text" name="x">`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

/// True when the tag has the bare attribute `name` (`checked`, `selected`).
fn flag(tag: &str, name: &str) -> bool {
    tag.trim_end_matches('>')
        .split_whitespace()
        .any(|w| w == name || w.starts_with(&format!("{name}=")))
}

/// The fields a browser submits with the form whose `action` is `action`, without its submit
/// buttons: inputs (hidden and text, checkboxes when checked), textareas, and the selected
/// option of each select (the first when none is selected).
#[track_caller]
pub fn form_fields(body: &str, action: &str) -> Vec<(String, String)> {
    let marker = format!("action=\"{action}\"");
    let start = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no form with {marker} in the page"));
    let end = body[start..]
        .find("</form>")
        .map_or(body.len(), |e| e + start);
    let form = &body[start..end];
    let mut fields = Vec::new();
    let mut pos = 0;
    while let Some(i) = form[pos..].find('<') {
        let at = pos + i;
        let tag_end = form[at..].find('>').map_or(form.len(), |e| at + e + 1);
        let tag = &form[at..tag_end];
        pos = tag_end;
        if tag.starts_with("<input") {
            let kind = attr(tag, "type").unwrap_or_else(|| "text".into());
            if matches!(kind.as_str(), "submit" | "button") {
                continue;
            }
            if kind == "checkbox" && !flag(tag, "checked") {
                continue;
            }
            if let Some(name) = attr(tag, "name") {
                fields.push((name, attr(tag, "value").unwrap_or_default()));
            }
        } else if tag.starts_with("<textarea") {
            let close = form[pos..]
                .find("</textarea>")
                .map_or(form.len(), |e| pos + e);
            if let Some(name) = attr(tag, "name") {
                fields.push((name, unescape(&form[pos..close])));
            }
            pos = close;
        } else if tag.starts_with("<select") {
            let close = form[pos..]
                .find("</select>")
                .map_or(form.len(), |e| pos + e);
            let options: Vec<&str> = form[pos..close]
                .split("<option")
                .skip(1)
                .map(|o| o.split('>').next().unwrap_or(""))
                .collect();
            let chosen = options
                .iter()
                .find(|o| flag(o, "selected"))
                .or(options.first());
            if let (Some(name), Some(o)) = (attr(tag, "name"), chosen) {
                fields.push((name, attr(&format!(" {o}"), "value").unwrap_or_default()));
            }
            pos = close;
        }
    }
    fields
}

/// Sets `name` to `value` in form fields (added when missing).
pub fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    match fields.iter_mut().find(|(k, _)| k == name) {
        Some(f) => f.1 = value.to_string(),
        None => fields.push((name.to_string(), value.to_string())),
    }
}

/// The value of field `name`.
pub fn field<'f>(fields: &'f [(String, String)], name: &str) -> Option<&'f str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Form fields as the client's `post` takes them.
pub fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// Checks what every page of the application has: `<html lang>` of the language, exactly one
/// `<h1>`, and no trace of a program error.
#[track_caller]
pub fn assert_page(r: &Response, lang: Lang, what: &str) {
    assert!(
        r.body.contains(&format!("<html lang=\"{}\">", lang.code())),
        "{what}: <html lang=\"{}\"> expected",
        lang.code()
    );
    assert_eq!(count(&r.body, "<h1"), 1, "{what}: one <h1>");
    for trace in ["panicked", "RUST_BACKTRACE", "stack backtrace", "sqlx::"] {
        assert!(!r.body.contains(trace), "{what}: the page shows '{trace}'");
    }
}
