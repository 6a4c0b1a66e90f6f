//! `ametijuhend import` end to end: dry runs, storing, idempotency, new versions, DOCX/ODT/PDF
//! variants, hostile files, and the demo registry loaded by `serve`.

use crate::support::Registry;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../extract/tests/fixtures")
}

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo")
}

const JOB_DESCRIPTIONS: &[&str] = &[
    "ska-ametijuhend-osakonnajuhataja-teenuste-osakond",
    "ska-ametijuhend-peakasutaja-perehuvitised",
    "ska-ametijuhend-peaspetsialist-star-kasutajatugi",
    "ska-ametijuhend-veebihaldur",
];

/// The dry-run records of one file, without what depends on the file itself (name, hash, line
/// numbers, warnings about layout).
fn records(reg: &Registry, file: &Path) -> Vec<Value> {
    let out = reg
        .run(&["import", "--dry-run", "--json", file.to_str().unwrap()])
        .ok();
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                for k in ["source", "line", "first_line", "last_line", "warnings"] {
                    m.remove(k);
                }
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    out.stdout
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).expect("JSON line");
            strip(&mut v);
            v
        })
        .collect()
}

/// A DOCX (zip) whose word/document.xml is `xml`.
fn docx_with(xml: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", deflated).unwrap();
    zip.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>").unwrap();
    zip.start_file(
        "word/document.xml",
        deflated.large_file(xml.len() > u32::MAX as usize),
    )
    .unwrap();
    zip.write_all(xml).unwrap();
    zip.finish().unwrap().into_inner()
}

