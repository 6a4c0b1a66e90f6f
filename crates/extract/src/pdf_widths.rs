//! Glyph widths of CID fonts, rewritten into the form the PDF reader understands.
//!
//! A CID font (the descendant of a `Type0` font, as typst, Chrome and many other producers
//! embed every font) lists its glyph widths in a `W` array of two kinds of entries
//! (PDF 32000-1, 9.7.4.3):
//!
//! * `c [w1 w2 …]`: consecutive CIDs from `c` with the widths listed;
//! * `c_first c_last w`: every CID from `c_first` to `c_last` with the same width.
//!
//! `pdf-extract` 0.12 reads the second kind wrongly (it takes all three numbers from the same
//! position and iterates an empty range), so those glyphs get the font's default width
//! `DW`: typst writes `DW 0` and only ranges, so every glyph of a run is drawn at the same
//! position as far as the reader knows. Lines are then glued together ("KINNITATUDSotsiaal…")
//! and a hyphen that ends a line is taken for a separate word ("automaatprot -").
//!
//! [`normalise`] rewrites every `W` array of the document into the first kind, which the
//! reader handles, and resolves references inside it (the reader does not). The expansion is
//! bounded: a range is clipped to the CIDs that exist (`0..=65535`) and the whole document
//! gets at most [`MAX_EXPANDED`] widths from ranges; what is left over keeps the default
//! width, as before.

use pdf_extract::{Document, Object, ObjectId};

/// Highest CID (CIDs are 16-bit in every CMap a PDF may use).
const MAX_CID: i64 = 0xFFFF;
/// Most widths all `c_first c_last w` ranges of a document may expand to.
const MAX_EXPANDED: usize = 256 * 1024;

/// Rewrites the `W` arrays of all CID fonts (see the module docs). Returns how many fonts
/// were rewritten.
pub(crate) fn normalise(doc: &mut Document) -> usize {
    let mut budget = MAX_EXPANDED;
    let mut rewritten = 0;
    for id in cid_font_ids(doc) {
        let Some(widths) = doc
            .get_object(id)
            .ok()
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| d.get(b"W").ok())
            .and_then(|w| explicit_widths(doc, w, &mut budget))
        else {
            continue;
        };
        if let Ok(dict) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
            dict.set("W", Object::Array(widths));
            rewritten += 1;
        }
    }
    rewritten
}

/// The indirect objects that are CID font dictionaries.
fn cid_font_ids(doc: &Document) -> Vec<ObjectId> {
    doc.objects
        .iter()
        .filter_map(|(id, object)| {
            let subtype = object
                .as_dict()
                .ok()?
                .get(b"Subtype")
                .ok()?
                .as_name()
                .ok()?;
            matches!(subtype, b"CIDFontType0" | b"CIDFontType2").then_some(*id)
        })
        .collect()
}

/// `object` followed through (a chain of) references.
fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

