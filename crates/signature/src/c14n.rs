//! XML canonicalisation of one element and its descendants (the document subset a signature's
//! `SignedInfo`, a `#id` reference or a time-stamped `SignatureValue` selects): Canonical XML 1.0
//! and 1.1 (inclusive) and Exclusive XML Canonicalization 1.0, each with or without comments.
//!
//! Inclusive forms render on the apex element every namespace in scope there (and, for 1.0, the
//! inherited `xml:` attributes); exclusive form renders only the namespaces an element visibly
//! uses (and those of the `InclusiveNamespaces` prefix list) that an output ancestor has not
//! already rendered. Attributes are sorted by namespace URI and local name, namespace declarations
//! by prefix; empty elements are written as start and end tag; text and attribute values are
//! escaped as the recommendations say.

use crate::xml::{Document, Node, NodeId};
use std::collections::BTreeMap;

pub const C14N10: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
pub const C14N10_COMMENTS: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
pub const C14N11: &str = "http://www.w3.org/2006/12/xml-c14n11";
pub const C14N11_COMMENTS: &str = "http://www.w3.org/2006/12/xml-c14n11#WithComments";
pub const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
pub const EXC_C14N_COMMENTS: &str = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";

/// A canonicalisation algorithm with its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method {
    pub exclusive: bool,
    pub comments: bool,
    /// Canonical XML 1.1 (differs from 1.0 in which `xml:` attributes the apex inherits).
    pub version_11: bool,
    /// Exclusive form only: prefixes treated inclusively (`#default` is the default namespace).
    pub inclusive_prefixes: Vec<String>,
}

impl Method {
    /// The method named by an `Algorithm` URI, or `None` for one that is not a canonicalisation.
    pub fn from_uri(uri: &str) -> Option<Self> {
        let (exclusive, comments, version_11) = match uri {
            C14N10 => (false, false, false),
            C14N10_COMMENTS => (false, true, false),
            C14N11 => (false, false, true),
            C14N11_COMMENTS => (false, true, true),
            EXC_C14N => (true, false, false),
            EXC_C14N_COMMENTS => (true, true, false),
            _ => return None,
        };
        Some(Self {
            exclusive,
            comments,
            version_11,
            inclusive_prefixes: Vec::new(),
        })
    }

    /// The default for a same-document reference without transforms: Canonical XML 1.0.
    pub fn default_inclusive() -> Self {
        Self::from_uri(C14N10).unwrap_or(Self {
            exclusive: false,
            comments: false,
            version_11: false,
            inclusive_prefixes: Vec::new(),
        })
    }
}

/// Namespaces in scope at an element: prefix → URI (the default namespace under "").
fn in_scope(doc: &Document, id: NodeId) -> BTreeMap<String, String> {
    let mut chain = Vec::new();
    let mut cur = Some(id);
    while let Some(n) = cur {
        let Some(e) = doc.element(n) else { break };
        chain.push(n);
        cur = e.parent;
    }
    let mut map = BTreeMap::new();
    for n in chain.into_iter().rev() {
        if let Some(e) = doc.element(n) {
            for (p, u) in &e.namespaces {
                map.insert(p.clone(), u.clone());
            }
        }
    }
    map
}

fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

/// Canonicalises the element `apex` and its descendants.
pub fn canonicalize(doc: &Document, apex: NodeId, method: &Method) -> Vec<u8> {
    let mut out = String::new();
    let rendered = BTreeMap::new();
    write_element(doc, apex, method, &rendered, true, &mut out);
    out.into_bytes()
}

