//! Round trip: a rendered DOCX or PDF, read back by the importer (`ametijuhend-extract` for the
//! text, `ametijuhend-ingest` for the parse), gives the same record: the four corpus job
//! descriptions in their own template and in the other one, as DOCX and as PDF.

use crate::common;

use ametijuhend_domain::{JobDescription, Registry, Template};
use ametijuhend_ingest::record::JobDescriptionRecord;
use ametijuhend_ingest::{ImportRecord, Origin};
use ametijuhend_render::{Format, JobDescriptionOptions, StampChoice};
use common::corpus_records::{corpus_job_descriptions, corpus_registry};

/// Renders, extracts the text and parses it back.
fn read_back(bytes: &[u8], file_name: &str) -> JobDescriptionRecord {
    let doc =
        ametijuhend_extract::extract(bytes, file_name, &ametijuhend_extract::Limits::default())
            .unwrap_or_else(|e| panic!("{file_name}: the extractor refused the file: {e}"));
    let origin = Origin {
        file_name: file_name.to_string(),
        content_hash: "0".repeat(64),
    };
    let parsed = ametijuhend_ingest::parse(&doc.text, &origin).unwrap_or_else(|e| {
        panic!(
            "{file_name}: the importer refused the text: {e}\n{}",
            doc.text
        )
    });
    parsed
        .records
        .into_iter()
        .find_map(|r| match r {
            ImportRecord::JobDescription(jd) => Some(jd),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{file_name}: no job description read back\n{}", doc.text))
}

/// The fields where the record read back differs from the original, as "field: original ≠ read".
fn differences(
    registry: &Registry,
    jd: &JobDescription,
    template: Template,
    r: &JobDescriptionRecord,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut cmp = |field: &str, a: String, b: String| {
        if a != b {
            out.push(format!("{field}:\n    original: {a}\n    read:     {b}"));
        }
    };
    let g = &jd.general;
    let p = &r.position;
    cmp(
        "template",
        format!("{template:?}"),
        format!("{:?}", r.template),
    );
    cmp(
        "title",
        format!("{:?}", Some(&g.title)),
        format!("{:?}", p.title.as_ref()),
    );
    cmp(
        "specialisation",
        format!("{:?}", g.specialisation),
        format!("{:?}", p.specialisation),
    );
    cmp(
        "unit",
        format!("{:?}", Some(&g.unit)),
        format!("{:?}", p.unit.as_ref()),
    );
    cmp(
        "supervisor",
        format!("{:?}", g.supervisor),
        format!("{:?}", p.supervisor),
    );
    cmp(
        "subordinates",
        format!("{:?}", g.subordinates),
        format!("{:?}", p.subordinates),
    );
    cmp(
        "substituted_by",
        format!("{:?}", g.substituted_by),
        format!("{:?}", p.substituted_by),
    );
    cmp(
        "substitutes_for",
        format!("{:?}", g.substitutes_for),
        format!("{:?}", p.substitutes_for),
    );
    cmp(
        "staff_group",
        format!("{:?}", g.staff_group),
        format!("{:?}", p.staff_group),
    );
    cmp(
        "purpose",
        format!("{:?}", Some(&jd.purpose)),
        format!("{:?}", r.purpose.as_ref()),
    );
    let section = if template == Template::Ska2024 { 2 } else { 3 };
    cmp(
        "duties.len",
        jd.duties.len().to_string(),
        r.duties.len().to_string(),
    );
    for (i, (a, b)) in jd.duties.iter().zip(&r.duties).enumerate() {
        cmp(
            &format!("duties[{i}].number"),
            format!("{section}.{}", i + 1),
            b.number.clone(),
        );
        cmp(&format!("duties[{i}].text"), a.text.clone(), b.text.clone());
        cmp(
            &format!("duties[{i}].expected_results"),
            format!("{:?}", a.expected_results),
            format!("{:?}", b.expected_results),
        );
    }
    cmp(
        "rights",
        format!("{:?}", jd.rights),
        format!("{:?}", r.rights),
    );
    cmp(
        "responsibilities",
        format!("{:?}", jd.responsibilities),
        format!("{:?}", r.responsibilities),
    );
    cmp(
        "work_equipment",
        format!("{:?}", jd.work_equipment),
        format!("{:?}", r.work_equipment),
    );
    cmp(
        "requirements",
        format!("{:?}", jd.requirements),
        format!("{:?}", r.requirements),
    );
    let comps: Vec<String> = jd
        .competencies
        .iter()
        .filter_map(|c| {
            registry
                .competency(&c.competency)
                .map(|x| format!("{:?} {} {:?}", c.kind, x.name, x.indicators))
        })
        .collect();
    let read: Vec<String> = r
        .competencies
        .iter()
        .map(|c| format!("{:?} {} {:?}", c.kind, c.name, c.indicators))
        .collect();
    cmp(
        "competencies.len",
        comps.len().to_string(),
        read.len().to_string(),
    );
    for (i, (a, b)) in comps.iter().zip(&read).enumerate() {
        cmp(&format!("competencies[{i}]"), a.clone(), b.clone());
    }
    cmp(
        "amendment_rules",
        format!("{:?}", jd.amendment_rules),
        format!("{:?}", r.amendment_rules),
    );
    cmp(
        "special_conditions",
        format!("{:?}", jd.special_conditions),
        format!("{:?}", r.special_conditions),
    );
    cmp(
        "signatures",
        format!("{:?}", jd.signatures),
        format!("{:?}", r.signatures),
    );
    let approval = jd.approval.as_ref().map(|a| {
        (
            a.directive_number.clone(),
            a.directive_date,
            a.annex,
            a.approved_by.clone(),
            a.placeholders.clone(),
        )
    });
    // A stamp of template fields only is how a version without approval is printed.
    let read_approval = r
        .approval
        .as_ref()
        .filter(|a| {
            a.directive_number.is_some()
                || a.directive_date.is_some()
                || a.annex.is_some()
                || approval.is_some()
        })
        .map(|a| {
            (
                a.directive_number.clone(),
                a.directive_date,
                a.annex,
                a.approved_by.clone(),
                a.placeholders.clone(),
            )
        });
    cmp(
        "approval",
        format!("{approval:?}"),
        format!("{read_approval:?}"),
    );
    out
}

/// Fields the 2024 template's importer does not read back when a 2023 record is rendered in it:
/// the lead-ins of rights and responsibilities ("Teenistujal on õigus:") are joined to the row
/// label, "Töövahendid" is not a row the 2024 reader knows, and several review rules become one
/// paragraph.
const LOST_IN_2024: &[&str] = &[
    "rights",
    "responsibilities",
    "work_equipment",
    "amendment_rules",
];

fn check(format: Format) {
    let registry = corpus_registry();
    let mut failures = Vec::new();
    for (stem, jd) in corpus_job_descriptions() {
        for template in [Template::Ska2023, Template::Ska2024] {
            let options = JobDescriptionOptions {
                template,
                stamp: StampChoice::Auto,
            };
            let bytes =
                ametijuhend_render::render_job_description(&registry, &jd, format, &options)
                    .expect("render");
            let name = format!("{stem}-{}.{}", template.as_str(), format.extension());
            let record = read_back(&bytes, &name);
            let d: Vec<String> = differences(&registry, &jd, template, &record)
                .into_iter()
                .filter(|d| {
                    template == jd.template
                        || template != Template::Ska2024
                        || !LOST_IN_2024.iter().any(|f| d.starts_with(&format!("{f}:")))
                })
                .collect();
            if !d.is_empty() {
                failures.push(format!("{name}:\n  {}", d.join("\n  ")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "records read back differ:\n{}",
        failures.join("\n")
    );
}

/// Every demo job description, rendered as DOCX in its own template and in the other one, reads
/// back as the same record.
#[test]
fn docx_round_trip() {
    check(Format::Docx);
}

/// The same for PDF, read by the extractor line by line as typst lays the lines out: words
/// hyphenated at line ends (also in the flattened general-part rows) are joined again, and a
/// duty row that a page break splits (the table header repeated on the new page, the rest of
/// the duty after the result printed beside its first part) reads back as one duty.
#[test]
fn pdf_round_trip() {
    check(Format::Pdf);
}