fn number(doc: &Document, object: &Object) -> Option<f64> {
    match resolve(doc, object)? {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn cid(doc: &Document, object: &Object) -> Option<i64> {
    let value = number(doc, object)?;
    (value.is_finite() && (0.0..=MAX_CID as f64).contains(&value)).then_some(value as i64)
}

/// The widths of a `W` array as `c [w …]` entries of direct numbers. `None` if `w` is not
/// an array. Parsing stops at the first malformed entry, keeping what came before.
fn explicit_widths(doc: &Document, w: &Object, budget: &mut usize) -> Option<Vec<Object>> {
    let entries = resolve(doc, w)?.as_array().ok()?;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = entries.get(i).and_then(|o| cid(doc, o)) {
        let Some(second) = entries.get(i + 1).and_then(|o| resolve(doc, o)) else {
            break;
        };
        if let Ok(list) = second.as_array() {
            let widths: Option<Vec<Object>> = list
                .iter()
                .map(|o| number(doc, o).map(width_object))
                .collect();
            let Some(widths) = widths else { break };
            out.push(Object::Integer(first));
            out.push(Object::Array(widths));
            i += 2;
            continue;
        }
        let (Some(last), Some(width)) = (
            number(doc, second),
            entries.get(i + 2).and_then(|o| number(doc, o)),
        ) else {
            break;
        };
        i += 3;
        if last.is_nan() || last < first as f64 {
            continue;
        }
        let last = last.min(MAX_CID as f64) as i64;
        let count = usize::try_from(last - first + 1).unwrap_or(0).min(*budget);
        if count == 0 {
            continue;
        }
        *budget -= count;
        out.push(Object::Integer(first));
        out.push(Object::Array(vec![width_object(width); count]));
    }
    Some(out)
}

fn width_object(width: f64) -> Object {
    if width.fract() == 0.0 && width.abs() < 1e9 {
        Object::Integer(width as i64)
    } else {
        Object::Real(width as f32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::Dictionary;

    fn doc_with_widths(w: Object) -> (Document, ObjectId) {
        let mut doc = Document::with_version("1.7");
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Subtype", Object::Name(b"CIDFontType0".to_vec()));
        font.set("DW", Object::Integer(0));
        font.set("W", w);
        let id = doc.add_object(Object::Dictionary(font));
        (doc, id)
    }

    fn widths(doc: &Document, id: ObjectId) -> Vec<Object> {
        doc.get_object(id)
            .and_then(Object::as_dict)
            .and_then(|d| d.get(b"W"))
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default()
    }

    fn ints(values: &[i64]) -> Vec<Object> {
        values.iter().map(|&v| Object::Integer(v)).collect()
    }

    #[test]
    fn ranges_become_lists_and_lists_stay() {
        let mut entries = ints(&[0, 0, 500, 1, 3, 637]);
        entries.push(Object::Integer(7));
        entries.push(Object::Array(vec![
            Object::Integer(250),
            Object::Real(333.5),
        ]));
        let (mut doc, id) = doc_with_widths(Object::Array(entries));
        assert_eq!(normalise(&mut doc), 1);
        let mut expected = vec![Object::Integer(0), Object::Array(ints(&[500]))];
        expected.extend([Object::Integer(1), Object::Array(ints(&[637, 637, 637]))]);
        expected.extend([
            Object::Integer(7),
            Object::Array(vec![Object::Integer(250), Object::Real(333.5)]),
        ]);
        assert_eq!(format!("{:?}", widths(&doc, id)), format!("{expected:?}"));
    }

    #[test]
    fn references_are_resolved() {
        let mut doc = Document::with_version("1.7");
        let width = doc.add_object(Object::Integer(600));
        let list = doc.add_object(Object::Array(vec![Object::Reference(width)]));
        let array = doc.add_object(Object::Array(vec![
            Object::Integer(5),
            Object::Reference(list),
        ]));
        let mut font = Dictionary::new();
        font.set("Subtype", Object::Name(b"CIDFontType2".to_vec()));
        font.set("W", Object::Reference(array));
        let id = doc.add_object(Object::Dictionary(font));
        normalise(&mut doc);
        let expected = vec![Object::Integer(5), Object::Array(ints(&[600]))];
        assert_eq!(format!("{:?}", widths(&doc, id)), format!("{expected:?}"));
    }

    #[test]
    fn hostile_ranges_are_clipped_and_junk_ends_the_array() {
        // A range past the last CID, a reversed one, a good one, then junk.
        let mut entries = ints(&[0, 1_000_000_000, 1, 10, 5, 1, 20, 21, 7]);
        entries.push(Object::Name(b"junk".to_vec()));
        entries.extend(ints(&[30, 31, 1]));
        let (mut doc, id) = doc_with_widths(Object::Array(entries));
        normalise(&mut doc);
        let w = widths(&doc, id);
        let lengths: Vec<usize> = w
            .iter()
            .filter_map(|o| o.as_array().ok().map(Vec::len))
            .collect();
        assert_eq!(lengths, [65536, 2], "{:?}", &w[..1]);
        assert_eq!(w[2].as_i64().ok(), Some(20));
    }

    #[test]
    fn the_document_budget_caps_the_expansion() {
        let mut doc = Document::with_version("1.7");
        for _ in 0..8 {
            let mut font = Dictionary::new();
            font.set("Subtype", Object::Name(b"CIDFontType0".to_vec()));
            font.set("W", Object::Array(ints(&[0, 65535, 1])));
            doc.add_object(Object::Dictionary(font));
        }
        normalise(&mut doc);
        let total: usize = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok()?.get(b"W").ok()?.as_array().ok())
            .flat_map(|w| w.iter().filter_map(|o| o.as_array().ok().map(Vec::len)))
            .sum();
        assert_eq!(total, MAX_EXPANDED);
    }

    #[test]
    fn other_dictionaries_are_left_alone() {
        let mut doc = Document::with_version("1.7");
        let mut dict = Dictionary::new();
        dict.set("Subtype", Object::Name(b"Type1".to_vec()));
        dict.set("W", Object::Array(ints(&[0, 3, 500])));
        let id = doc.add_object(Object::Dictionary(dict));
        assert_eq!(normalise(&mut doc), 0);
        assert_eq!(widths(&doc, id).len(), 3);
    }
}
