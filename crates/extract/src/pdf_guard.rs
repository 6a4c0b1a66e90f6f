//! Guards run before the PDF text reader: decompression bombs and recursive structures.
//!
//! * [`prescan`] runs on the raw bytes before parsing: every `stream` keyword is followed by
//!   an attempt to inflate what comes after it (zlib, and raw deflate as `lopdf` falls back
//!   to; zlib data nested inside zlib data is followed too), counting the output against
//!   [`Limits::max_uncompressed_bytes`]. This protects the parser, which expands object
//!   streams while loading.
//! * [`measure_streams`] runs on the parsed (and decrypted) document: every stream with
//!   filters is decoded once through bounded decoders for the filters `lopdf` supports
//!   (Flate, LZW, ASCII85), again within the limit.
//! * [`check_structure`] refuses page trees with cycles and form XObjects that draw
//!   themselves (directly or in a loop), which would make the recursive reader overflow its
//!   stack and abort the process: a stack overflow cannot be caught.
//!
//! Residual risk, documented rather than hidden: object streams of an *encrypted* PDF are
//! expanded by `lopdf` during decryption, before they can be measured.

use std::collections::HashSet;
use std::io::Read;

use flate2::read::{DeflateDecoder, ZlibDecoder};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

use crate::{ExtractError, Format, Limits};

/// Deepest zlib-in-zlib nesting followed by the prescan.
const MAX_NESTED_ZLIB: usize = 4;
/// Longest `Parent` chain of a page accepted.
const MAX_PAGE_TREE_DEPTH: usize = 256;
/// Deepest nesting of form XObjects accepted.
const MAX_FORM_DEPTH: usize = 64;

const MIB: u64 = 1024 * 1024;

fn bomb(part: String, limits: &Limits) -> ExtractError {
    ExtractError::ExpansionLimit {
        format: Format::Pdf,
        part,
        limit_mib: limits.max_uncompressed_bytes / MIB,
        reason: "its compressed streams inflate to more than the limit".to_owned(),
    }
}

/// Measures every zlib stream in the raw bytes (see the module docs).
pub(crate) fn prescan(bytes: &[u8], limits: &Limits) -> Result<(), ExtractError> {
    let cap = limits.max_uncompressed_bytes;
    let mut total: u64 = 0;
    let mut pos = 0;
    while let Some(found) = memchr::memmem::find(&bytes[pos..], b"stream") {
        let at = pos + found;
        pos = at + b"stream".len();
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            continue;
        }
        let data_start = match &bytes[pos..] {
            [b'\r', b'\n', ..] => pos + 2,
            [b'\n', ..] | [b'\r', ..] => pos + 1,
            _ => continue,
        };
        total = total.saturating_add(nested_inflated_size(
            &bytes[data_start..],
            cap - total.min(cap),
        ));
        if total > cap {
            return Err(bomb(format!("stream at byte {data_start}"), limits));
        }
    }
    Ok(())
}

/// Bytes produced by inflating `input`, and by inflating that output again while it is
/// zlib data, stopping once `cap` is exceeded.
fn nested_inflated_size(input: &[u8], cap: u64) -> u64 {
    let raw = needs_raw_fallback(input);
    let mut total = 0u64;
    for level in 0..MAX_NESTED_ZLIB {
        let mut reader = decoder_chain(input, raw, level);
        let (count, head) = count_bytes(&mut reader, cap.saturating_sub(total));
        total = total.saturating_add(count);
        if total > cap || !is_zlib_header(&head) {
            break;
        }
    }
    total
}

/// Mirrors `lopdf`: if zlib decoding fails before producing anything, it inflates the data
/// after the 2-byte header as raw deflate.
fn needs_raw_fallback(input: &[u8]) -> bool {
    let mut probe = [0u8; 1];
    matches!(ZlibDecoder::new(input).read(&mut probe), Err(_) | Ok(0)) && input.len() > 2
}

