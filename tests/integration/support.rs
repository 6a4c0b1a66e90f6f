//! Test support: running the binary, fresh registries, a fresh PostgreSQL database per test, a
//! running server on a random port, and a minimal HTTP client.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

pub const BIN: &str = env!("CARGO_BIN_EXE_ametijuhend");

/// The outcome of one run of the program.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Self {
        Self {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "command failed:\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn fails(self) -> Self {
        assert_ne!(
            self.code, 0,
            "command should have failed:\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert!(
            !self.stderr.contains("panicked"),
            "the program panicked: {}",
            self.stderr
        );
        self
    }
}

/// A registry to run commands against: a fresh data directory, and optionally a database URL.
pub struct Registry {
    pub dir: tempfile::TempDir,
    pub database: Option<String>,
    _pg: Option<PgDatabase>,
}

impl Registry {
    /// Embedded SQLite in a fresh data directory.
    pub fn sqlite() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
            database: None,
            _pg: None,
        }
    }

    /// A fresh database on the test PostgreSQL server.
    pub fn postgres() -> Self {
        let pg = PgDatabase::create();
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
            database: Some(pg.url.clone()),
            _pg: Some(pg),
        }
    }

    pub fn both() -> Vec<(&'static str, Registry)> {
        vec![("sqlite", Self::sqlite()), ("postgres", Self::postgres())]
    }

    pub fn command(&self) -> Command {
        let mut c = Command::new(BIN);
        c.env_remove("AMETIJUHEND_DATA_DIR")
            .env_remove("AMETIJUHEND_DATABASE_URL")
            .env("AMETIJUHEND_LOG", "warn")
            .arg("--data-dir")
            .arg(self.dir.path());
        if let Some(db) = &self.database {
            c.arg("--database").arg(db);
        }
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let out = self
            .command()
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run ametijuhend");
        Run::from(out)
    }

    pub fn run_with_stdin(&self, args: &[&str], input: &[u8]) -> Run {
        let mut child = self
            .command()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn ametijuhend");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
        Run::from(child.wait_with_output().expect("wait"))
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Starts `serve` on a random port and waits until it answers.
    pub fn serve(&self, extra: &[&str]) -> Server {
        let mut child = self
            .command()
            .env("AMETIJUHEND_LOG", "info")
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn serve");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let mut seen = String::new();
        let addr = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(rest) = line.split("serving on http://").nth(1) {
                        break rest.split_whitespace().next().expect("address").to_string();
                    }
                    seen.push_str(&line);
                    seen.push('\n');
                }
                _ => {
                    let _ = child.kill();
                    panic!("server did not start:\n{seen}");
                }
            }
        };
        // Keep draining the log so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, addr }
    }
}

pub struct Server {
    child: Child,
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response as the tests need it.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl Server {
    /// A plain HTTP/1.1 GET (Connection: close).
    pub fn get(&self, path: &str) -> Response {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(30))).ok();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .expect("send");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read");
        parse_response(&raw)
    }
}

fn parse_response(raw: &[u8]) -> Response {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = text.split_once("\r\n\r\n").expect("HTTP head");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_string()
    };
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        let bytes = rest.as_bytes();
        out.push_str(&String::from_utf8_lossy(&bytes[..n.min(bytes.len())]));
        s = rest.get(n + 2..).unwrap_or("");
    }
    out
}

/// A database of its own on the test PostgreSQL server, dropped at the end of the test.
pub struct PgDatabase {
    pub url: String,
    server: String,
    name: String,
}

fn pg_server() -> String {
    std::env::var("AMETIJUHEND_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!(
            "AMETIJUHEND_TEST_POSTGRES_URL is not set: run the tests with scripts/test.sh \
             (or scripts/with-postgres.sh cargo test), which starts a throwaway PostgreSQL"
        )
    })
}

