//! `ametijuhend notify`: reminds supervisors by e-mail of the annual reviews due within 30 days.
//!
//! The reminders are the domain's ([`reminders`]): one per position whose review falls due
//! within [`REMINDER_LEAD_DAYS`]. They are grouped by the person who holds the supervisor's
//! position on the day, and each such person gets one e-mail listing their positions. Every
//! reminder sent is recorded by its key (position and due date) in the store, and a key recorded
//! before is not sent again, so the command may run daily (`serve` does, when SMTP is
//! configured) or after days without running.
//!
//! Each e-mail is written in the language of the account that holds the supervisor's position
//! (`user add --position … --language et|en|ru`), in Estonian when no account does; the texts
//! are the web interface's Fluent messages (`mail.ftl`).
//!
//! E-mail is off by default: without an SMTP server the command prints the digest and says how
//! to configure one. Reminders that cannot be delivered — the position has no supervisor, the
//! supervisor's position is vacant, its holder has no e-mail address — are reported every time,
//! never dropped silently. The SMTP URL's password never appears in output or logs.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_app::{Clock, SharedClock};
use ametijuhend_domain::PositionId;
use ametijuhend_domain::Registry;
use ametijuhend_domain::review::{REMINDER_LEAD_DAYS, Reminder, reminders};
use ametijuhend_domain::time::format_date_et;
use ametijuhend_store::{Store, redact_url};
use ametijuhend_web::i18n::{Arg, Lang, translate};
use chrono::NaiveDate;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, Message, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// Compute the reminders as of this day (DD.MM.YYYY or YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// Print what would be sent; send nothing and record nothing.
    #[arg(long)]
    dry_run: bool,
    #[command(flatten)]
    pub mail: MailArgs,
}

/// The e-mail settings shared by `notify` and `serve`.
#[derive(clap::Args, Clone, Default)]
pub struct MailArgs {
    /// The SMTP server: smtp://[USER:PASSWORD@]HOST[:PORT] (STARTTLS, port 587 by default),
    /// smtps://… (TLS from the start, port 465); `?tls=none` sends without TLS (only for a relay
    /// on this machine or a test server). Without it, e-mail is off.
    #[arg(
        long = "smtp",
        env = "AMETIJUHEND_SMTP_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub smtp: Option<String>,
    /// The sender address of the reminders, e.g. "Ametijuhend <ametijuhend@sotsiaalkindlustusamet.ee>".
    #[arg(long, env = "AMETIJUHEND_MAIL_FROM", value_name = "ADDRESS")]
    pub mail_from: Option<String>,
    /// The address of the web application, for links in the e-mails (e.g. https://ametijuhend.ska.ee).
    #[arg(long, env = "AMETIJUHEND_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,
}