/// A reader inflating `input` `level + 1` times.
fn decoder_chain(input: &[u8], raw: bool, level: usize) -> Box<dyn Read + '_> {
    let mut reader: Box<dyn Read + '_> = if raw {
        Box::new(DeflateDecoder::new(&input[2.min(input.len())..]))
    } else {
        Box::new(ZlibDecoder::new(input))
    };
    for _ in 0..level {
        reader = Box::new(ZlibDecoder::new(reader));
    }
    reader
}

/// Reads until EOF, an error, or more than `cap` bytes; returns the count and the first
/// two bytes.
fn count_bytes(reader: &mut dyn Read, cap: u64) -> (u64, Vec<u8>) {
    let mut buf = vec![0u8; 64 * 1024];
    let mut head = Vec::with_capacity(2);
    let mut count = 0u64;
    loop {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if head.len() < 2 {
                    let take = (2 - head.len()).min(n);
                    head.extend_from_slice(&buf[..take]);
                }
                count += n as u64;
                if count > cap {
                    break;
                }
            }
        }
    }
    (count, head)
}

fn is_zlib_header(head: &[u8]) -> bool {
    match head {
        [cmf, flg, ..] => {
            cmf & 0x0f == 8 && cmf >> 4 <= 7 && (u16::from(*cmf) * 256 + u16::from(*flg)) % 31 == 0
        }
        _ => false,
    }
}

/// Decodes every filtered stream of the parsed document within the limit.
pub(crate) fn measure_streams(doc: &Document, limits: &Limits) -> Result<(), ExtractError> {
    let cap = limits.max_uncompressed_bytes;
    let mut total: u64 = 0;
    for (id, object) in &doc.objects {
        let Object::Stream(stream) = object else {
            continue;
        };
        let size = decoded_size(stream, cap.saturating_sub(total));
        total = total.saturating_add(size);
        if total > cap {
            return Err(bomb(format!("object {} {}", id.0, id.1), limits));
        }
    }
    Ok(())
}

/// Size of a stream after its filters, decoding at most a little over `cap` bytes.
fn decoded_size(stream: &Stream, cap: u64) -> u64 {
    let Ok(filters) = stream.filters() else {
        return 0;
    };
    let mut data: Vec<u8> = stream.content.clone();
    for (i, filter) in filters.iter().enumerate() {
        let last = i + 1 == filters.len();
        match *filter {
            b"FlateDecode" if last => return nested_inflated_size(&data, cap),
            b"FlateDecode" => {
                let raw = needs_raw_fallback(&data);
                data = read_capped(decoder_chain(&data, raw, 0), cap);
            }
            b"LZWDecode" => data = lzw_capped(&data, cap),
            b"ASCII85Decode" => data = ascii85(&data),
            // lopdf cannot decode anything else, so it will not expand it either.
            _ => return data.len() as u64,
        }
        if data.len() as u64 > cap {
            break;
        }
    }
    data.len() as u64
}

fn read_capped(reader: impl Read, cap: u64) -> Vec<u8> {
    let mut out = Vec::new();
    // Errors keep the partial output, as lopdf does.
    let _ = reader.take(cap.saturating_add(1)).read_to_end(&mut out);
    out
}

fn lzw_capped(input: &[u8], cap: u64) -> Vec<u8> {
    let mut decoder = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    let mut out = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut rest = input;
    while (out.len() as u64) <= cap {
        let result = decoder.decode_bytes(rest, &mut buf);
        out.extend_from_slice(&buf[..result.consumed_out]);
        rest = &rest[result.consumed_in..];
        match result.status {
            Ok(weezl::LzwStatus::Ok) => {}
            Ok(weezl::LzwStatus::NoProgress | weezl::LzwStatus::Done) | Err(_) => break,
        }
    }
    out
}

