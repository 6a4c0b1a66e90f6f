//! A small, strict XML tree for signatures and manifests: built from quick-xml events, it keeps
//! what canonicalisation needs (qualified names with their prefixes, namespace declarations,
//! attribute order as written, text, comments, processing instructions) and refuses what a
//! signature never needs and an attacker loves: document type declarations, entity references
//! other than the five predefined ones, documents over a size limit and nesting deeper than a limit.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// Limits for one XML document.
#[derive(Debug, Clone, Copy)]
pub struct XmlLimits {
    /// Largest document, in bytes.
    pub max_bytes: usize,
    /// Deepest element nesting.
    pub max_depth: usize,
    /// Most nodes (elements, texts, comments) in the document.
    pub max_nodes: usize,
}

impl Default for XmlLimits {
    fn default() -> Self {
        Self {
            max_bytes: 4 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 100_000,
        }
    }
}

/// Index of a node in [`Document::nodes`].
pub type NodeId = usize;

/// One attribute as written: qualified name (with prefix) and normalised, unescaped value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub qname: String,
    pub value: String,
}

impl Attribute {
    /// The prefix of the name (`ds` of `ds:Id`), or `None`.
    pub fn prefix(&self) -> Option<&str> {
        self.qname.split_once(':').map(|(p, _)| p)
    }
    /// The local part of the name.
    pub fn local(&self) -> &str {
        self.qname.split_once(':').map_or(&self.qname, |(_, l)| l)
    }
}

/// A node of the tree.
#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
    Comment(String),
    Pi { target: String, data: String },
}

/// An element: its qualified name, its namespace declarations (prefix, URI; the default namespace
/// has the empty prefix), its other attributes, its children and its parent.
#[derive(Debug, Clone)]
pub struct Element {
    pub qname: String,
    pub namespaces: Vec<(String, String)>,
    pub attributes: Vec<Attribute>,
    pub children: Vec<NodeId>,
    pub parent: Option<NodeId>,
}

impl Element {
    pub fn prefix(&self) -> Option<&str> {
        self.qname.split_once(':').map(|(p, _)| p)
    }
    pub fn local(&self) -> &str {
        self.qname.split_once(':').map_or(&self.qname, |(_, l)| l)
    }
    /// An unprefixed attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.qname == name)
            .map(|a| a.value.as_str())
    }
}

/// A parsed document: the nodes and the root element.
#[derive(Debug, Clone)]
pub struct Document {
    pub nodes: Vec<Node>,
    pub root: NodeId,
}

/// Why a document was refused.
#[derive(Debug, Clone, thiserror::Error)]
pub enum XmlError {
    #[error("the XML is larger than {limit} bytes ({size} bytes)")]
    TooLarge { size: usize, limit: usize },
    #[error("the XML nests elements deeper than {0} levels")]
    TooDeep(usize),
    #[error("the XML has more than {0} nodes")]
    TooManyNodes(usize),
    #[error(
        "the XML has a document type declaration (<!DOCTYPE>); signatures and manifests never need one and it is refused (entities could expand without bound)"
    )]
    Doctype,
    #[error(
        "the XML refers to the entity '&{0};'; only the five predefined entities and character references are accepted"
    )]
    Entity(String),
    #[error("the XML is not UTF-8")]
    NotUtf8,
    #[error("the XML is malformed at byte {position}: {message}")]
    Malformed { position: u64, message: String },
}

const PREDEFINED: [(&str, char); 5] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
];

fn entity(name: &str) -> Result<char, XmlError> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix('x') {
            u32::from_str_radix(hex, 16).ok()
        } else {
            num.parse::<u32>().ok()
        };
        return code
            .and_then(char::from_u32)
            .ok_or_else(|| XmlError::Entity(name.to_owned()));
    }
    PREDEFINED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .ok_or_else(|| XmlError::Entity(name.to_owned()))
}