/// An SMTP connection as configured (the URL kept only without its password).
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The SMTP URL with the password replaced by `***`.
    pub shown_url: String,
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl MailArgs {
    /// The mailer, or None when no SMTP server is configured (e-mail off).
    pub fn mailer(&self) -> Result<Option<Mailer>, CliError> {
        let Some(url) = self
            .smtp
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        else {
            return Ok(None);
        };
        let shown_url = redact_url(url);
        let bad = |what: &str| {
            CliError::new(format!("the SMTP URL '{shown_url}' {what}")).with_hint(
                "write it as smtp://USER:PASSWORD@HOST:587 (STARTTLS), smtps://USER:PASSWORD@HOST:465 (TLS) or smtp://127.0.0.1:2525?tls=none (no TLS, a local relay)",
            )
        };
        let (scheme, rest) = url.split_once("://").ok_or_else(|| bad("has no scheme"))?;
        let (rest, query) = match rest.split_once('?') {
            Some((r, q)) => (r, Some(q)),
            None => (rest, None),
        };
        let rest = rest.trim_end_matches('/');
        let (user_info, host_port) = match rest.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, rest),
        };
        let (host, port) = match host_port.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || p.chars().all(|c| c.is_ascii_digit()) => (
                h,
                Some(
                    p.parse::<u16>()
                        .map_err(|_| bad("has a port that is not a number"))?,
                ),
            ),
            _ => (host_port, None),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return Err(bad("names no host"));
        }
        let tls_param = query
            .into_iter()
            .flat_map(|q| q.split('&'))
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| *k == "tls")
            .map(|(_, v)| v);
        let params = || {
            TlsParameters::new(host.to_string())
                .map_err(|e| CliError::new(format!("cannot set up TLS for {host}: {e}")))
        };
        let (tls, default_port) = match (scheme.to_ascii_lowercase().as_str(), tls_param) {
            ("smtp", None | Some("required") | Some("starttls")) => (Tls::Required(params()?), 587),
            ("smtp", Some("opportunistic")) => (Tls::Opportunistic(params()?), 587),
            ("smtp", Some("none")) => (Tls::None, 25),
            ("smtps", None | Some("required")) => (Tls::Wrapper(params()?), 465),
            _ => return Err(bad("has an unknown scheme or tls parameter")),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port.unwrap_or(default_port))
            .tls(tls)
            .timeout(Some(Duration::from_secs(30)));
        if let Some(user_info) = user_info {
            let (user, password) = user_info.split_once(':').unwrap_or((user_info, ""));
            builder = builder.credentials(Credentials::new(
                percent_decode(user),
                percent_decode(password),
            ));
        }
        let from_raw = self.mail_from.as_deref().map(str::trim).unwrap_or("");
        if from_raw.is_empty() {
            return Err(CliError::new("e-mail needs a sender address")
                .with_hint("give --mail-from ADDRESS or set AMETIJUHEND_MAIL_FROM"));
        }
        let from: Mailbox = from_raw.parse().map_err(|e| {
            CliError::new(format!(
                "--mail-from '{from_raw}' is not an e-mail address: {e}"
            ))
        })?;
        Ok(Some(Mailer {
            transport: builder.build(),
            from,
            shown_url,
        }))
    }
}

/// The reminders of one supervisor.
pub struct Digest {
    pub name: String,
    pub email: String,
    /// The language of the account holding the supervisor's position (Estonian without one).
    pub lang: Lang,
    pub reminders: Vec<Reminder>,
}

/// What one run would do.
pub struct Plan {
    pub digests: Vec<Digest>,
    /// Reminders that cannot be delivered, with the reason.
    pub undeliverable: Vec<(Reminder, String)>,
    /// Reminders sent before (not sent again).
    pub already_sent: usize,
}

/// The reminders due on `today`, grouped per supervisor (those sent before left out).
pub async fn plan(store: &Store, registry: &Registry, today: NaiveDate) -> Result<Plan, CliError> {
    let all = reminders(registry, today, REMINDER_LEAD_DAYS);
    let keys: Vec<String> = all.iter().map(|r| r.key.clone()).collect();
    let sent = store.notifications_sent(&keys).await?;
    // The language of each position's account (the first account, when several hold it).
    let mut languages: HashMap<PositionId, Lang> = HashMap::new();
    for u in store.list_users().await? {
        if let (Some(p), Some(lang)) = (u.position, Lang::parse(&u.language)) {
            languages.entry(p).or_insert(lang);
        }
    }
    let mut by_email: BTreeMap<String, Digest> = BTreeMap::new();
    let mut undeliverable = Vec::new();
    let mut already_sent = 0;
    for r in all {
        if sent.contains(&r.key) {
            already_sent += 1;
            continue;
        }
        let supervisor = r.supervisor.as_ref().and_then(|s| registry.position(s));
        let person = r
            .supervisor_holder
            .as_ref()
            .and_then(|p| registry.person(p));
        let reason = match (&r.supervisor, supervisor, person) {
            (None, _, _) => Some("the position has no supervisor".to_string()),
            (Some(s), None, _) => Some(format!(
                "the supervisor position {s} is not in the registry"
            )),
            (Some(_), Some(s), None) => Some(format!(
                "the supervisor position '{}' has no holder on {}",
                s.full_title(),
                format_date_et(today)
            )),
            (Some(_), Some(_), Some(p)) => match p.email.as_deref().map(str::trim) {
                Some(e) if !e.is_empty() => {
                    by_email
                        .entry(e.to_string())
                        .or_insert_with(|| Digest {
                            name: p.name.clone(),
                            email: e.to_string(),
                            lang: r
                                .supervisor
                                .as_ref()
                                .and_then(|s| languages.get(s).copied())
                                .unwrap_or_default(),
                            reminders: vec![],
                        })
                        .reminders
                        .push(r.clone());
                    None
                }
                _ => Some(format!(
                    "the supervisor {} has no e-mail address in the registry",
                    p.name
                )),
            },
        };
        if let Some(reason) = reason {
            undeliverable.push((r, reason));
        }
    }
    Ok(Plan {
        digests: by_email.into_values().collect(),
        undeliverable,
        already_sent,
    })
}

