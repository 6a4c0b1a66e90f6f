//! Golden snapshots of the demo documents: `word/document.xml` of each DOCX, the text pdftotext
//! extracts from each PDF, and the HTML. The four corpus job descriptions are rendered in their
//! own template, two of them also in the other one, and a directive approving two of them.
//! `UPDATE_GOLDEN=1 cargo test -p ametijuhend-render` rewrites the files.

use crate::common;

use ametijuhend_domain::{JobDescription, Registry, Template};
use ametijuhend_render::{DirectiveDraft, Format, JobDescriptionOptions, StampChoice};
use common::corpus_records::{corpus_job_descriptions, corpus_registry};
use common::{check_golden, pdftotext, zip_entry};

fn render(registry: &Registry, jd: &JobDescription, format: Format, template: Template) -> Vec<u8> {
    let options = JobDescriptionOptions {
        template,
        stamp: StampChoice::Auto,
    };
    ametijuhend_render::render_job_description(registry, jd, format, &options)
        .unwrap_or_else(|e| panic!("{}: {e}", jd.general.title))
}

fn cases() -> Vec<(String, JobDescription, Template)> {
    let mut out: Vec<(String, JobDescription, Template)> = corpus_job_descriptions()
        .into_iter()
        .map(|(stem, jd)| (stem.to_string(), jd.clone(), jd.template))
        .collect();
    let by_stem = |s: &str| {
        corpus_job_descriptions()
            .into_iter()
            .find(|(stem, _)| *stem == s)
            .map(|(_, jd)| jd)
            .expect("fixture exists")
    };
    out.push((
        "ska-ametijuhend-peakasutaja-perehuvitised.as-2024".into(),
        by_stem("ska-ametijuhend-peakasutaja-perehuvitised"),
        Template::Ska2024,
    ));
    out.push((
        "ska-ametijuhend-peaspetsialist-star-kasutajatugi.as-2023".into(),
        by_stem("ska-ametijuhend-peaspetsialist-star-kasutajatugi"),
        Template::Ska2023,
    ));
    out
}

#[test]
fn docx_document_xml_matches_golden() {
    let registry = corpus_registry();
    for (name, jd, template) in cases() {
        let docx = render(&registry, &jd, Format::Docx, template);
        check_golden(
            &format!("{name}.document.xml"),
            &zip_entry(&docx, "word/document.xml"),
        );
    }
}

#[test]
fn html_matches_golden() {
    let registry = corpus_registry();
    for (name, jd, template) in cases() {
        let html = render(&registry, &jd, Format::Html, template);
        check_golden(
            &format!("{name}.html"),
            &String::from_utf8(html).expect("UTF-8"),
        );
    }
}

#[test]
fn pdf_text_matches_golden() {
    let registry = corpus_registry();
    for (name, jd, template) in cases() {
        let pdf = render(&registry, &jd, Format::Pdf, template);
        check_golden(&format!("{name}.pdf.txt"), &pdftotext(&pdf));
    }
}

/// A directive approving the key user's new version (amending annex 1 of directive nr 49) and
/// the head of department's job description.
pub fn demo_directive(registry: &mut Registry) -> DirectiveDraft {
    let mut v2 = registry.job_descriptions[1].clone();
    v2.id = ametijuhend_domain::JobDescriptionId::derived("peakasutaja-perehuvitised v2");
    v2.version = 2;
    v2.status = ametijuhend_domain::Status::Draft;
    v2.approval = None;
    v2.signatures.clear();
    v2.duties[0]
        .text
        .push_str(" Jälgib teenuse toimimise mõõdikuid.");
    registry.job_descriptions.push(v2.clone());
    let head = registry.job_descriptions[2].id.clone();
    let mut draft = DirectiveDraft::new(vec![head, v2.id]);
    draft.signer_name = Some("Maret Maripuu".into());
    draft.signer_title = Some("Peadirektor".into());
    draft
}

#[test]
fn directive_matches_golden() {
    let mut registry = corpus_registry();
    let draft = demo_directive(&mut registry);
    let docx = ametijuhend_render::render_directive(&registry, &draft, Format::Docx).expect("docx");
    check_golden(
        "directive.document.xml",
        &zip_entry(&docx, "word/document.xml"),
    );
    let html = ametijuhend_render::render_directive(&registry, &draft, Format::Html).expect("html");
    check_golden("directive.html", &String::from_utf8(html).expect("UTF-8"));
    let pdf = ametijuhend_render::render_directive(&registry, &draft, Format::Pdf).expect("pdf");
    check_golden("directive.pdf.txt", &pdftotext(&pdf));
}
