//! Plain-text decoding: UTF-8, UTF-16 with a BOM, or a legacy 8-bit Estonian code page.

use encoding_rs::{Encoding, ISO_8859_13, UTF_16BE, UTF_16LE, WINDOWS_1252, WINDOWS_1257};

use crate::ExtractError;

/// Legacy code pages tried when the text is not UTF-8, in order of preference on a tie.
const LEGACY: [&Encoding; 3] = [WINDOWS_1257, ISO_8859_13, WINDOWS_1252];

/// Share of control bytes above which content counts as binary.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// Decodes a text file; returns the text and warnings.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), ExtractError> {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        utf8_or_lossy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        utf16(UTF_16LE, rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        utf16(UTF_16BE, rest, &mut warnings)
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        warnings.push(format!(
            "the text file has no byte-order mark; it was read as {}: check the text, or save the file as UTF-8 and import it again",
            encoding.name()
        ));
        utf16(encoding, bytes, &mut warnings)
    } else {
        if let Some(reason) = binary_reason(bytes) {
            return Err(ExtractError::NotText { reason });
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) if mostly_utf8(bytes) => utf8_or_lossy(bytes, &mut warnings),
            Err(_) => {
                let (text, encoding) = decode_legacy(bytes);
                warnings.push(format!(
                    "the text file is not UTF-8; it was read as {} ({}): check that õ, ä, ö, ü, š and ž look right, or save the file as UTF-8 and import it again",
                    encoding.name(),
                    legacy_description(encoding)
                ));
                text
            }
        }
    };
    if let Some(reason) = control_reason(&text) {
        return Err(ExtractError::NotText { reason });
    }
    Ok((text, warnings))
}

/// UTF-16 without a BOM: text in Latin script has a zero in nearly every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_high = bytes
        .chunks_exact(2)
        .filter(|p| p[1] == 0 && p[0] != 0)
        .count();
    let zero_low = bytes
        .chunks_exact(2)
        .filter(|p| p[0] == 0 && p[1] != 0)
        .count();
    if zero_high * 10 >= pairs * 9 {
        Some(UTF_16LE)
    } else if zero_low * 10 >= pairs * 9 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True if invalid UTF-8 is the exception: more valid multi-byte characters than bad
/// bytes (a UTF-8 file with a few damaged bytes, not a legacy code page).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let lossy = String::from_utf8_lossy(bytes);
    let replaced = lossy.chars().filter(|&c| c == '\u{fffd}').count();
    let multibyte = lossy
        .chars()
        .filter(|&c| !c.is_ascii() && c != '\u{fffd}')
        .count();
    multibyte > replaced
}

/// True if the bytes are not text in any encoding this module reads without a BOM.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    binary_reason(bytes).is_some()
}

/// Why `bytes` (no BOM) look binary, if they do.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    if bytes.contains(&0) {
        return Some("it contains NUL bytes".to_owned());
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | b'\x0c' | 0x1a))
        .count();
    share_too_high(controls, bytes.len())
}

/// Why decoded text looks binary, if it does.
fn control_reason(text: &str) -> Option<String> {
    if text.contains('\0') {
        return Some("it contains NUL characters".to_owned());
    }
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c' | '\x1a') {
            controls += 1;
        }
    }
    share_too_high(controls, total)
}

fn share_too_high(controls: usize, total: usize) -> Option<String> {
    if total > 0 && controls as f64 / total as f64 > MAX_CONTROL_SHARE {
        Some(format!(
            "{controls} of its {total} characters are control characters"
        ))
    } else {
        None
    }
}

fn utf8_or_lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            warnings.push(
                "the text file claims to be UTF-8 but contains invalid bytes, which were replaced by �: save the file as UTF-8 again and check the text"
                    .to_owned(),
            );
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn utf16(encoding: &'static Encoding, bytes: &[u8], warnings: &mut Vec<String>) -> String {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!(
            "the {} text file contains invalid data, which was replaced by �: save the file as UTF-8 again and check the text",
            encoding.name()
        ));
    }
    text.into_owned()
}

/// Decodes with the legacy code page whose result looks most like Estonian.
fn decode_legacy(bytes: &[u8]) -> (String, &'static Encoding) {
    let mut best: Option<(i64, String, &'static Encoding)> = None;
    for encoding in LEGACY {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        let score = estonian_score(&text);
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, text.into_owned(), encoding));
        }
    }
    match best {
        Some((_, text, encoding)) => (text, encoding),
        // LEGACY is not empty; kept total without a panic path.
        None => (String::from_utf8_lossy(bytes).into_owned(), WINDOWS_1257),
    }
}

/// Plausibility of `text` as Estonian: letters of the alphabet count for it, characters a
/// wrong code page produces (Icelandic letters for š/ž, C1 controls, replacement
/// characters) against it.
fn estonian_score(text: &str) -> i64 {
    text.chars()
        .map(|c| match c {
            'õ' | 'ä' | 'ö' | 'ü' | 'š' | 'ž' | 'Õ' | 'Ä' | 'Ö' | 'Ü' | 'Š' | 'Ž' => 2,
            '„' | '“' | '”' | '–' | '—' | '€' | '•' => 1,
            '\u{fffd}' => -10,
            '\u{80}'..='\u{9f}' => -5,
            'ð' | 'þ' | 'Ð' | 'Þ' | 'ý' | 'Ý' | '¹' | '¾' | 'æ' | 'Æ' | 'ø' | 'Ø' => -3,
            _ => 0,
        })
        .sum()
}

fn legacy_description(encoding: &'static Encoding) -> &'static str {
    if encoding == WINDOWS_1257 {
        "Baltic Windows code page"
    } else if encoding == ISO_8859_13 {
        "Baltic ISO Latin-7"
    } else {
        "Western European Windows code page"
    }
}