fn unit_of(registry: &Registry, r: &Reminder) -> String {
    registry
        .position(&r.position)
        .and_then(|p| registry.unit(&p.unit))
        .map(|u| u.name().to_string())
        .unwrap_or_default()
}

/// The subject and text of a supervisor's e-mail, in the digest's language.
pub fn message_text(registry: &Registry, d: &Digest, base_url: Option<&str>) -> (String, String) {
    let t = |key: &str, args: &[(&str, Arg)]| translate(d.lang, key, args);
    let n = d.reminders.len();
    let subject = if n == 1 {
        t(
            "mail-review-subject-one",
            &[
                ("title", Arg::from(&d.reminders[0].title)),
                ("due", Arg::from(format_date_et(d.reminders[0].due))),
            ],
        )
    } else {
        t("mail-review-subject-many", &[("count", Arg::from(n))])
    };
    let mut body = format!(
        "{}\n\n{}\n\n",
        t("mail-review-greeting", &[("name", Arg::from(&d.name))]),
        t(
            "mail-review-intro",
            &[("days", Arg::from(REMINDER_LEAD_DAYS))]
        )
    );
    for r in &d.reminders {
        body.push_str(&t(
            "mail-review-item",
            &[
                ("title", Arg::from(&r.title)),
                ("unit", Arg::from(unit_of(registry, r))),
                ("due", Arg::from(format_date_et(r.due))),
            ],
        ));
        body.push('\n');
        if let Some(base) = base_url {
            body.push_str(&format!(
                "  {}/positions/{}\n",
                base.trim_end_matches('/'),
                r.position
            ));
        }
    }
    body.push_str(&format!(
        "\n{}\n\n{}\n",
        t("mail-review-outro", &[]),
        t("mail-signature", &[])
    ));
    (subject, body)
}

/// The outcome of sending.
#[derive(Debug, Default)]
pub struct Sent {
    pub emails: usize,
    pub reminders: usize,
    pub failed: Vec<String>,
}

/// Sends one e-mail per digest and records its reminders as sent.
pub async fn send(
    store: &Store,
    registry: &Registry,
    plan: &Plan,
    mailer: &Mailer,
    base_url: Option<&str>,
    clock: &dyn Clock,
) -> Sent {
    let mut out = Sent::default();
    for d in &plan.digests {
        let (subject, body) = message_text(registry, d, base_url);
        let to: Result<Mailbox, _> =
            format!("{} <{}>", d.name.replace(['<', '>', '"'], ""), d.email).parse();
        let message = to
            .map_err(|e| format!("{}: not an e-mail address ({e})", d.email))
            .and_then(|to| {
                Message::builder()
                    .from(mailer.from.clone())
                    .to(to)
                    .subject(subject)
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .header(ContentTransferEncoding::QuotedPrintable)
                            .body(body),
                    )
                    .map_err(|e| format!("{}: cannot build the e-mail ({e})", d.email))
            });
        let result = match message {
            Ok(m) => mailer.transport.send(m).await.map(|_| ()).map_err(|e| {
                format!(
                    "{}: the SMTP server {} refused or failed: {e}",
                    d.email, mailer.shown_url
                )
            }),
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => {
                let keys: Vec<String> = d.reminders.iter().map(|r| r.key.clone()).collect();
                let now = clock.timestamp();
                if let Err(e) = store.record_notifications(&keys, &d.email, now).await {
                    out.failed.push(format!(
                        "{}: sent, but cannot record it as sent ({e}); it may be sent again",
                        d.email
                    ));
                } else {
                    out.emails += 1;
                    out.reminders += keys.len();
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "a reminder e-mail was not sent");
                out.failed.push(e);
            }
        }
    }
    out
}

