//! `ametijuhend notify` end to end: the review reminders go to a tiny SMTP server on 127.0.0.1
//! written here, once per reminder; without SMTP the digest is printed and nothing is recorded.

use crate::support::Registry;
use crate::workflow::scenario;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// One message as the fake server received it.
#[derive(Debug, Clone, Default)]
struct Mail {
    from: String,
    to: Vec<String>,
    data: String,
}

/// A minimal SMTP server: 220 greeting, EHLO/HELO 250, MAIL/RCPT 250, DATA 354 … "." 250,
/// QUIT 221. It serves connections until the test ends and keeps every message.
fn fake_smtp() -> (u16, Arc<Mutex<Vec<Mail>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let mails = Arc::new(Mutex::new(Vec::new()));
    let kept = mails.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let Ok(read) = stream.try_clone() else {
                continue;
            };
            let mut reader = BufReader::new(read);
            let mut mail = Mail::default();
            let _ = stream.write_all(b"220 fake.smtp ready\r\n");
            let mut line = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                let cmd = line.trim_end().to_string();
                let upper = cmd.to_ascii_uppercase();
                let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                    b"250 fake.smtp\r\n"
                } else if upper.starts_with("MAIL FROM:") {
                    mail.from = cmd[10..].trim().to_string();
                    b"250 ok\r\n"
                } else if upper.starts_with("RCPT TO:") {
                    mail.to.push(cmd[8..].trim().to_string());
                    b"250 ok\r\n"
                } else if upper == "DATA" {
                    let _ = stream.write_all(b"354 go ahead\r\n");
                    let mut data = String::new();
                    loop {
                        line.clear();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == ".\r\n" {
                            break;
                        }
                        data.push_str(&line);
                    }
                    mail.data = data;
                    kept.lock().expect("lock").push(std::mem::take(&mut mail));
                    b"250 queued\r\n"
                } else if upper == "QUIT" {
                    let _ = stream.write_all(b"221 bye\r\n");
                    break;
                } else {
                    b"250 ok\r\n"
                };
                let _ = stream.write_all(reply);
            }
        }
    });
    (port, mails)
}

