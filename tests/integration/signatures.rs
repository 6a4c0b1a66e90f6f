//! Digital signatures of registry records, end to end: the unsigned container of an approved
//! version or a directive (the issued PDF, deterministic), attaching signed containers through
//! the command line, the pages (multipart with CSRF) and the JSON API, on SQLite and PostgreSQL.
//!
//! The containers attached here are the SiVa fixtures (`crates/signature/tests/fixtures/asice`):
//! a valid production signature over a file the registry did not issue is stored and completes
//! nothing; unsigned, invalid and hostile containers are not stored. A container validly signed
//! by a record's holder over a registry-issued PDF needs a signer these tests do not have; the
//! rule that it completes the acknowledgement is tested on the rule's own facts
//! (`ametijuhend_domain::signing`).

use crate::support::{Registry, sample_json};
use crate::web_support::{Site, location};
use ametijuhend_domain::sample::ids;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../signature/tests/fixtures/asice/siva")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The approved version of the sample ("Talituse juhataja" v1, a vacant position).
fn approved() -> String {
    ids::job_description(&ids::head_of_division(), 1).to_string()
}

fn restored(reg: &Registry) {
    reg.run_with_stdin(&["restore", "-"], sample_json().as_bytes())
        .ok();
}

#[test]
fn the_container_of_an_approved_version_or_a_directive_holds_the_issued_pdf() {
    for (backend, reg) in Registry::both() {
        restored(&reg);
        let out = reg.path("a.asice");
        let out2 = reg.path("b.asice");
        let args = |o: &Path| {
            vec![
                "signature".to_string(),
                "container".into(),
                "--job-description".into(),
                approved(),
                "--out".into(),
                o.display().to_string(),
            ]
        };
        let a: Vec<String> = args(&out);
        let run = reg
            .run(&a.iter().map(String::as_str).collect::<Vec<_>>())
            .ok();
        assert!(run.stderr.contains("SHA-256"), "{backend}: {}", run.stderr);
        let first = std::fs::read(&out).unwrap();
        assert!(first.starts_with(b"PK\x03\x04"), "{backend}");
        assert_eq!(&first[30..38], b"mimetype", "{backend}: mimetype first");
        // The rendering is deterministic: issuing again gives the same bytes.
        let b: Vec<String> = args(&out2);
        reg.run(&b.iter().map(String::as_str).collect::<Vec<_>>())
            .ok();
        assert_eq!(first, std::fs::read(&out2).unwrap(), "{backend}");
        // An unsigned container: it verifies as such.
        let v = reg
            .run(&["signature", "verify", &out.display().to_string(), "--json"])
            .fails();
        assert!(v.stdout.contains("\"unsigned\""), "{backend}: {}", v.stdout);

        // A draft is not issued.
        let draft = ids::job_description(&ids::head_of_department(), 3).to_string();
        let r = reg
            .run(&[
                "signature",
                "container",
                "--job-description",
                &draft,
                "--out",
                &out.display().to_string(),
            ])
            .fails();
        assert!(r.stderr.contains("approved"), "{backend}: {}", r.stderr);

        // A directive: its PDF (with the annexes).
        let d = reg.path("d.asice");
        reg.run(&[
            "signature",
            "container",
            "--directive",
            &ids::directive_49().to_string(),
            "--out",
            &d.display().to_string(),
        ])
        .ok();
        let bytes = std::fs::read(&d).unwrap();
        assert!(
            bytes.windows(4).any(|w| w == b".pdf"),
            "{backend}: the directive's PDF is in the container"
        );
    }
}

#[test]
fn attaching_stores_valid_containers_and_refuses_the_rest() {
    for (backend, reg) in Registry::both() {
        restored(&reg);
        reg.add_user("hr", "password-of-hr", &["--role", "hr"]);
        reg.add_user(
            "staff",
            "password-of-staff",
            &[
                "--role",
                "staff",
                "--position",
                &ids::star_support().to_string(),
            ],
        );
        let before = reg.run(&["export"]).ok().stdout;
        let put = |name: &str, bytes: &[u8]| {
            let p = reg.path(name);
            std::fs::write(&p, bytes).unwrap();
            p.display().to_string()
        };
        let attach = |file: &str, user: &str| {
            reg.run(&[
                "signature",
                "attach",
                "--job-description",
                &approved(),
                file,
                "--as",
                user,
                "--json",
            ])
        };

        // Unsigned: verified, not valid, not stored.
        let unsigned = put(
            "unsigned.asice",
            &fixture("AsiceContainerNoSignature.asice"),
        );
        let r = attach(&unsigned, "hr").fails();
        assert!(
            r.stdout.contains("not_valid") || r.stdout.contains("not-valid"),
            "{backend}: {}",
            r.stdout
        );
        // Hostile: refused with the reason, not stored.
        let bomb = put("bomb.asice", &fixture("zip-bomb-packages.asice"));
        let r = attach(&bomb, "hr").fails();
        assert!(r.stderr.contains("refused"), "{backend}: {}", r.stderr);
        // Garbage.
        let junk = put("junk.asice", b"not a container at all");
        attach(&junk, "hr").fails();
        // Someone else's version: the staff member does not hold this position.
        let valid = put("valid.asice", &fixture("ValidLiveSignature.asice"));
        let r = attach(&valid, "staff").fails();
        assert!(r.stderr.contains("not allowed"), "{backend}: {}", r.stderr);
        assert_eq!(reg.run(&["export"]).ok().stdout, before, "{backend}");

        // A valid signature over a file the registry did not issue: stored, completes nothing.
        let r = attach(&valid, "hr").ok();
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["container"]["verdict"], "valid", "{backend}");
        assert_eq!(v["container"]["outcome"]["kind"], "not_issued", "{backend}");
        assert_eq!(v["completed"], false, "{backend}");
        assert_eq!(v["container"]["uploaded_by"], "hr", "{backend}");
        assert!(
            v["container"]["report"]["signatures"][0]["signer"]["personal_code"]
                .as_str()
                .unwrap()
                .contains('*')
        );
        // The registry document is unchanged: the container is kept beside it.
        assert_eq!(reg.run(&["export"]).ok().stdout, before, "{backend}");
    }
}