/// A one-page PDF that paints an image and has no text at all (a scan).
fn image_only_pdf() -> Vec<u8> {
    let objects: [&[u8]; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length 30 >>\nstream\nq 595 0 0 842 0 0 cm /Im0 Do Q\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn export(reg: &Registry) -> Value {
    serde_json::from_str(&reg.run(&["export"]).ok().stdout).unwrap()
}

#[test]
fn dry_run_prints_json_lines_and_touches_nothing() {
    let reg = Registry::sqlite();
    let data_dir = reg.path("never-created");
    let out = std::process::Command::new(crate::support::BIN)
        .env_remove("AMETIJUHEND_DATABASE_URL")
        .arg("--data-dir")
        .arg(&data_dir)
        .args(["import", "--dry-run", "--json"])
        .arg(demo_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!data_dir.exists(), "a dry run created the data directory");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    let veebihaldur = lines
        .iter()
        .find(|r| r["position"]["title"] == "Veebihaldur")
        .expect("veebihaldur");
    assert_eq!(veebihaldur["kind"], "job_description");
    assert_eq!(veebihaldur["position"]["unit"], "Kommunikatsiooniosakond");
    assert_eq!(
        veebihaldur["position"]["subordinates"],
        serde_json::json!([])
    );
    let langs: Vec<(String, String)> = veebihaldur["requirements"]["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["language"].as_str().unwrap().to_string(),
                l["level"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        langs,
        vec![
            ("et".into(), "C1".into()),
            ("en".into(), "B1".into()),
            ("ru".into(), "B1".into())
        ]
    );
    let star = lines
        .iter()
        .find(|r| r["position"]["specialisation"] == "STAR kasutajatugi")
        .expect("star");
    assert_eq!(star["position"]["title"], "Peaspetsialist");
    assert_eq!(star["duties"][1]["number"], "2.2");
}

#[test]
fn docx_odt_and_pdf_import_to_the_same_records_as_text() {
    let reg = Registry::sqlite();
    for name in JOB_DESCRIPTIONS
        .iter()
        .chain(["ska-rollikaardid-2024"].iter())
    {
        let text = records(&reg, &fixtures().join(format!("{name}.txt")));
        assert!(!text.is_empty());
        for ext in ["docx", "odt", "pdf"] {
            let other = records(&reg, &fixtures().join(format!("{name}.{ext}")));
            assert!(
                other == text,
                "{name}.{ext} imports differently from {name}.txt"
            );
        }
    }
}

#[test]
fn import_stores_once_and_a_changed_document_becomes_a_new_version() {
    for (backend, reg) in Registry::both() {
        let out = reg.run(&["import", demo_dir().to_str().unwrap()]).ok();
        assert!(
            out.stderr
                .contains("imported 4 file(s), 0 unchanged, 0 failed"),
            "{backend}: {}",
            out.stderr
        );
        let first = export(&reg);
        assert_eq!(first["positions"].as_array().unwrap().len(), 4, "{backend}");
        assert_eq!(
            first["role_cards"].as_array().unwrap().len(),
            14,
            "{backend}: reference data not loaded"
        );
        assert_eq!(
            first["role_glossary"].as_array().unwrap().len(),
            12,
            "{backend}"
        );

        let again = reg.run(&["import", demo_dir().to_str().unwrap()]).ok();
        assert!(
            again.stderr.contains("0 file(s), 4 unchanged"),
            "{backend}: {}",
            again.stderr
        );
        assert_eq!(
            export(&reg),
            first,
            "{backend}: re-import changed the registry"
        );

        // The same position's document, edited: a second version of the same position.
        let original =
            std::fs::read_to_string(demo_dir().join("ska-ametijuhend-veebihaldur.txt")).unwrap();
        let edited = original.replace("Töökoha eesmärk on", "Töökoha eesmärk on eelkõige");
        assert_ne!(edited, original);
        let path = reg.path("veebihaldur-2.txt");
        std::fs::write(&path, edited).unwrap();
        reg.run(&["import", path.to_str().unwrap()]).ok();
        let after = export(&reg);
        assert_eq!(
            after["positions"].as_array().unwrap().len(),
            4,
            "{backend}: a new position was made"
        );
        let versions: Vec<&Value> = after["job_descriptions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|j| j["general"]["title"] == "Veebihaldur")
            .collect();
        assert_eq!(versions.len(), 2, "{backend}");
        assert_eq!(versions[0]["position"], versions[1]["position"]);
        let mut numbers: Vec<u64> = versions
            .iter()
            .map(|v| v["version"].as_u64().unwrap())
            .collect();
        numbers.sort();
        assert_eq!(numbers, vec![1, 2]);
        assert!(
            after["source_documents"].as_array().unwrap().len() >= 6,
            "{backend}: original files not kept"
        );
    }
}

#[test]
fn bad_files_are_reported_and_the_batch_goes_on() {
    let reg = Registry::sqlite();
    let dir = reg.path("batch");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-empty.txt"), b"").unwrap();
    std::fs::write(
        dir.join("b-garbage.docx"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 254].repeat(100),
    )
    .unwrap();
    let docx = std::fs::read(fixtures().join("ska-ametijuhend-veebihaldur.docx")).unwrap();
    std::fs::write(dir.join("c-truncated.docx"), &docx[..docx.len() / 2]).unwrap();
    std::fs::copy(
        fixtures().join("encrypted-user-password.pdf"),
        dir.join("d-encrypted.pdf"),
    )
    .unwrap();
    let big = std::fs::File::create(dir.join("e-huge.txt")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    std::fs::write(
        dir.join("f-not-a-job-description.txt"),
        "Tere!\nSee on lihtsalt kiri, mitte ametijuhend.\n",
    )
    .unwrap();
    std::fs::copy(
        demo_dir().join("ska-ametijuhend-veebihaldur.txt"),
        dir.join("g-good.txt"),
    )
    .unwrap();
    std::fs::write(dir.join("h-picture.png"), b"\x89PNG").unwrap();
    // 300 MiB of one repeated line, deflated to a few hundred KiB: a zip bomb.
    let bomb = b"<w:p>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:p>"
        .repeat(300 * 1024 * 1024 / 68);
    std::fs::write(dir.join("i-zip-bomb.docx"), docx_with(&bomb)).unwrap();
    let xxe = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    std::fs::write(dir.join("j-entities.docx"), docx_with(xxe)).unwrap();
    std::fs::write(dir.join("k-scanned.pdf"), image_only_pdf()).unwrap();

    let out = reg.run(&["import", dir.to_str().unwrap()]).fails();
    let err = &out.stderr;
    for name in [
        "a-empty.txt",
        "b-garbage.docx",
        "c-truncated.docx",
        "d-encrypted.pdf",
        "e-huge.txt",
        "f-not-a-job-description.txt",
    ] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("error:") && l.contains(name)),
            "no error for {name}:\n{err}"
        );
    }
    assert!(err.contains("password"), "encrypted PDF message: {err}");
    assert!(err.contains("--max-size"), "huge file message: {err}");
    assert!(
        err.contains("h-picture.png"),
        "skipped file not listed: {err}"
    );
    assert!(err.contains("OCR"), "scanned PDF message: {err}");
    assert!(err.contains("expands beyond"), "zip bomb message: {err}");
    assert!(err.contains("entity"), "entity expansion message: {err}");
    assert!(
        !err.contains("panicked"),
        "a reader panic reached the user: {err}"
    );
    assert!(
        err.contains("imported 1 file(s), 0 unchanged, 9 failed"),
        "{err}"
    );
    let registry = export(&reg);
    assert_eq!(
        registry["positions"].as_array().unwrap().len(),
        1,
        "the good file was not imported"
    );
    assert_eq!(
        registry["source_documents"].as_array().unwrap().len(),
        2,
        "a failed file left records (catalogue + good file expected)"
    );
}

#[test]
fn serve_loads_the_demo_registry_into_a_new_registry() {
    // What the demo holds is tested in `demo`; here: it is there, with the real catalogue and
    // the four real documents as new versions (the importer's source documents).
    let reg = Registry::sqlite();
    let server = reg.serve(&[]);
    let r = server.get("/healthz");
    assert_eq!(r.status, 200);
    drop(server);
    let registry = export(&reg);
    assert_eq!(registry["role_cards"].as_array().unwrap().len(), 14);
    assert!(registry["job_descriptions"].as_array().unwrap().len() > 150);
    let imported = registry["job_descriptions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|j| j["source"].is_object())
        .count();
    assert_eq!(imported, 4);

    // A registry that is not new gets only the four documents (again: nothing changes).
    let before = export(&reg);
    drop(reg.serve(&["--demo"]));
    assert_eq!(export(&reg), before);

    let bare = Registry::sqlite();
    drop(bare.serve(&["--no-demo"]));
    let registry = export(&bare);
    assert_eq!(
        registry["role_cards"].as_array().unwrap().len(),
        14,
        "reference data must load all the same"
    );
    assert_eq!(registry["job_descriptions"].as_array().unwrap().len(), 0);
}

#[test]
fn an_import_is_in_the_history_of_what_it_added() {
    let reg = Registry::sqlite();
    reg.run(&["import", demo_dir().to_str().unwrap()]).ok();
    reg.add_user(
        "hr",
        &crate::web_support::password("hr"),
        &["--role", "hr", "--name", "Helle Personal"],
    );
    let export: serde_json::Value =
        serde_json::from_str(&reg.run(&["export"]).ok().stdout).unwrap();
    let position = export["positions"][0]["id"].as_str().unwrap().to_string();
    let server = reg.serve(&["--no-demo"]);
    let mut hr = crate::support::Client::new(&server);
    assert_eq!(
        hr.login("hr", &crate::web_support::password("hr")).status,
        303
    );
    let page = hr.get(&format!("/positions/{position}/history"));
    assert_eq!(page.status, 200);
    let main = crate::web_support::main_of(&page.body);
    assert!(main.contains("ametikoht imporditi"), "{main}");
    assert!(main.contains("ametijuhend imporditi"), "{main}");
    assert!(
        main.contains(">import<") || main.contains("import"),
        "{main}"
    );
    // Importing the same files again changes nothing, and adds no history.
    drop(server);
    reg.run(&["import", demo_dir().to_str().unwrap()]).ok();
    let server = reg.serve(&["--no-demo"]);
    let mut hr = crate::support::Client::new(&server);
    assert_eq!(
        hr.login("hr", &crate::web_support::password("hr")).status,
        303
    );
    let again = hr.get(&format!("/positions/{position}/history"));
    assert_eq!(
        crate::web_support::count(&again.body, "ametikoht imporditi"),
        crate::web_support::count(&page.body, "ametikoht imporditi")
    );
}