/// Attribute value normalisation (XML 1.0 § 3.3.3, CDATA attributes): literal white space
/// becomes a space, references are replaced by their characters.
fn attribute_value(raw: &str) -> Result<String, XmlError> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(['&', '\t', '\n', '\r']) {
        out.push_str(&rest[..i]);
        let c = rest.as_bytes()[i];
        if c == b'&' {
            let end = rest[i..]
                .find(';')
                .ok_or_else(|| XmlError::Entity(rest[i + 1..].chars().take(16).collect()))?;
            out.push(entity(&rest[i + 1..i + end])?);
            rest = &rest[i + end + 1..];
        } else {
            out.push(' ');
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

struct Builder {
    nodes: Vec<Node>,
    stack: Vec<NodeId>,
    root: Option<NodeId>,
    limits: XmlLimits,
}

impl Builder {
    fn push(&mut self, node: Node) -> Result<NodeId, XmlError> {
        if self.nodes.len() >= self.limits.max_nodes {
            return Err(XmlError::TooManyNodes(self.limits.max_nodes));
        }
        let id = self.nodes.len();
        let parent = self.stack.last().copied();
        self.nodes.push(node);
        if let Some(p) = parent
            && let Node::Element(e) = &mut self.nodes[p]
        {
            e.children.push(id);
        }
        Ok(id)
    }

    fn text(&mut self, s: &str) -> Result<(), XmlError> {
        // Text outside the root element is not part of the data model.
        let Some(&parent) = self.stack.last() else {
            return Ok(());
        };
        if let Node::Element(e) = &self.nodes[parent]
            && let Some(&last) = e.children.last()
            && let Node::Text(t) = &mut self.nodes[last]
        {
            t.push_str(s);
            return Ok(());
        }
        self.push(Node::Text(s.to_owned())).map(|_| ())
    }

    fn start(&mut self, e: &BytesStart, empty: bool) -> Result<(), XmlError> {
        if self.stack.len() >= self.limits.max_depth {
            return Err(XmlError::TooDeep(self.limits.max_depth));
        }
        let qname: String = e.name().as_ref().to_owned();
        let mut namespaces = Vec::new();
        let mut attributes = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|err| XmlError::Malformed {
                position: 0,
                message: err.to_string(),
            })?;
            let key: &str = a.key.as_ref();
            let raw: &str = &a.value;
            let value = attribute_value(raw)?;
            if key == "xmlns" {
                namespaces.push((String::new(), value));
            } else if let Some(p) = key.strip_prefix("xmlns:") {
                namespaces.push((p.to_owned(), value));
            } else {
                attributes.push(Attribute {
                    qname: key.to_owned(),
                    value,
                });
            }
        }
        let parent = self.stack.last().copied();
        if parent.is_none() && self.root.is_some() {
            return Err(XmlError::Malformed {
                position: 0,
                message: "more than one root element".into(),
            });
        }
        let id = self.push(Node::Element(Element {
            qname,
            namespaces,
            attributes,
            children: Vec::new(),
            parent,
        }))?;
        if parent.is_none() {
            self.root = Some(id);
        }
        if !empty {
            self.stack.push(id);
        }
        Ok(())
    }
}

