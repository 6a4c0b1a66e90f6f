//! Parsing and planning never panic: every line prefix and many character prefixes of the
//! corpus documents, and random garbage made of the characters documents are made of.

use crate::common::{corpus_names, read_fixture};
use ametijuhend_domain::{Registry, SourceDocument, Timestamp};
use ametijuhend_ingest::{Origin, parse, plan};

fn source(origin: &Origin) -> SourceDocument {
    SourceDocument {
        content_hash: origin.content_hash.clone(),
        file_name: origin.file_name.clone(),
        media_type: "text/plain".into(),
        imported_at: Timestamp::parse("2024-03-06T10:15:00Z").unwrap(),
        content: vec![],
    }
}

fn parse_and_plan(text: &str, origin: &Origin, with_plan: bool) {
    if let Ok(p) = parse(text, origin) {
        let _ = p.to_json_lines();
        let _ = p.report.to_string();
        if with_plan {
            let plan = plan(
                &p.records,
                &Registry::default(),
                source(origin),
                Timestamp::parse("2024-03-06T10:15:00Z").unwrap(),
            );
            assert!(
                plan.report
                    .iter()
                    .all(|n| n.severity != ametijuhend_ingest::Severity::Error
                        || n.field == "position.title"),
                "{:?}",
                plan.report
            );
        }
    }
}

#[test]
fn truncated_corpus_documents() {
    for name in corpus_names() {
        let (text, origin) = read_fixture("corpus", &name);
        let lines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        for (k, &end) in lines.iter().enumerate() {
            parse_and_plan(&text[..end], &origin, k.is_multiple_of(8));
        }
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(97).collect();
        for end in cuts {
            parse_and_plan(&text[..end], &origin, false);
            parse_and_plan(&text[end..], &origin, false);
        }
    }
}

#[test]
fn random_garbage() {
    let pieces = [
        "1.",
        "3.1",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\x0c",
        "\u{f0b7}",
        "▪",
        "•",
        "-",
        "–",
        "(",
        ")",
        ":",
        ";",
        ",",
        ".",
        "ÜLDOSA",
        "Üldosa",
        "KÄSKKIRI",
        "Ametinimetus",
        "Kes asendab",
        "Keda asendab",
        "Vahetu juht",
        "Teenistuskoht",
        "Miks on ametikoha vaja?",
        "Milliseid rolle täidab?",
        "Otsesed sihtgrupid",
        "Tööpere 2024",
        "KINNITATUD",
        "käskkirjaga nr",
        "{regNumber}",
        "Lisa",
        "06.03.2023",
        "Tunnistan kehtetuks",
        "jõustub",
        "(allkirjastatud digitaalselt)",
        "Tööandja:",
        "Töötaja:",
        "Keeleoskus",
        "tasemel C1",
        "võõrkeele",
        "inglise",
        "Peakasutaja",
        "juht",
        "õ",
        "ä",
        "AMETIJUHEND",
        "Rollide SELETAV SÕNARAAMAT",
        "välja-",
        "Teenuste osakond",
        "A",
        "eeldab",
        "sh",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let origin = Origin {
        file_name: "garbage.txt".into(),
        content_hash: "0".repeat(64),
    };
    for _ in 0..400 {
        let mut text = String::new();
        let len = (seed % 300) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            if seed.is_multiple_of(5) {
                text.push(' ');
            }
        }
        parse_and_plan(&text, &origin, true);
    }
}