fn print_plan(registry: &Registry, plan: &Plan, base_url: Option<&str>) {
    for d in &plan.digests {
        let (subject, body) = message_text(registry, d, base_url);
        println!("To: {} <{}>\nSubject: {subject}\n\n{body}", d.name, d.email);
    }
    print_undeliverable(plan);
}

fn print_undeliverable(plan: &Plan) {
    for (r, reason) in &plan.undeliverable {
        println!(
            "not deliverable: {} (review due {}): {reason}",
            r.title,
            format_date_et(r.due)
        );
    }
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let today = cfg.day(args.today.as_deref())?;
    let mailer = args.mail.mailer()?;
    let store = cfg.open_store().await?;
    let registry = store.export().await?;
    let plan = plan(&store, &registry, today).await?;
    let base_url = args.mail.base_url.as_deref();
    let total: usize = plan.digests.iter().map(|d| d.reminders.len()).sum();
    let summary = format!(
        "{total} reminder(s) to {} supervisor(s), {} not deliverable, {} sent before",
        plan.digests.len(),
        plan.undeliverable.len(),
        plan.already_sent
    );
    let Some(mailer) = mailer.filter(|_| !args.dry_run) else {
        print_plan(&registry, &plan, base_url);
        println!("{summary}");
        if args.dry_run {
            println!("dry run: nothing was sent or recorded");
        } else {
            println!(
                "e-mail is off: nothing was sent. To send the reminders, give an SMTP server with --smtp URL (or AMETIJUHEND_SMTP_URL), e.g. smtp://user:password@mail.example.ee:587, and a sender with --mail-from (or AMETIJUHEND_MAIL_FROM)"
            );
        }
        return Ok(ExitCode::SUCCESS);
    };
    print_undeliverable(&plan);
    let sent = send(
        &store,
        &registry,
        &plan,
        &mailer,
        base_url,
        cfg.clock.as_ref(),
    )
    .await;
    for f in &sent.failed {
        eprintln!("error: {f}");
    }
    println!(
        "sent {} e-mail(s) with {} reminder(s) through {}; {} not deliverable, {} sent before",
        sent.emails,
        sent.reminders,
        mailer.shown_url,
        plan.undeliverable.len(),
        plan.already_sent
    );
    Ok(if sent.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Sends the reminders once now and then once a day (for `serve`), logging what it did.
pub async fn daily(store: Store, clock: SharedClock, mailer: Mailer, base_url: Option<String>) {
    loop {
        let today = clock.today();
        match store.export().await {
            Ok(registry) => match plan(&store, &registry, today).await {
                Ok(plan) => {
                    for (r, reason) in &plan.undeliverable {
                        tracing::warn!(position = %r.position, reason, "review reminder not deliverable");
                    }
                    let sent = send(
                        &store,
                        &registry,
                        &plan,
                        &mailer,
                        base_url.as_deref(),
                        clock.as_ref(),
                    )
                    .await;
                    tracing::info!(
                        emails = sent.emails,
                        reminders = sent.reminders,
                        failed = sent.failed.len(),
                        smtp = %mailer.shown_url,
                        "review reminders"
                    );
                }
                Err(e) => tracing::error!(error = %e.message, "review reminders failed"),
            },
            Err(e) => tracing::error!(error = %e, "review reminders: cannot read the registry"),
        }
        tokio::time::sleep(Duration::from_secs(24 * 60 * 60)).await;
    }
}