fn psql(server: &str, sql: &str) {
    let out = Command::new("psql")
        .arg(format!("{server}/postgres"))
        .args(["-v", "ON_ERROR_STOP=1", "-q", "-c", sql])
        .output()
        .expect("run psql (install postgresql-client)");
    assert!(
        out.status.success(),
        "psql failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

impl PgDatabase {
    pub fn create() -> Self {
        let server = pg_server();
        let name = format!(
            "it_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        );
        psql(&server, &format!("CREATE DATABASE {name}"));
        Self {
            url: format!("{server}/{name}"),
            server,
            name,
        }
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let _ = Command::new("psql")
            .arg(format!("{}/postgres", self.server))
            .args([
                "-q",
                "-c",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            ])
            .output();
    }
}

/// The registry document of the domain's sample registry, as `export` would write it.
pub fn sample_json() -> String {
    let mut r = ametijuhend_domain::sample::sample_registry();
    r.canonicalize();
    let mut s = serde_json::to_string_pretty(&r).expect("serialise");
    s.push('\n');
    s
}

/// Sends one raw HTTP/1.1 request (Connection: close) and reads the whole response.
fn exchange(addr: &str, request: &str) -> Response {
    parse_response(&exchange_raw(addr, request.as_bytes()))
}

fn exchange_raw(addr: &str, request: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60))).ok();
    s.write_all(request).expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    raw
}

impl Client<'_> {
    /// POSTs a binary body with its content type and extra headers, keeping cookies.
    pub fn post_bytes(
        &mut self,
        path: &str,
        content_type: &str,
        body: &[u8],
        headers: &[(&str, &str)],
    ) -> Response {
        let extra: String = headers
            .iter()
            .map(|(k, v)| format!("{k}: {v}\r\n"))
            .collect();
        let mut req = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\n{}{extra}Content-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.server.addr,
            self.cookie_header(),
            body.len()
        )
        .into_bytes();
        req.extend_from_slice(body);
        let r = parse_response(&exchange_raw(&self.server.addr, &req));
        self.keep(&r);
        r
    }

    /// POSTs a `multipart/form-data` form: text fields and one file.
    pub fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &[u8]),
    ) -> Response {
        let boundary = "ametijuhend-test-boundary-7d3f";
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        let (name, file_name, bytes) = file;
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/vnd.etsi.asic-e+zip\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        self.post_bytes(
            path,
            &format!("multipart/form-data; boundary={boundary}"),
            &body,
            &[],
        )
    }

    /// GETs a file: the status, the headers and the body's bytes as sent.
    pub fn get_bytes(&mut self, path: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let req = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\n{}Connection: close\r\n\r\n",
            self.server.addr,
            self.cookie_header()
        );
        let raw = exchange_raw(&self.server.addr, req.as_bytes());
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("HTTP head");
        let head = parse_response(&raw[..split + 4]);
        let mut body = raw[split + 4..].to_vec();
        let chunked = head
            .header("transfer-encoding")
            .is_some_and(|v| v.contains("chunked"));
        if chunked {
            body = dechunk_bytes(&body);
        }
        (head.status, head.headers, body)
    }
}

fn dechunk_bytes(mut s: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = s.windows(2).position(|w| w == b"\r\n") {
        let size = String::from_utf8_lossy(&s[..end]);
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        let rest = &s[end + 2..];
        out.extend_from_slice(&rest[..n.min(rest.len())]);
        s = rest.get(n + 2..).unwrap_or(&[]);
    }
    out
}

/// Percent-encodes a form value.
pub fn enc(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A browser-like client: keeps cookies, sends forms.
pub struct Client<'s> {
    pub server: &'s Server,
    pub cookies: Vec<(String, String)>,
}

impl Response {
    /// The value of a hidden input `name` in the page (the first one).
    pub fn hidden(&self, name: &str) -> Option<String> {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self.body.find(&marker)? + marker.len();
        Some(self.body[start..].split('"').next()?.to_string())
    }
}

impl<'s> Client<'s> {
    pub fn new(server: &'s Server) -> Self {
        Self {
            server,
            cookies: Vec::new(),
        }
    }