#[test]
fn the_pages_offer_the_container_and_take_a_signed_one() {
    let site = Site::sqlite();
    let version = approved();
    let page = format!("/job-descriptions/{version}");
    let mut hr = site.client("hr");
    let body = hr.get(&page).body;
    assert!(
        body.contains(&format!("{page}/container")),
        "the download link"
    );
    assert!(
        body.contains("enctype=\"multipart/form-data\""),
        "the upload form"
    );

    let (status, headers, bytes) = hr.get_bytes(&format!("{page}/container"));
    assert_eq!(status, 200);
    let ct = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.clone());
    assert_eq!(ct.as_deref(), Some("application/vnd.etsi.asic-e+zip"));
    assert!(bytes.starts_with(b"PK\x03\x04"));

    // Without the CSRF token: refused, nothing stored.
    let valid = fixture("ValidLiveSignature.asice");
    let r = hr.post_multipart(
        &format!("{page}/signatures"),
        &[],
        ("container", "valid.asice", &valid),
    );
    assert_eq!(r.status, 403, "{}", r.body);
    let csrf = hr.csrf();
    // Unsigned: not stored, the report says why.
    let unsigned = fixture("AsiceContainerNoSignature.asice");
    let r = hr.post_multipart(
        &format!("{page}/signatures"),
        &[("csrf", &csrf)],
        ("container", "unsigned.asice", &unsigned),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("signature-refused"));
    // A valid one: stored, back on the page with what it did.
    let r = hr.post_multipart(
        &format!("{page}/signatures"),
        &[("csrf", &csrf)],
        ("container", "valid.asice", &valid),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(
        location(&r).contains("signature=not-issued"),
        "{}",
        location(&r)
    );
    let body = hr.get(&location(&r)).body;
    assert!(body.contains("valid.asice") && body.contains("XAdES_BASELINE_LT"));
    assert!(body.contains("/signatures/"), "the stored container's link");

    // The holder of another position may not attach here, and is not offered the form.
    let mut staff = site.client("staff");
    let body = staff.get(&page).body;
    assert!(!body.contains("enctype=\"multipart/form-data\""));
    let csrf = staff.csrf();
    let r = staff.post_multipart(
        &format!("{page}/signatures"),
        &[("csrf", &csrf)],
        ("container", "valid.asice", &valid),
    );
    assert_eq!(r.status, 403, "{}", r.body);
}

#[test]
fn the_api_attaches_lists_and_describes_signatures() {
    for (backend, site) in Site::both() {
        let version = approved();
        let mut hr = site.client("hr");
        let token = hr.get("/api/session").json()["csrf_token"]
            .as_str()
            .expect("a token")
            .to_string();
        let path = format!("/api/job-descriptions/{version}/signatures");
        let asice = "application/vnd.etsi.asic-e+zip";
        // Without the header: refused.
        let valid = fixture("ValidLiveSignature.asice");
        let r = hr.post_bytes(&path, asice, &valid, &[]);
        assert_eq!(r.status, 403, "{backend}: {}", r.body);
        let r = hr.post_bytes(
            &path,
            asice,
            &fixture("AsiceContainerNoSignature.asice"),
            &[("X-CSRF-Token", &token)],
        );
        assert_eq!(r.status, 422, "{backend}: {}", r.body);
        assert_eq!(r.json()["error"]["code"], "not_valid");
        assert_eq!(r.json()["report"]["verdict"], "unsigned");
        let r = hr.post_bytes(
            &path,
            asice,
            &valid,
            &[
                ("X-CSRF-Token", &token),
                ("X-File-Name", "allkirjastatud.asice"),
            ],
        );
        assert_eq!(r.status, 201, "{backend}: {}", r.body);
        assert_eq!(r.json()["outcome"]["kind"], "not_issued");
        assert_eq!(r.json()["completed"], false);
        let list = hr.get(&path).json();
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{backend}");
        assert_eq!(list[0]["file_name"], "allkirjastatud.asice");

        // A reader who may not see the position's holder does not see who signed.
        let mut staff = site.client("staff");
        let list = staff.get(&path).json();
        assert_eq!(
            list[0]["report"]["signatures"][0]["signer"]["name"], "–",
            "{backend}"
        );

        let doc = hr.get("/api/openapi.json").json();
        for p in [
            "/api/job-descriptions/{id}/container",
            "/api/job-descriptions/{id}/signatures",
            "/api/directives/{id}/container",
            "/api/directives/{id}/signatures",
        ] {
            assert!(doc["paths"].get(p).is_some(), "missing {p}");
        }
        assert!(doc["paths"]["/api/job-descriptions/{id}/signatures"]["post"].is_object());
    }
}