fn write_element(
    doc: &Document,
    id: NodeId,
    method: &Method,
    rendered: &BTreeMap<String, String>,
    apex: bool,
    out: &mut String,
) {
    let Some(e) = doc.element(id) else { return };
    let scope = in_scope(doc, id);
    // Which namespace declarations this element outputs.
    let mut decls: BTreeMap<String, String> = BTreeMap::new();
    let wanted: Vec<String> = if method.exclusive {
        let mut w = vec![e.prefix().unwrap_or("").to_owned()];
        for a in &e.attributes {
            if let Some(p) = a.prefix()
                && p != "xml"
            {
                w.push(p.to_owned());
            }
        }
        for p in &method.inclusive_prefixes {
            let p = if p == "#default" { "" } else { p.as_str() };
            if scope.contains_key(p) {
                w.push(p.to_owned());
            }
        }
        w
    } else {
        scope.keys().cloned().collect()
    };
    for p in wanted {
        let uri = scope.get(&p).cloned().unwrap_or_default();
        let before = rendered.get(&p).cloned().unwrap_or_default();
        if uri != before {
            decls.insert(p, uri);
        }
    }
    let mut now_rendered = rendered.clone();
    for (p, u) in &decls {
        now_rendered.insert(p.clone(), u.clone());
    }

    // Attributes, with the `xml:` ones an inclusive apex inherits.
    let mut attrs: Vec<(String, String, String, String)> = Vec::new(); // (ns, local, qname, value)
    for a in &e.attributes {
        let ns = match a.prefix() {
            Some(p) => doc.resolve(id, Some(p)).unwrap_or("").to_owned(),
            None => String::new(),
        };
        attrs.push((ns, a.local().to_owned(), a.qname.clone(), a.value.clone()));
    }
    if apex && !method.exclusive {
        let inherited: &[&str] = if method.version_11 {
            &["lang", "space"]
        } else {
            &["lang", "space", "base", "id"]
        };
        let mut cur = e.parent;
        while let Some(p) = cur {
            let Some(pe) = doc.element(p) else { break };
            for a in &pe.attributes {
                if a.prefix() == Some("xml")
                    && inherited.contains(&a.local())
                    && !attrs.iter().any(|x| x.2 == a.qname)
                {
                    attrs.push((
                        "http://www.w3.org/XML/1998/namespace".into(),
                        a.local().to_owned(),
                        a.qname.clone(),
                        a.value.clone(),
                    ));
                }
            }
            cur = pe.parent;
        }
    }
    attrs.sort_by(|a, b| (a.0.as_str(), a.1.as_str()).cmp(&(b.0.as_str(), b.1.as_str())));

    out.push('<');
    out.push_str(&e.qname);
    for (p, u) in &decls {
        if p.is_empty() {
            out.push_str(" xmlns=\"");
        } else {
            out.push_str(" xmlns:");
            out.push_str(p);
            out.push_str("=\"");
        }
        escape_attr(u, out);
        out.push('"');
    }
    for (_, _, qname, value) in &attrs {
        out.push(' ');
        out.push_str(qname);
        out.push_str("=\"");
        escape_attr(value, out);
        out.push('"');
    }
    out.push('>');
    for c in &e.children {
        match &doc.nodes[*c] {
            Node::Element(_) => write_element(doc, *c, method, &now_rendered, false, out),
            Node::Text(t) => escape_text(t, out),
            Node::Comment(t) => {
                if method.comments {
                    out.push_str("<!--");
                    out.push_str(t);
                    out.push_str("-->");
                }
            }
            Node::Pi { target, data } => {
                out.push_str("<?");
                out.push_str(target);
                if !data.is_empty() {
                    out.push(' ');
                    out.push_str(data);
                }
                out.push_str("?>");
            }
        }
    }
    out.push_str("</");
    out.push_str(&e.qname);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::{XmlLimits, parse};

    fn c14n(xml: &str, path: &[usize], method: &str) -> String {
        let d = parse(xml.as_bytes(), XmlLimits::default()).unwrap();
        let mut n = d.root;
        for i in path {
            n = d.children(n).nth(*i).unwrap();
        }
        String::from_utf8(canonicalize(&d, n, &Method::from_uri(method).unwrap())).unwrap()
    }

    const DOC: &str = "<a:r xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" xmlns=\"urn:d\" xml:lang=\"et\"><a:s z=\"1\" b:y=\"2\" a=\"&quot;&#9;\t\"><!--c--><e/>x&amp;&#13;</a:s></a:r>";

    #[test]
    fn inclusive_renders_every_namespace_in_scope_and_inherited_xml_attributes() {
        assert_eq!(
            c14n(DOC, &[0], C14N10),
            "<a:s xmlns=\"urn:d\" xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" a=\"&quot;&#x9; \" z=\"1\" xml:lang=\"et\" b:y=\"2\"><e></e>x&amp;&#xD;</a:s>"
        );
        assert!(c14n(DOC, &[0], C14N10_COMMENTS).contains("<!--c-->"));
    }

    #[test]
    fn exclusive_renders_only_visibly_used_namespaces() {
        assert_eq!(
            c14n(DOC, &[0], EXC_C14N),
            "<a:s xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" a=\"&quot;&#x9; \" z=\"1\" b:y=\"2\"><e xmlns=\"urn:d\"></e>x&amp;&#xD;</a:s>"
        );
    }

    #[test]
    fn a_default_namespace_undeclared_below_is_rendered_empty() {
        let xml = "<r xmlns=\"urn:d\"><s xmlns=\"\"><t/></s></r>";
        assert_eq!(
            c14n(xml, &[], C14N11),
            "<r xmlns=\"urn:d\"><s xmlns=\"\"><t></t></s></r>"
        );
        assert_eq!(c14n(xml, &[0], C14N11), "<s><t></t></s>");
    }
}