/// Quoted-printable (soft line breaks and =XX) back to text.
fn unqp(s: &str) -> String {
    let joined = s.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && let Some(hex) = joined.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn base64(s: &str) -> Vec<u8> {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes() {
        let Some(v) = ABC.iter().position(|x| *x == c) else {
            continue;
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// The Subject header, RFC 2047 encoded words decoded.
fn subject(data: &str) -> String {
    let mut header = String::new();
    let mut in_subject = false;
    for line in data.split("\r\n") {
        if line.to_ascii_lowercase().starts_with("subject:") {
            in_subject = true;
            header.push_str(&line[8..]);
        } else if in_subject && line.starts_with([' ', '\t']) {
            header.push_str(line);
        } else if in_subject {
            break;
        }
    }
    header
        .split_whitespace()
        .map(|w| {
            match w
                .strip_prefix("=?utf-8?b?")
                .or_else(|| w.strip_prefix("=?UTF-8?B?"))
            {
                Some(rest) => {
                    String::from_utf8_lossy(&base64(rest.trim_end_matches("?="))).into_owned()
                }
                None => format!(" {w} "),
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The scenario, with the department head (who supervises the division head) without an e-mail
/// address.
fn restore_scenario(reg: &Registry) {
    let mut r = scenario();
    for p in &mut r.persons {
        if p.id == ametijuhend_domain::sample::ids::oie() {
            p.email = None;
        }
    }
    let mut json = serde_json::to_string(&r).expect("serialise");
    json.push('\n');
    reg.run_with_stdin(&["restore", "-"], json.as_bytes()).ok();
}

#[test]
fn reminders_go_once_to_each_supervisor_by_smtp() {
    for (backend, reg) in Registry::both() {
        restore_scenario(&reg);
        let (port, mails) = fake_smtp();
        let smtp = format!("smtp://127.0.0.1:{port}?tls=none");
        let args = [
            "notify",
            "--today",
            "20.02.2024",
            "--smtp",
            &smtp,
            "--mail-from",
            "Ametijuhend <ametijuhend@example.invalid>",
        ];
        let first = reg.run(&args).ok();
        assert!(
            !first.stdout.contains("salajane-parool") && !first.stderr.contains("salajane-parool"),
            "{backend}: the password was printed"
        );
        assert!(
            first.stdout.contains("sent 1 e-mail(s)"),
            "{backend}: {}",
            first.stdout
        );
        // A reminder whose supervisor cannot be written to is reported, not dropped.
        assert!(
            first.stdout.contains(
                "not deliverable: Talituse juhataja (review due 06.03.2024): the supervisor Õie Ääremaa has no e-mail address"
            ),
            "{}",
            first.stdout
        );
        let got = mails.lock().unwrap().clone();
        assert_eq!(got.len(), 1, "{backend}: {got:?}");
        let mail = &got[0];
        assert_eq!(mail.to, vec!["<hele.hoidja@example.invalid>".to_string()]);
        assert_eq!(mail.from, "<ametijuhend@example.invalid>");
        assert_eq!(
            subject(&mail.data),
            "Ametijuhendi iga-aastane ülevaatus: Peaspetsialist (STAR kasutajatugi) (tähtaeg 06.03.2024)",
            "{}",
            mail.data
        );
        let body = unqp(&mail.data);
        assert!(body.contains("Tere, Hele Hoidja!"), "{body}");
        assert!(
            body.contains(
                "- Peaspetsialist (STAR kasutajatugi) (Perehüvitiste talitus) – tähtaeg 06.03.2024"
            ),
            "{body}"
        );

        // A second run sends nothing: the reminder was recorded.
        let second = reg.run(&args).ok();
        assert!(
            second.stdout.contains("sent 0 e-mail(s)"),
            "{}",
            second.stdout
        );
        assert!(second.stdout.contains("1 sent before"), "{}", second.stdout);
        assert!(second.stdout.contains("not deliverable: Talituse juhataja"));
        assert_eq!(mails.lock().unwrap().len(), 1);
    }
}

#[test]
fn without_smtp_the_digest_is_printed_and_nothing_recorded() {
    let reg = Registry::sqlite();
    restore_scenario(&reg);
    let out = reg.run(&["notify", "--today", "2024-02-20"]).ok();
    assert!(
        out.stdout
            .contains("To: Hele Hoidja <hele.hoidja@example.invalid>"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("tähtaeg 06.03.2024"), "{}", out.stdout);
    assert!(out.stdout.contains("e-mail is off"), "{}", out.stdout);
    assert!(out.stdout.contains("--smtp"), "{}", out.stdout);
    // Nothing was recorded: the same digest again.
    let again = reg
        .run(&["notify", "--today", "2024-02-20", "--dry-run"])
        .ok();
    assert!(again.stdout.contains("To: Hele Hoidja"), "{}", again.stdout);
    assert!(again.stdout.contains("0 sent before"), "{}", again.stdout);
    // A bad URL is an error that hides the password.
    let bad = reg
        .run(&[
            "notify",
            "--smtp",
            "ftp://u:geheim@host",
            "--mail-from",
            "a@b.ee",
        ])
        .fails();
    assert!(bad.stderr.contains("ftp://u:***@host"), "{}", bad.stderr);
    assert!(!bad.stderr.contains("geheim"));
}

#[test]
fn a_reminder_is_written_in_the_language_of_the_recipients_account() {
    for (lang, subject_line, lines) in [
        (
            "en",
            "Annual review of the job description: Peaspetsialist (STAR kasutajatugi) (due 06.03.2024)",
            [
                "Hello, Hele Hoidja!",
                "is due within 30 days:",
                "- Peaspetsialist (STAR kasutajatugi) (Perehüvitiste talitus) – due 06.03.2024",
                "The registry of job descriptions",
            ],
        ),
        (
            "ru",
            "Ежегодный пересмотр должностной инструкции: Peaspetsialist (STAR kasutajatugi) (срок 06.03.2024)",
            [
                "Здравствуйте, Hele Hoidja!",
                "наступает в течение 30 дней:",
                "- Peaspetsialist (STAR kasutajatugi) (Perehüvitiste talitus) – срок 06.03.2024",
                "Реестр должностных инструкций",
            ],
        ),
    ] {
        for (backend, reg) in Registry::both() {
            restore_scenario(&reg);
            // Hele Hoidja holds the division head's position, the STAR specialist's supervisor.
            let position = ametijuhend_domain::sample::ids::head_of_division().to_string();
            reg.add_user(
                "hele",
                "hele-password",
                &[
                    "--role",
                    "staff",
                    "--position",
                    &position,
                    "--language",
                    lang,
                ],
            );
            let (port, mails) = fake_smtp();
            let smtp = format!("smtp://127.0.0.1:{port}?tls=none");
            let out = reg
                .run(&[
                    "notify",
                    "--today",
                    "20.02.2024",
                    "--smtp",
                    &smtp,
                    "--mail-from",
                    "Ametijuhend <ametijuhend@example.invalid>",
                ])
                .ok();
            assert!(
                out.stdout.contains("sent 1 e-mail(s)"),
                "{backend} {lang}: {}",
                out.stdout
            );
            let got = mails.lock().unwrap().clone();
            assert_eq!(got.len(), 1, "{backend} {lang}");
            assert_eq!(
                subject(&got[0].data),
                subject_line,
                "{backend} {lang}: {}",
                got[0].data
            );
            let body = unqp(&got[0].data);
            for line in lines {
                assert!(body.contains(line), "{backend} {lang}: {line} in {body}");
            }
            for estonian in ["Tere", "tähtaeg", "Ametijuhendite register"] {
                assert!(
                    !body.contains(estonian),
                    "{backend} {lang}: {estonian} in {body}"
                );
            }
        }
    }
}
