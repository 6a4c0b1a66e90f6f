//! The Estonian analyzer through the index: case forms meet, compound parts find their
//! compounds, õ ä ö ü are not folded, quoted phrases and exclusions.

mod common;

use ametijuhend_search::analyzer::{analyze, analyze_word, main_term};

/// The main term of a word, as a query looks for it.
fn stem(word: &str) -> String {
    main_term(word).unwrap_or_default()
}

/// The compound-part terms the index makes of a word.
fn compound_parts(word: &str) -> Vec<String> {
    analyze_word(word).parts
}
use common::{doc, id_set, ids, index_of};

#[test]
fn case_forms_of_kasutajaoigus_share_one_stem() {
    let forms = [
        "kasutajaõigus",
        "kasutajaõigused",
        "kasutajaõiguste",
        "kasutajaõigusi",
        "kasutajaõigust",
        "kasutajaõigusega",
        "Kasutajaõigustes",
    ];
    let stems: Vec<String> = forms.iter().map(|f| stem(&f.to_lowercase())).collect();
    assert!(stems.iter().all(|s| s == &stems[0]), "{stems:?}");
}

#[test]
fn other_paradigms_meet_too() {
    let groups: &[&[&str]] = &[
        &[
            "teenus",
            "teenuse",
            "teenust",
            "teenused",
            "teenuste",
            "teenuseid",
        ],
        &[
            "haldamine",
            "haldamise",
            "haldamist",
            "haldamised",
            "haldamisi",
        ],
        &[
            "koolitus",
            "koolituse",
            "koolitused",
            "koolituste",
            "koolitusi",
            "koolitustel",
        ],
        &["osakond", "osakonna", "osakonda", "osakonnad", "osakondade"],
        &[
            "süsteem",
            "süsteemi",
            "süsteemid",
            "süsteemide",
            "süsteemis",
        ],
        &["eelarve", "eelarvet", "eelarved", "eelarvete"],
        &["taotlus", "taotluse", "taotlused", "taotluste", "taotlusi"],
        &[
            "leping",
            "lepingu",
            "lepingut",
            "lepingud",
            "lepingute",
            "lepingus",
        ],
        &[
            "perehüvitis",
            "perehüvitise",
            "perehüvitised",
            "perehüvitiste",
            "perehüvitisi",
        ],
    ];
    for group in groups {
        let first = stem(group[0]);
        for w in group.iter() {
            assert_eq!(stem(w), first, "{w} vs {}", group[0]);
        }
    }
}

#[test]
fn every_case_form_finds_the_document() {
    let index = index_of(&[
        doc(
            "a",
            "Peaspetsialist",
            &[("duties[0]", "SKAISi kasutajaõiguste andmine ja peatamine.")],
        ),
        doc(
            "b",
            "Jurist",
            &[("purpose", "Lepingute õiguslik kontroll.")],
        ),
    ]);
    for q in [
        "kasutajaõigus",
        "kasutajaõigused",
        "kasutajaõiguste",
        "kasutajaõigusi",
        "KASUTAJAÕIGUST",
    ] {
        assert_eq!(ids(&index, q), vec!["a"], "{q}");
    }
}

#[test]
fn compound_parts_find_compounds() {
    let index = index_of(&[
        doc(
            "a",
            "Peaspetsialist",
            &[("duties[0]", "Kasutajaõigused on omistatud õigeaegselt.")],
        ),
        doc(
            "b",
            "Osakonna juhataja",
            &[(
                "duties[1]",
                "Nõustavat-konsulteerivat meetodit rakendava järelevalvesüsteemi korraldamise tagamine.",
            )],
        ),
        doc("c", "Jurist", &[("purpose", "Ameti esindamine kohtus.")]),
    ]);
    assert_eq!(ids(&index, "õigused"), vec!["a"]);
    assert_eq!(ids(&index, "järelevalve"), vec!["b"]);
    assert_eq!(ids(&index, "järelevalvet"), vec!["b"]);
    assert_eq!(ids(&index, "süsteem"), vec!["b"]);
    assert!(compound_parts("kasutajaõigused").contains(&stem("õigused")));
    assert!(compound_parts("kasutajaõigused").contains(&stem("kasutaja")));
    assert!(compound_parts("järelevalvesüsteemi").contains(&stem("järelevalve")));
    assert!(compound_parts("töö").is_empty());
}

#[test]
fn a_whole_word_match_ranks_above_a_compound_part() {
    let index = index_of(&[
        doc(
            "compound",
            "Spetsialist",
            &[("duties[0]", "Kasutajaõiguste haldamine.")],
        ),
        doc(
            "word",
            "Spetsialist",
            &[("duties[0]", "Õiguste haldamine.")],
        ),
    ]);
    assert_eq!(ids(&index, "õigused"), vec!["word", "compound"]);
}

#[test]
fn estonian_letters_are_not_folded() {
    let index = index_of(&[
        doc("a", "Spetsialist", &[("purpose", "Õiguste tagamine.")]),
        doc("b", "Spetsialist", &[("purpose", "Ööpäevane valve.")]),
    ]);
    assert!(ids(&index, "oigused").is_empty());
    assert_eq!(ids(&index, "õigused"), vec!["a"]);
    assert!(ids(&index, "oopaevane").is_empty());
    assert_eq!(ids(&index, "ÖÖPÄEVANE"), vec!["b"]);
}

#[test]
fn stop_words_alone_do_not_restrict() {
    let index = index_of(&[doc(
        "a",
        "Spetsialist",
        &[("purpose", "Teenuste ja protsesside arendamine.")],
    )]);
    assert_eq!(ids(&index, "teenused ja protsessid"), vec!["a"]);
    let t = analyze("ja ning on ei et kui või see ka");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn quoted_phrases_need_the_words_together_and_in_order() {
    let index = index_of(&[
        doc(
            "together",
            "Spetsialist",
            &[("duties[0]", "Kasutajaõiguste andmine asendajale.")],
        ),
        doc(
            "apart",
            "Spetsialist",
            &[("duties[0]", "Andmine ja hiljem kasutajaõiguste kontroll.")],
        ),
    ]);
    assert_eq!(
        id_set(&index, "kasutajaõiguste andmine"),
        vec!["apart", "together"]
    );
    assert_eq!(ids(&index, "\"kasutajaõiguste andmine\""), vec!["together"]);
    assert_eq!(ids(&index, "„kasutajaõigused andmine“"), vec!["together"]);
    assert!(ids(&index, "\"andmine kasutajaõiguste\"").is_empty());
}

#[test]
fn excluded_words_remove_documents() {
    let index = index_of(&[
        doc("a", "Peakasutaja", &[("purpose", "SKAIS rakenduste tugi.")]),
        doc("b", "Peakasutaja", &[("purpose", "STAR rakenduste tugi.")]),
    ]);
    assert_eq!(id_set(&index, "rakendused"), vec!["a", "b"]);
    assert_eq!(ids(&index, "rakendused -star"), vec!["a"]);
    assert_eq!(ids(&index, "peakasutaja -\"star rakenduste\""), vec!["a"]);
}

#[test]
fn nonsense_input_never_fails() {
    let index = index_of(&[doc(
        "a",
        "Spetsialist",
        &[("purpose", "Teenuste arendamine.")],
    )]);
    for q in [
        "\"",
        "((",
        "title:x^2",
        "-",
        "\"\"\"",
        "*?",
        "AND OR NOT",
        "ä\u{303}",
    ] {
        assert!(ids(&index, q).len() <= 1, "{q}");
    }
}
