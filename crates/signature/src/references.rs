//! The references level: each data file's digest (the file named by the reference URI, as it
//! is in the container), exactly one reference of the SignedProperties type pointing at this
//! signature's own SignedProperties (the only element carrying that Id), digested over its
//! canonical form, and every data file covered.

use crate::c14n::{self, Method};
use crate::container::Archive;
use crate::crypto::Hash;
use crate::report::{Indication::Failed, SignatureReport};
use crate::xades::{self, SIGNED_PROPERTIES_TYPE};
use crate::xml::Document;

/// Decodes `%XX` escapes of a reference URI.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) =
                u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Checks the references of a signature into the report.
pub fn check(
    doc: &Document,
    sig: &xades::Signature,
    archive: &Archive,
    data_files: &[String],
    r: &mut SignatureReport,
) {
    let Some((sp_node, sp_id)) = &sig.signed_properties else {
        r.fail(
            Failed,
            "FORMAT_FAILURE",
            "the signature has no SignedProperties: it is not a XAdES signature".into(),
        );
        return;
    };
    let mut sp_refs = 0;
    let mut covered: Vec<String> = Vec::new();
    for reference in &sig.references {
        let Some(hash) = Hash::from_uri(&reference.digest_method) else {
            r.fail(
                Failed,
                "FORMAT_FAILURE",
                format!(
                    "the digest method '{}' is not supported",
                    reference.digest_method
                ),
            );
            continue;
        };
        if let Some(target) = reference.uri.strip_prefix('#') {
            let targets = doc.by_id(target);
            if target != sp_id || targets.len() != 1 || targets[0] != *sp_node {
                r.fail(Failed, "FORMAT_FAILURE", format!("a reference points at '#{target}', which is not this signature's SignedProperties (exactly one element may carry its Id)"));
                continue;
            }
            if reference.type_.as_deref() != Some(SIGNED_PROPERTIES_TYPE) {
                r.fail(
                    Failed,
                    "FORMAT_FAILURE",
                    "the reference to SignedProperties does not have the SignedProperties type"
                        .into(),
                );
                continue;
            }
            sp_refs += 1;
            let mut method = Method::default_inclusive();
            for (alg, node) in &reference.transforms {
                match Method::from_uri(alg) {
                    Some(mut m) => {
                        if let Some(inc) = doc
                            .children(*node)
                            .find(|c| doc.name(*c).map(|n| n.1) == Some("InclusiveNamespaces"))
                        {
                            m.inclusive_prefixes = doc
                                .element(inc)
                                .and_then(|e| e.attr("PrefixList"))
                                .unwrap_or_default()
                                .split_whitespace()
                                .map(str::to_owned)
                                .collect();
                        }
                        method = m;
                    }
                    None => r.fail(
                        Failed,
                        "FORMAT_FAILURE",
                        format!("the transform '{alg}' is not supported"),
                    ),
                }
            }
            let canonical = c14n::canonicalize(doc, *sp_node, &method);
            if hash.digest(&canonical) == reference.digest_value {
                r.ok("SignedProperties digest (over its canonical form)");
            } else {
                r.bad("SignedProperties digest");
                r.fail(Failed, "HASH_FAILURE", "the digest of SignedProperties does not match: the signing time or the signer's certificate reference was changed".into());
            }
            continue;
        }
        if reference.type_.as_deref() == Some(SIGNED_PROPERTIES_TYPE) {
            r.fail(
                Failed,
                "FORMAT_FAILURE",
                format!(
                    "a SignedProperties reference points outside the signature ('{}')",
                    reference.uri
                ),
            );
            continue;
        }
        let name = percent_decode(&reference.uri);
        if !reference.transforms.is_empty() {
            r.fail(Failed, "FORMAT_FAILURE", format!("the reference to '{name}' has transforms; a data file reference must digest the file as it is"));
            continue;
        }
        if covered.contains(&name) {
            r.fail(
                Failed,
                "FORMAT_FAILURE",
                format!("the data file '{name}' is referenced twice"),
            );
            continue;
        }
        covered.push(name.clone());
        let entry = data_files
            .contains(&name)
            .then(|| archive.get(&name))
            .flatten();
        match entry {
            None => {
                r.bad(format!("data file '{name}'"));
                r.fail(
                    Failed,
                    "SIGNED_DATA_NOT_FOUND",
                    format!("the signed data file '{name}' is not in the container"),
                );
            }
            Some(e) if hash.digest(&e.bytes) == reference.digest_value => {
                r.ok(format!("data file '{name}' digest"));
            }
            Some(_) => {
                r.bad(format!("data file '{name}' digest"));
                r.fail(Failed, "HASH_FAILURE", format!("the data file '{name}' does not match its digest: it was changed after signing"));
            }
        }
    }
    match sp_refs {
        1 => {}
        0 => r.fail(Failed, "FORMAT_FAILURE", "SignedProperties are not referenced by SignedInfo: the signing time and certificate reference are not signed".into()),
        _ => r.fail(Failed, "FORMAT_FAILURE", "SignedProperties are referenced more than once".into()),
    }
    for f in data_files {
        if !covered.contains(f) {
            r.fail(
                Failed,
                "FORMAT_FAILURE",
                format!("the data file '{f}' is not covered by the signature"),
            );
        }
    }
}