    fn cookie_header(&self) -> String {
        if self.cookies.is_empty() {
            return String::new();
        }
        let pairs: Vec<String> = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        format!("Cookie: {}\r\n", pairs.join("; "))
    }

    fn keep(&mut self, r: &Response) {
        for (k, v) in &r.headers {
            if k.eq_ignore_ascii_case("set-cookie") {
                let pair = v.split(';').next().unwrap_or("");
                if let Some((name, value)) = pair.split_once('=') {
                    self.cookies.retain(|(n, _)| n != name);
                    if !value.is_empty() {
                        self.cookies.push((name.to_string(), value.to_string()));
                    }
                }
            }
        }
    }

    pub fn get(&mut self, path: &str) -> Response {
        let req = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\n{}Connection: close\r\n\r\n",
            self.server.addr,
            self.cookie_header()
        );
        let r = exchange(&self.server.addr, &req);
        self.keep(&r);
        r
    }

    /// POSTs a form (fields are encoded here).
    pub fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect();
        self.post_raw(path, &body.join("&"))
    }

    pub fn post_raw(&mut self, path: &str, body: &str) -> Response {
        let req = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\n{}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.server.addr,
            self.cookie_header(),
            body.len()
        );
        let r = exchange(&self.server.addr, &req);
        self.keep(&r);
        r
    }

    /// POSTs a form with extra request headers (e.g. `Origin: https://elsewhere.example`).
    pub fn post_with_headers(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Response {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect();
        let body = body.join("&");
        let extra: String = headers
            .iter()
            .map(|(k, v)| format!("{k}: {v}\r\n"))
            .collect();
        let req = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\n{}{extra}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.server.addr,
            self.cookie_header(),
            body.len()
        );
        let r = exchange(&self.server.addr, &req);
        self.keep(&r);
        r
    }

    /// POSTs a JSON body with extra headers (e.g. `X-CSRF-Token`), keeping cookies.
    pub fn post_json(&mut self, path: &str, body: &str, headers: &[(&str, &str)]) -> Response {
        let extra: String = headers
            .iter()
            .map(|(k, v)| format!("{k}: {v}\r\n"))
            .collect();
        let req = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\n{}{extra}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.server.addr,
            self.cookie_header(),
            body.len()
        );
        let r = exchange(&self.server.addr, &req);
        self.keep(&r);
        r
    }

    /// Signs in through the login form; returns the response to the POST.
    pub fn login(&mut self, username: &str, password: &str) -> Response {
        let form = self.get("/login");
        let csrf = form
            .hidden("csrf")
            .expect("the login form has a CSRF token");
        self.post(
            "/login",
            &[
                ("csrf", &csrf),
                ("username", username),
                ("password", password),
            ],
        )
    }

    /// The CSRF token of the session (from any page's forms).
    pub fn csrf(&mut self) -> String {
        self.get("/").hidden("csrf").expect("a page with a form")
    }

    /// Chooses the interface language with the language form, as a person does (the account
    /// keeps it; `?lang=` changes one request only).
    pub fn choose_language(&mut self, code: &str) {
        let csrf = self.csrf();
        let r = self.post(
            "/language",
            &[("csrf", &csrf), ("lang", code), ("return", "/")],
        );
        assert_eq!(r.status, 303, "the language form: {}", r.body);
    }
}

impl Registry {
    /// A server over the four real job descriptions of `data/demo` and the demo accounts only
    /// (a small registry whose contents tests can count on): imported first, so that
    /// `serve --demo` finds a registry that is not new and adds the accounts, not the generated
    /// agency.
    pub fn serve_real_documents(&self) -> Server {
        let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo");
        self.run(&["import", demo.to_str().expect("a UTF-8 path")])
            .ok();
        self.serve(&["--demo"])
    }

    /// Creates an account with `user add`.
    pub fn add_user(&self, username: &str, password: &str, extra: &[&str]) {
        let mut args = vec!["user", "add", "--username", username];
        args.extend_from_slice(extra);
        self.run_with_stdin(&args, format!("{password}\n").as_bytes())
            .ok();
    }
}
