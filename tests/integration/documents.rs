//! The agency's documents: `render` (one version in every format and template, `--all` into a
//! folder with failures reported), the download links and their headers on the position and
//! version pages and in the API. Directives are in `directives.rs`.

use crate::support::{Client, Registry, sample_json};
use crate::web_support::{Lang, Site, location, main_of, ui};
use ametijuhend_domain::sample::{ids, sample_registry};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo")
}

/// A registry with the four demo job descriptions imported.
fn demo_registry() -> Registry {
    let reg = Registry::sqlite();
    reg.run(&["import", demo_dir().to_str().expect("a UTF-8 path")])
        .ok();
    reg
}

pub(crate) fn export(reg: &Registry) -> Value {
    serde_json::from_str(&reg.run(&["export"]).ok().stdout).expect("the export is JSON")
}

/// `word/document.xml` of a DOCX.
pub(crate) fn document_xml(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("the DOCX is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("the DOCX has word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

/// The text of `word/document.xml` (the runs' text joined, paragraphs on lines).
pub(crate) fn docx_text(docx: &[u8]) -> String {
    let xml = document_xml(docx);
    let mut out = String::new();
    for para in xml.split("</w:p>") {
        for run in para.split("<w:t").skip(1) {
            let Some(start) = run.find('>') else { continue };
            let text = &run[start + 1..];
            out.push_str(text.split("</w:t>").next().unwrap_or(""));
        }
        out.push('\n');
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

#[track_caller]
pub(crate) fn assert_pdf(bytes: &[u8], what: &str) {
    assert!(bytes.starts_with(b"%PDF-"), "{what}: not a PDF");
}

#[track_caller]
pub(crate) fn assert_docx(bytes: &[u8], what: &str) -> String {
    assert!(bytes.starts_with(b"PK\x03\x04"), "{what}: not a zip");
    document_xml(bytes)
}

#[test]
fn cli_renders_every_demo_job_description_in_every_format_and_template() {
    let reg = demo_registry();
    let doc = export(&reg);
    let jds = doc["job_descriptions"]
        .as_array()
        .expect("job descriptions");
    assert_eq!(jds.len(), 4);
    for jd in jds {
        let position = jd["position"].as_str().unwrap();
        let title = jd["general"]["title"].as_str().unwrap();
        for (format, template) in [
            ("pdf", "2024"),
            ("docx", "2024"),
            ("html", "2024"),
            ("docx", "2023"),
        ] {
            let out = reg.path(&format!("{position}-{template}.{format}"));
            let r = reg
                .run(&[
                    "render",
                    "--format",
                    format,
                    "--position",
                    position,
                    "--template",
                    template,
                    "--out",
                    out.to_str().unwrap(),
                ])
                .ok();
            assert!(r.stderr.contains("wrote"), "{}", r.stderr);
            let bytes = std::fs::read(&out).expect("the file was written");
            let what = format!("{title} {format} {template}");
            match format {
                "pdf" => assert_pdf(&bytes, &what),
                "docx" => {
                    let xml = assert_docx(&bytes, &what);
                    assert!(xml.contains(title), "{what}: the title is in the document");
                    // The templates differ: 2023 has the heading AMETIJUHEND and "1. ÜLDOSA".
                    assert_eq!(xml.contains("ÜLDOSA"), template == "2023", "{what}");
                }
                _ => {
                    let html = String::from_utf8(bytes).expect("UTF-8");
                    assert!(html.starts_with("<!doctype html>"), "{what}");
                    assert!(html.contains(title), "{what}: the title is in the page");
                }
            }
        }
    }
    // Version 1 by number gives the same document as the default (the only version).
    let position = jds[0]["position"].as_str().unwrap();
    let a = reg.path("a.docx");
    let b = reg.path("b.docx");
    reg.run(&[
        "render",
        "--format",
        "docx",
        "--position",
        position,
        "--out",
        a.to_str().unwrap(),
    ])
    .ok();
    reg.run(&[
        "render",
        "--format",
        "docx",
        "--position",
        position,
        "--version",
        "1",
        "--out",
        b.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    // Standard output.
    let r = reg
        .run(&[
            "render",
            "--format",
            "html",
            "--position",
            position,
            "--out",
            "-",
        ])
        .ok();
    assert!(r.stdout.starts_with("<!doctype html>"));
}

#[test]
fn cli_render_errors_say_what_is_wrong() {
    let reg = demo_registry();
    let doc = export(&reg);
    let jd = &doc["job_descriptions"][0];
    let position = jd["position"].as_str().unwrap();
    let out = reg.path("x.pdf");
    let out = out.to_str().unwrap();

    let r = reg
        .run(&[
            "render",
            "--format",
            "odt",
            "--position",
            position,
            "--out",
            out,
        ])
        .fails();
    assert!(r.stderr.contains("pdf, docx or html"), "{}", r.stderr);
    let r = reg
        .run(&[
            "render",
            "--format",
            "pdf",
            "--position",
            position,
            "--template",
            "2022",
            "--out",
            out,
        ])
        .fails();
    assert!(r.stderr.contains("2024"), "{}", r.stderr);

    let unknown = "00000000-0000-4000-8000-000000000000";
    let r = reg
        .run(&[
            "render",
            "--format",
            "pdf",
            "--position",
            unknown,
            "--out",
            out,
        ])
        .fails();
    assert!(
        r.stderr.contains("there is no position with id"),
        "{}",
        r.stderr
    );
    let r = reg
        .run(&[
            "render",
            "--format",
            "pdf",
            "--position",
            "not-an-id",
            "--out",
            out,
        ])
        .fails();
    assert!(r.stderr.contains("not a valid id"), "{}", r.stderr);
    let r = reg
        .run(&[
            "render",
            "--format",
            "pdf",
            "--position",
            position,
            "--version",
            "7",
            "--out",
            out,
        ])
        .fails();
    assert!(r.stderr.contains("has no version 7"), "{}", r.stderr);
    assert!(r.stderr.contains("its versions are: 1"), "{}", r.stderr);
    // A job description's id names its position and version in the hint.
    let r = reg
        .run(&[
            "render",
            "--format",
            "pdf",
            "--position",
            jd["id"].as_str().unwrap(),
            "--out",
            out,
        ])
        .fails();
    assert!(
        r.stderr
            .contains(&format!("--position {position} --version 1")),
        "{}",
        r.stderr
    );

    let missing = reg.path("no/such/folder/x.pdf");
    let r = reg
        .run(&[
            "render",
            "--format",
            "pdf",
            "--position",
            position,
            "--out",
            missing.to_str().unwrap(),
        ])
        .fails();
    assert!(r.stderr.contains("cannot write"), "{}", r.stderr);
    assert!(r.stderr.contains("does not exist"), "{}", r.stderr);
    assert!(!Path::new(out).exists(), "nothing was written");

    let r = reg
        .run(&["render", "--format", "pdf", "--out", out])
        .fails();
    assert!(
        r.stderr.contains("--position") && r.stderr.contains("--all"),
        "{}",
        r.stderr
    );
}

#[test]
fn cli_render_all_writes_every_version_and_goes_on_after_a_failure() {
    let reg = Registry::sqlite();
    reg.run_with_stdin(&["restore", "-"], sample_json().as_bytes())
        .ok();
    let versions = sample_registry().job_descriptions.len();
    let dir = reg.path("out");
    let r = reg
        .run(&[
            "render",
            "--all",
            "--format",
            "docx",
            "--out",
            dir.to_str().unwrap(),
        ])
        .ok();
    assert!(
        r.stderr.contains(&format!(
            "rendered {versions} of {versions} job description version(s)"
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("0 failed"), "{}", r.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), versions, "{names:?}");
    for n in &names {
        assert!(
            n.ends_with(".docx")
                && n.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-.".contains(c)),
            "{n}"
        );
        assert_docx(&std::fs::read(dir.join(n)).unwrap(), n);
    }
    assert!(
        names.contains(&"it-arenduse-osakond-osakonna-juhataja-v3.docx".to_string()),
        "{names:?}"
    );
    // Every written file is listed on standard output.
    assert_eq!(r.stdout.lines().count(), versions);

    // A folder where one file should go: that one fails, the others are written; exit code 1.
    let blocked_html = dir.join("it-arenduse-osakond-osakonna-juhataja-v3.html");
    std::fs::create_dir(&blocked_html).unwrap();
    let r = reg
        .run(&[
            "render",
            "--all",
            "--format",
            "html",
            "--out",
            dir.to_str().unwrap(),
        ])
        .fails();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("error: it-arenduse-osakond-osakonna-juhataja-v3.html"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!(
            "rendered {} of {versions} job description version(s)",
            versions - 1
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("1 failed"), "{}", r.stderr);

    // --all into a file is refused.
    let file = reg.path("file.txt");
    std::fs::write(&file, "x").unwrap();
    let r = reg
        .run(&[
            "render",
            "--all",
            "--format",
            "pdf",
            "--out",
            file.to_str().unwrap(),
        ])
        .fails();
    assert!(r.stderr.contains("is a file, not a folder"), "{}", r.stderr);
}

/// A GET with the client's cookies, with the body as bytes.
pub(crate) fn get_bytes(c: &Client<'_>, path: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut s = TcpStream::connect(&c.server.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let cookies: Vec<String> = c.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\nConnection: close\r\n\r\n",
        c.server.addr,
        cookies.join("; ")
    )
    .expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let body = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .expect("a status");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, body)
}

pub(crate) fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

#[test]
fn web_downloads_have_the_type_the_name_and_the_readers_permissions() {
    let site = Site::sqlite();
    let star_v2 = ids::job_description(&ids::star_support(), 2).to_string();
    let path = format!("/job-descriptions/{star_v2}/download");

    // Anonymous: to the sign-in page.
    let r = site.anonymous().get(&format!("{path}?format=pdf"));
    assert_eq!(r.status, 303);
    assert!(location(&r).starts_with("/login?next="), "{}", location(&r));

    // The position and version pages link the files (download links, both templates).
    let mut staff = site.client("staff");
    let page = staff.get(&format!("/positions/{}", ids::star_support()));
    assert_eq!(page.status, 200);
    for q in [
        "format=pdf&amp;template=2024",
        "format=docx&amp;template=2024",
        "format=html&amp;template=2024",
        "format=pdf&amp;template=2023",
    ] {
        assert!(
            page.body.contains(&format!("href=\"{path}?{q}\" download")),
            "the position page links {q}"
        );
    }
    assert!(main_of(&page.body).contains(&ui(Lang::Et, "doc-downloads")));
    let version = staff.get(&format!("/job-descriptions/{star_v2}"));
    assert!(version.body.contains(&format!(
        "href=\"{path}?format=docx&amp;template=2024\" download"
    )));

    for (format, template, ctype) in [
        ("pdf", "2024", "application/pdf"),
        (
            "docx",
            "2024",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("html", "2023", "text/html; charset=utf-8"),
    ] {
        let (status, headers, body) = get_bytes(
            &staff,
            &format!("{path}?format={format}&template={template}"),
        );
        assert_eq!(status, 200, "{format}");
        assert_eq!(header(&headers, "content-type"), ctype);
        let disposition = header(&headers, "content-disposition");
        assert_eq!(
            disposition,
            format!(
                "attachment; filename=\"perehuvitiste-talitus-peaspetsialist-star-kasutajatugi-v2.{format}\"; \
                 filename*=UTF-8''Pereh%C3%BCvitiste%20talitus%20%E2%80%93%20Peaspetsialist%20%28STAR%20kasutajatugi%29%20v2.{format}"
            )
        );
        match format {
            "pdf" => assert_pdf(&body, format),
            "docx" => {
                let xml = assert_docx(&body, format);
                assert!(xml.contains("Peaspetsialist"));
            }
            _ => {
                let html = String::from_utf8(body).unwrap();
                assert!(
                    html.contains("Peaspetsialist") && html.contains("ÜLDOSA"),
                    "2023"
                );
            }
        }
    }
    // Unknown format, template or version: the 404 page.
    for bad in [
        format!("{path}?format=odt"),
        format!("{path}?format=pdf&template=2022"),
        "/job-descriptions/00000000-0000-4000-8000-000000000000/download?format=pdf".into(),
        "/job-descriptions/not-an-id/download".into(),
    ] {
        assert_eq!(staff.get(&bad).status, 404, "{bad}");
    }

    // The JSON API: the file, or a JSON error.
    let (status, headers, body) = get_bytes(
        &staff,
        &format!("/api/job-descriptions/{star_v2}/document?format=docx"),
    );
    assert_eq!(status, 200);
    assert!(header(&headers, "content-disposition").starts_with("attachment; filename="));
    assert_docx(&body, "API docx");
    let r = staff.get(&format!(
        "/api/job-descriptions/{star_v2}/document?format=odt"
    ));
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["code"], "bad_request");
    let r = staff.get("/api/job-descriptions/00000000-0000-4000-8000-000000000000/document");
    assert_eq!(r.status, 404);
    let r = site
        .anonymous()
        .get(&format!("/api/job-descriptions/{star_v2}/document"));
    assert_eq!(r.status, 401);
    let doc = staff.get("/api/openapi.json").json();
    for p in [
        "/api/job-descriptions/{id}/document",
        "/api/directives/{id}/registration",
    ] {
        assert!(doc["paths"].get(p).is_some(), "{p}");
    }
    assert!(doc["paths"]["/api/directives"].get("get").is_some());
    assert!(doc["paths"]["/api/directives"].get("post").is_some());
}