/// Parses a document within the limits.
pub fn parse(bytes: &[u8], limits: XmlLimits) -> Result<Document, XmlError> {
    if bytes.len() > limits.max_bytes {
        return Err(XmlError::TooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| XmlError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // End-of-line handling (XML 1.0 § 2.11) before parsing.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut reader = Reader::from_str(&text);
    reader.config_mut().check_end_names = true;
    let mut b = Builder {
        nodes: Vec::new(),
        stack: Vec::new(),
        root: None,
        limits,
    };
    let malformed = |reader: &Reader<&[u8]>, message: String| XmlError::Malformed {
        position: reader.buffer_position(),
        message,
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| malformed(&reader, e.to_string()))?;
        match event {
            Event::DocType(_) => return Err(XmlError::Doctype),
            Event::Start(e) => b.start(&e, false)?,
            Event::Empty(e) => b.start(&e, true)?,
            Event::End(_) => {
                b.stack.pop();
            }
            Event::Text(t) => {
                let s = &*t;
                if b.stack.is_empty() && !s.trim().is_empty() {
                    return Err(malformed(&reader, "text outside the root element".into()));
                }
                b.text(s)?;
            }
            Event::CData(t) => {
                let s = &*t;
                b.text(s)?;
            }
            Event::GeneralRef(r) => {
                let name = &*r;
                let c = entity(name)?;
                b.text(c.encode_utf8(&mut [0; 4]))?;
            }
            Event::Comment(t) => {
                let s = &*t;
                if !b.stack.is_empty() {
                    b.push(Node::Comment(s.to_owned()))?;
                }
            }
            Event::PI(pi) => {
                let raw = &*pi;
                let (target, data) = raw.split_once(char::is_whitespace).unwrap_or((raw, ""));
                if !b.stack.is_empty() {
                    b.push(Node::Pi {
                        target: target.to_owned(),
                        data: data.trim_start().to_owned(),
                    })?;
                }
            }
            Event::Decl(_) => {}
            Event::Eof => break,
        }
    }
    if !b.stack.is_empty() {
        return Err(malformed(
            &reader,
            "the document ends inside an element".into(),
        ));
    }
    let root = b
        .root
        .ok_or_else(|| malformed(&reader, "no root element".into()))?;
    Ok(Document {
        nodes: b.nodes,
        root,
    })
}

impl Document {
    /// The element with this id (panics never: non-elements give `None`).
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match self.nodes.get(id) {
            Some(Node::Element(e)) => Some(e),
            _ => None,
        }
    }

    /// The namespace URI a prefix (or the default namespace, for `None`) maps to at this element.
    pub fn resolve(&self, mut id: NodeId, prefix: Option<&str>) -> Option<&str> {
        let prefix = prefix.unwrap_or("");
        if prefix == "xml" {
            return Some("http://www.w3.org/XML/1998/namespace");
        }
        loop {
            let e = self.element(id)?;
            if let Some((_, uri)) = e.namespaces.iter().find(|(p, _)| p == prefix) {
                return Some(uri.as_str()).filter(|u| !u.is_empty());
            }
            id = e.parent?;
        }
    }

    /// The element's (namespace URI, local name).
    pub fn name(&self, id: NodeId) -> Option<(&str, &str)> {
        let e = self.element(id)?;
        Some((self.resolve(id, e.prefix()).unwrap_or(""), e.local()))
    }

    /// Is the element `{ns}local`?
    pub fn is(&self, id: NodeId, ns: &str, local: &str) -> bool {
        self.name(id) == Some((ns, local))
    }

    /// The child elements.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.element(id)
            .map(|e| e.children.as_slice())
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|c| matches!(self.nodes[*c], Node::Element(_)))
    }

    /// The first child element `{ns}local`.
    pub fn child(&self, id: NodeId, ns: &str, local: &str) -> Option<NodeId> {
        self.children(id).find(|c| self.is(*c, ns, local))
    }

    /// All child elements `{ns}local`.
    pub fn children_named<'a>(
        &'a self,
        id: NodeId,
        ns: &'a str,
        local: &'a str,
    ) -> impl Iterator<Item = NodeId> + 'a {
        self.children(id).filter(move |c| self.is(*c, ns, local))
    }

    /// Every descendant element (depth first, document order), the element itself first.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            if let Some(e) = self.element(n) {
                out.push(n);
                for c in e.children.iter().rev() {
                    stack.push(*c);
                }
            }
        }
        out
    }

    /// The concatenated text of the element's text children.
    pub fn text(&self, id: NodeId) -> String {
        let mut s = String::new();
        if let Some(e) = self.element(id) {
            for c in &e.children {
                if let Node::Text(t) = &self.nodes[*c] {
                    s.push_str(t);
                }
            }
        }
        s
    }

    /// Elements whose `Id` attribute (unprefixed, any case of the usual spellings) is `value`.
    pub fn by_id(&self, value: &str) -> Vec<NodeId> {
        self.descendants(self.root)
            .into_iter()
            .filter(|n| {
                self.element(*n).is_some_and(|e| {
                    e.attributes
                        .iter()
                        .any(|a| matches!(a.qname.as_str(), "Id" | "ID" | "id") && a.value == value)
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctype_and_entities_are_refused() {
        let bomb = b"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"xx\">]><a>&x;</a>";
        assert!(matches!(
            parse(bomb, XmlLimits::default()),
            Err(XmlError::Doctype)
        ));
        let external = b"<a>&x;</a>";
        assert!(matches!(
            parse(external, XmlLimits::default()),
            Err(XmlError::Entity(n)) if n == "x"
        ));
    }

    #[test]
    fn deep_nesting_and_size_are_limited() {
        let deep = "<a>".repeat(100) + &"</a>".repeat(100);
        assert!(matches!(
            parse(deep.as_bytes(), XmlLimits::default()),
            Err(XmlError::TooDeep(64))
        ));
        let limits = XmlLimits {
            max_bytes: 10,
            ..XmlLimits::default()
        };
        assert!(matches!(
            parse(b"<a>0123456789</a>", limits),
            Err(XmlError::TooLarge { .. })
        ));
    }

    #[test]
    fn references_and_attributes_are_resolved() {
        let d = parse(
            b"<p:a xmlns:p=\"urn:x\" b=\"1&#10;2\n3 &amp;\">x &lt; y&#x41;</p:a>",
            XmlLimits::default(),
        )
        .unwrap();
        let e = d.element(d.root).unwrap();
        assert_eq!(e.attr("b"), Some("1\n2 3 &"));
        assert_eq!(d.text(d.root), "x < yA");
        assert_eq!(d.name(d.root), Some(("urn:x", "a")));
    }

    #[test]
    fn truncated_documents_are_refused() {
        assert!(parse(b"<a><b></b>", XmlLimits::default()).is_err());
        assert!(parse(b"<a><b></a>", XmlLimits::default()).is_err());
    }
}
