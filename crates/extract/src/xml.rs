//! A namespace-aware XML walker for document parts, refusing DTDs and entities.
//!
//! `quick-xml` never expands custom entities, but a part with a `DOCTYPE` is refused
//! explicitly anyway: real Word and LibreOffice documents never contain one, and the
//! entity-expansion ("billion laughs") and external-entity attacks all start with it.
//! References other than the five predefined entities and character references are errors.

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use crate::{ExtractError, Format};

/// WordprocessingML main namespace (transitional and strict).
pub(crate) const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(crate) const NS_W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Markup compatibility (`mc:AlternateContent`).
pub(crate) const NS_MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// ODF text, table and office namespaces.
pub(crate) const NS_TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
pub(crate) const NS_TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
pub(crate) const NS_OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

/// Deepest element nesting accepted; far beyond any real document.
const MAX_DEPTH: usize = 2_000;

/// A start tag as seen by a [`Sink`].
pub(crate) struct Tag<'a> {
    /// The namespace URI, or "" when unbound.
    pub(crate) ns: &'a str,
    /// The local name.
    pub(crate) local: &'a str,
    start: &'a BytesStart<'a>,
}

impl Tag<'_> {
    /// True if the tag is `local` in the WordprocessingML namespace.
    pub(crate) fn is_w(&self, local: &str) -> bool {
        (self.ns == NS_W || self.ns == NS_W_STRICT) && self.local == local
    }

    /// The value of the first attribute with this local name (any prefix), unescaped.
    pub(crate) fn attr(&self, local: &str) -> Option<String> {
        self.start.attributes().flatten().find_map(|a| {
            if a.key.local_name().as_ref() == local {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            } else {
                None
            }
        })
    }
}

/// Receives the events of a part.
pub(crate) trait Sink {
    /// An element starts (also for empty elements, which are followed by [`Sink::end`]).
    fn start(&mut self, tag: &Tag<'_>);
    /// An element ends.
    fn end(&mut self, ns: &str, local: &str);
    /// Character data (entities resolved).
    fn text(&mut self, text: &str);
}

/// Parses `bytes` (the zip entry `part` of a `format` file) and feeds `sink`.
pub(crate) fn walk(
    bytes: &[u8],
    format: Format,
    part: &str,
    sink: &mut impl Sink,
) -> Result<(), ExtractError> {
    let malformed = |detail: String| ExtractError::MalformedXml {
        format,
        part: part.to_owned(),
        detail,
    };
    let decoded;
    let source: &str = if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        let encoding = if bytes[0] == 0xff {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        decoded = encoding.decode_with_bom_removal(bytes).0;
        &decoded
    } else {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        std::str::from_utf8(bytes).map_err(|err| malformed(format!("not UTF-8: {err}")))?
    };
    let mut reader = NsReader::from_str(source);
    let mut depth = 0usize;
    loop {
        let (ns, event) = match reader.read_resolved_event() {
            Ok((resolved, event)) => (namespace(&resolved), event),
            Err(err) => {
                return Err(malformed(format!(
                    "at byte {}: {err}",
                    reader.error_position()
                )));
            }
        };
        match event {
            Event::Start(start) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(malformed(format!(
                        "elements nested deeper than {MAX_DEPTH} levels"
                    )));
                }
                let local = start.local_name().into_inner();
                sink.start(&Tag {
                    ns: &ns,
                    local,
                    start: &start,
                });
            }
            Event::Empty(start) => {
                let local = start.local_name().into_inner();
                sink.start(&Tag {
                    ns: &ns,
                    local,
                    start: &start,
                });
                sink.end(&ns, local);
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                let local = end.local_name().into_inner();
                sink.end(&ns, local);
            }
            Event::Text(text) => sink.text(&text.xml10_content()),
            Event::CData(data) => sink.text(&data.xml10_content()),
            Event::GeneralRef(reference) => {
                if let Some(c) = reference
                    .resolve_char_ref()
                    .map_err(|err| malformed(format!("bad character reference: {err}")))?
                {
                    let mut buf = [0u8; 4];
                    sink.text(c.encode_utf8(&mut buf));
                } else {
                    let name = reference.xml10_content();
                    let text = match name.as_ref() {
                        "lt" => "<",
                        "gt" => ">",
                        "amp" => "&",
                        "apos" => "'",
                        "quot" => "\"",
                        other => return Err(malformed(format!("undeclared entity “&{other};”"))),
                    };
                    sink.text(text);
                }
            }
            Event::DocType(_) => {
                return Err(ExtractError::XmlDoctype {
                    format,
                    part: part.to_owned(),
                });
            }
            Event::Eof => return Ok(()),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
}

fn namespace(resolved: &ResolveResult<'_>) -> String {
    match resolved {
        ResolveResult::Bound(ns) => ns.0.to_owned(),
        _ => String::new(),
    }
}
