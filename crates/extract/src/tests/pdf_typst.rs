//! PDFs made by `ametijuhend-render` (typst: CID fonts whose widths are given as ranges, one
//! `cm` per line of text, soft hyphens at line ends) read back line by line.
//!
//! The fixtures are the render crate's demo output, committed as rendered:
//! `typst-ametijuhend-2023.pdf` is the key user's job description (peakasutaja,
//! perehüvitised) in the 2023 template, `typst-kaskkiri.pdf` the demo directive signed by
//! Maret Maripuu with two job descriptions in the 2024 template as its annexes.

use super::{extract_ok, fixture};
use crate::Format;

fn lines(name: &str) -> Vec<String> {
    let doc = extract_ok(&fixture(name), name);
    assert_eq!(doc.format, Format::Pdf);
    assert!(doc.warnings.is_empty(), "{name}: {:?}", doc.warnings);
    doc.text.lines().map(str::to_owned).collect()
}

/// Asserts that `expected` occur as consecutive lines.
fn assert_run(lines: &[String], expected: &[&str]) {
    let found = lines
        .windows(expected.len())
        .any(|w| w.iter().zip(expected).all(|(a, b)| a == b));
    assert!(
        found,
        "lines {expected:#?} not found together in\n{}",
        lines.join("\n")
    );
}

#[test]
fn stamp_heading_and_paragraph_are_lines_of_their_own() {
    let lines = lines("typst-ametijuhend-2023.pdf");
    assert_run(
        &lines,
        &[
            "KINNITATUD",
            "Sotsiaalkindlustusameti peadirektori 06.03.2023",
            "käskkirjaga nr 49",
            "Lisa 1",
        ],
    );
    assert_run(
        &lines,
        &[
            "2. AMETIKOHA EESMÄRK",
            "Ametikoha eesmärk on teenuse rakenduste ja protsesside igapäevase toimimise tagamine, arendamine",
            "ning parendamine koostöös teenuse juhiga.",
        ],
    );
    assert_run(
        &lines,
        &[
            "1.3 Vahetu juht 1.4 Kes asendab 1.5 Keda asendab",
            "",
            "Perehüvitiste valdkonna juht Peakasutaja, teenuse juht Peakasutajat, teenuse juhti",
        ],
    );
}

#[test]
fn a_task_and_its_results_are_separate_lines() {
    let lines = lines("typst-ametijuhend-2023.pdf");
    // The results cell starts to the right of the task, one line up: a line of its own.
    assert_run(
        &lines,
        &[
            "3.2. Korraldab rakenduse puhul ilmnevate tehni-",
            "liste probleemide lahendamise.",
            "• Tehnilised probleemid on lahendatud.",
        ],
    );
    let page_breaks = lines.iter().filter(|l| *l == "\x0c").count();
    assert_eq!(page_breaks, 3, "four pages");
}

#[test]
fn hyphenated_words_end_their_line_in_a_hyphen_without_a_space() {
    let lines = lines("typst-ametijuhend-2023.pdf");
    // typst draws the hyphen of "automaatprot-sesside" as a soft hyphen (ActualText U+00AD).
    assert_run(
        &lines,
        &[
            "sellega seotud x-tee teenuste ning automaatprot-",
            "sesside toimimist.",
        ],
    );
    for line in &lines {
        assert!(!line.ends_with(" -"), "a space before a hyphen: {line:?}");
        assert!(!line.contains('\u{ad}'), "a soft hyphen: {line:?}");
        assert!(
            !line.ends_with([' ', '\t']),
            "trailing white space: {line:?}"
        );
    }
}

#[test]
fn signer_lines_and_wrapped_labels_of_a_directive() {
    let lines = lines("typst-kaskkiri.pdf");
    assert_run(
        &lines,
        &[
            "(allkirjastatud digitaalselt)",
            "Maret Maripuu",
            "Peadirektor",
        ],
    );
    assert_run(
        &lines,
        &[
            "Ametijuhendite kinnitamine",
            "Avaliku teenistuse seaduse § 52 lõigete 1 ja 2 ning Sotsiaalkindlustusameti põhimääruse alusel:",
            "1. Kinnitan järgmiste ametikohtade ametijuhendid:",
        ],
    );
    // The annexes' stamps have the template fields of a directive not yet registered.
    assert_run(
        &lines,
        &[
            "KINNITATUD",
            "Sotsiaalkindlustusameti peadirektori {regDateTime}",
            "käskkirjaga nr {regNumber}",
            "Lisa 2",
        ],
    );
    // typst wraps the label "Teenistuskoha eesmärk" in its column; it is joined with the
    // value beside it as in a DOCX row.
    assert!(
        lines.iter().any(|l| l
            == "Teenistuskoha eesmärk Ametikoha eesmärk on koordineerida osakonna tegevust kvaliteetse ja"),
        "{}",
        lines.join("\n")
    );
    // A wrapped label beside a heading and a list.
    assert_run(
        &lines,
        &[
            "Tööks vajalikud kompetentsid Kliendikesksus:",
            "• Huvitub ühiskonna hetkesuundumustest ning analüüsib nende mõju",
        ],
    );
    // A label wrapped onto four lines beside a list: one line, the list below it.
    assert_run(
        &lines,
        &[
            "Täiendavad kompetentsid, isikuomadused ja teadmised",
            "• Suhtlemis- ja mõjutamisoskus, sh selge ja veenev eneseväljendusoskus:",
        ],
    );
}

#[test]
fn the_importer_reads_a_typst_job_description() {
    let name = "typst-ametijuhend-2023.pdf";
    let doc = extract_ok(&fixture(name), name);
    let origin = ametijuhend_ingest::Origin {
        file_name: name.to_owned(),
        content_hash: "0".repeat(64),
    };
    let parsed = ametijuhend_ingest::parse(&doc.text, &origin)
        .unwrap_or_else(|e| panic!("{name}: {e}\n{}", doc.text));
    let jd = parsed
        .records
        .into_iter()
        .find_map(|r| match r {
            ametijuhend_ingest::ImportRecord::JobDescription(jd) => Some(jd),
            _ => None,
        })
        .expect("a job description");
    assert_eq!(jd.position.title.as_deref(), Some("Peakasutaja"));
    assert_eq!(
        jd.purpose.as_deref(),
        Some(
            "Ametikoha eesmärk on teenuse rakenduste ja protsesside igapäevase toimimise tagamine, arendamine ning parendamine koostöös teenuse juhiga."
        )
    );
    assert_eq!(jd.duties.len(), 17);
    assert_eq!(
        jd.duties[0].text,
        "Tunneb teenuse protsesside ja rakendus(t)e funktsionaalsust, äriloogikat ja ärireegleid ning sellega seotud x-tee teenuste ning automaatprotsesside toimimist."
    );
    assert_eq!(
        jd.duties[1].expected_results,
        ["Tehnilised probleemid on lahendatud."]
    );
    let approval = jd.approval.expect("the stamp");
    assert_eq!(approval.directive_number.as_deref(), Some("49"));
    assert_eq!(approval.annex, Some(1));
}