/// ASCII85 decoding (the output is smaller than the input).
fn ascii85(input: &[u8]) -> Vec<u8> {
    let body = input.strip_prefix(b"<~").unwrap_or(input);
    let end = memchr::memmem::find(body, b"~>").unwrap_or(body.len());
    let mut out = Vec::with_capacity(body.len());
    let mut group = [0u32; 5];
    let mut n = 0;
    for &b in &body[..end] {
        match b {
            b'z' if n == 0 => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                group[n] = u32::from(b - b'!');
                n += 1;
                if n == 5 {
                    let value = group
                        .iter()
                        .fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
                    out.extend_from_slice(&value.to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for slot in group.iter_mut().skip(n) {
            *slot = 84;
        }
        let value = group
            .iter()
            .fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
        out.extend_from_slice(&value.to_be_bytes()[..n - 1]);
    }
    out
}

/// Refuses page-tree cycles and self-drawing form XObjects (see the module docs).
pub(crate) fn check_structure(doc: &Document) -> Result<(), ExtractError> {
    let corrupt = |detail: &str| ExtractError::CorruptPdf {
        detail: detail.to_owned(),
    };
    let mut done: HashSet<(ObjectId, usize)> = HashSet::new();
    for page_id in doc.get_pages().into_values() {
        let resources =
            inherited_resources(doc, page_id).map_err(|_| corrupt("its page tree has a cycle"))?;
        let Ok(content) = doc.get_page_content(page_id) else {
            continue;
        };
        let mut stack = Vec::new();
        visit_content(doc, &content, resources, &mut stack, &mut done)
            .map_err(|_| corrupt("a drawing on one of its pages includes itself, endlessly"))?;
    }
    Ok(())
}

/// The page's `Resources`, looked up through its bounded, cycle-free `Parent` chain.
fn inherited_resources(doc: &Document, page_id: ObjectId) -> Result<Option<&Dictionary>, ()> {
    let mut seen = HashSet::new();
    let mut resources = None;
    let mut current = doc.get_dictionary(page_id).ok();
    while let Some(dict) = current {
        if seen.len() > MAX_PAGE_TREE_DEPTH {
            return Err(());
        }
        if resources.is_none() {
            resources = dict.get(b"Resources").ok().and_then(|o| deref_dict(doc, o));
        }
        current = match dict.get(b"Parent").and_then(Object::as_reference) {
            Ok(parent) => {
                if !seen.insert(parent) {
                    return Err(());
                }
                doc.get_dictionary(parent).ok()
            }
            Err(_) => None,
        };
    }
    Ok(resources)
}

fn deref_dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(object)
        .ok()
        .and_then(|(_, o)| o.as_dict().ok())
}

/// Follows the `Do` operators of a content stream into form XObjects, depth first.
fn visit_content<'a>(
    doc: &'a Document,
    content: &[u8],
    resources: Option<&'a Dictionary>,
    stack: &mut Vec<ObjectId>,
    done: &mut HashSet<(ObjectId, usize)>,
) -> Result<(), ()> {
    if stack.len() > MAX_FORM_DEPTH {
        return Err(());
    }
    let Ok(content) = pdf_extract::content::Content::decode(content) else {
        return Ok(());
    };
    for operation in content.operations.iter().filter(|op| op.operator == "Do") {
        let Some(name) = operation.operands.first().and_then(|o| o.as_name().ok()) else {
            continue;
        };
        let Some(xobjects) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|o| deref_dict(doc, o))
        else {
            continue;
        };
        let Ok(Object::Reference(form_id)) = xobjects.get(name) else {
            continue;
        };
        let Ok(form) = doc.get_object(*form_id).and_then(Object::as_stream) else {
            continue;
        };
        if form.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            continue;
        }
        if stack.contains(form_id) {
            return Err(());
        }
        let form_resources = form
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| deref_dict(doc, o))
            .or(resources);
        let key = (
            *form_id,
            form_resources.map_or(0, |r| r as *const Dictionary as usize),
        );
        if !done.insert(key) {
            continue;
        }
        let data = form
            .decompressed_content()
            .unwrap_or_else(|_| form.content.clone());
        stack.push(*form_id);
        visit_content(doc, &data, form_resources, stack, done)?;
        stack.pop();
    }
    Ok(())
}
