//! Every generated DOCX opens and converts cleanly in LibreOffice (`soffice --headless
//! --convert-to pdf`, Debian package libreoffice-writer-nogui): the demo job descriptions in
//! both templates and the demo directive. The converted PDF keeps the text, the footer's page
//! number fields and the bullets. The job descriptions of the domain's sample registry are
//! converted too. Fails with a clear message when LibreOffice is missing.

use crate::common;

use ametijuhend_domain::Template;
use ametijuhend_render::{Format, JobDescriptionOptions, StampChoice};
use common::corpus_records::{corpus_job_descriptions, corpus_registry};
use common::{pdftotext, require, tempdir};
use std::process::Command;

#[test]
fn libreoffice_converts_every_generated_docx() {
    require("soffice", "libreoffice-writer-nogui");
    let registry = corpus_registry();
    let dir = tempdir("libreoffice");
    let mut files = Vec::new();
    for (stem, jd) in corpus_job_descriptions() {
        for template in [Template::Ska2023, Template::Ska2024] {
            let options = JobDescriptionOptions {
                template,
                stamp: StampChoice::Auto,
            };
            let docx =
                ametijuhend_render::render_job_description(&registry, &jd, Format::Docx, &options)
                    .expect("docx");
            let name = format!("{stem}-{}", template.as_str());
            std::fs::write(dir.join(format!("{name}.docx")), docx).expect("write docx");
            files.push(name);
        }
    }
    let mut registry = registry;
    let mut v2 = registry.job_descriptions[1].clone();
    v2.id = ametijuhend_domain::JobDescriptionId::derived("peakasutaja v2");
    v2.version = 2;
    v2.status = ametijuhend_domain::Status::Draft;
    registry.job_descriptions.push(v2.clone());
    let draft = ametijuhend_render::DirectiveDraft::new(vec![
        registry.job_descriptions[2].id.clone(),
        v2.id,
    ]);
    let docx =
        ametijuhend_render::render_directive(&registry, &draft, Format::Docx).expect("directive");
    std::fs::write(dir.join("directive.docx"), docx).expect("write docx");
    files.push("directive".into());

    // The domain's sample registry: every field filled, text that trips careless code.
    let sample = ametijuhend_domain::sample::sample_registry();
    let mut samples = Vec::new();
    for (i, jd) in sample.job_descriptions.iter().enumerate() {
        let docx = ametijuhend_render::render_job_description(
            &sample,
            jd,
            Format::Docx,
            &JobDescriptionOptions::default(),
        )
        .expect("sample docx");
        let name = format!("sample-{i}");
        std::fs::write(dir.join(format!("{name}.docx")), docx).expect("write docx");
        samples.push(name);
    }

    let out = dir.join("out");
    let profile = dir.join("profile");
    let output = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&out)
        .args(
            files
                .iter()
                .chain(&samples)
                .map(|f| dir.join(format!("{f}.docx"))),
        )
        .output()
        .expect("run soffice");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "soffice failed: {log}");
    assert!(!log.contains("Error"), "soffice reported an error: {log}");
    for f in &files {
        let pdf = std::fs::read(out.join(format!("{f}.pdf")))
            .unwrap_or_else(|e| panic!("LibreOffice did not convert {f}.docx ({e}): {log}"));
        let text = pdftotext(&pdf);
        assert!(
            text.contains("Lk 1/"),
            "{f}: the footer's page fields are filled: {text}"
        );
        assert!(text.contains('•'), "{f}: bullets are rendered");
        if f == "directive" {
            assert!(
                text.contains("KÄSKKIRI") && text.contains("1.1. osakonnajuhataja (lisa 1);"),
                "{text}"
            );
        } else if f.ends_with("ska_2024") {
            assert!(
                text.contains("1. Üldosa") && text.contains("Oodatavad tulemused"),
                "{f}: {text}"
            );
        } else {
            assert!(
                text.contains("1. ÜLDOSA") && text.contains("1.1 Ametinimetus"),
                "{f}: {text}"
            );
        }
    }
    for f in &samples {
        let pdf = std::fs::read(out.join(format!("{f}.pdf")))
            .unwrap_or_else(|e| panic!("LibreOffice did not convert {f}.docx ({e}): {log}"));
        assert!(pdftotext(&pdf).contains("1. Üldosa"), "{f}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
