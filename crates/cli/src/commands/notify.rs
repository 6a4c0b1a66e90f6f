//! `ametijuhend notify`: reminds supervisors by e-mail of the annual reviews due within 30 days.
//!
//! The use case is the application layer's ([`ametijuhend_app::reminders`]: who gets which
//! e-mail, in which language, recorded once sent); this command and the daily run of `serve`
//! only hand it an SMTP transport and print or log what it did. The command may run daily
//! (`serve` does, when SMTP is configured) or after days without running: a reminder sent
//! before is not sent again.
//!
//! E-mail is off by default: without an SMTP server the command prints the e-mails it would
//! send and says how to configure one. Reminders that cannot be delivered — the position has no
//! supervisor, the supervisor's position is vacant, its holder has no e-mail address — are
//! reported every time, never dropped silently. The SMTP URL's password never appears in
//! output or logs.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_app::SharedClock;
use ametijuhend_app::reminders::{self, Mail, Outbox, Plan};
use ametijuhend_domain::time::format_date_et;
use ametijuhend_store::{Store, redact_url};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, Message, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
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

impl Outbox for Mailer {
    async fn send(&self, to_name: &str, to_email: &str, mail: &Mail) -> Result<(), String> {
        let to: Mailbox = format!("{} <{to_email}>", to_name.replace(['<', '>', '"'], ""))
            .parse()
            .map_err(|e| format!("{to_email}: not an e-mail address ({e})"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .header(ContentTransferEncoding::QuotedPrintable)
                    .body(mail.body.clone()),
            )
            .map_err(|e| format!("{to_email}: cannot build the e-mail ({e})"))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| {
            format!(
                "{to_email}: the SMTP server {} refused or failed: {e}",
                self.shown_url
            )
        })
    }
}

fn print_plan(plan: &Plan, base_url: Option<&str>) {
    for d in &plan.digests {
        let Mail { subject, body } = reminders::compose(d, base_url);
        println!("To: {} <{}>\nSubject: {subject}\n\n{body}", d.name, d.email);
    }
    print_undeliverable(plan);
}

fn print_undeliverable(plan: &Plan) {
    for (r, reason) in &plan.undeliverable {
        println!(
            "not deliverable: {} (review due {}): {reason}",
            r.reminder.title,
            format_date_et(r.reminder.due)
        );
    }
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let today = cfg.day(args.today.as_deref())?;
    let mailer = args.mail.mailer()?;
    let store = cfg.open_store().await?;
    let plan = reminders::plan(store.as_ref(), today).await?;
    let base_url = args.mail.base_url.as_deref();
    let summary = format!(
        "{} reminder(s) to {} supervisor(s), {} not deliverable, {} sent before",
        plan.reminder_count(),
        plan.digests.len(),
        plan.undeliverable.len(),
        plan.already_sent
    );
    let Some(mailer) = mailer.filter(|_| !args.dry_run) else {
        print_plan(&plan, base_url);
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
    let sent = reminders::send(store.as_ref(), cfg.clock.as_ref(), &plan, &mailer, base_url).await;
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
        match reminders::run(store.as_ref(), clock.as_ref(), &mailer, base_url.as_deref()).await {
            Ok((plan, sent)) => {
                for (r, reason) in &plan.undeliverable {
                    tracing::warn!(position = %r.reminder.position, reason, "review reminder not deliverable");
                }
                tracing::info!(
                    emails = sent.emails,
                    reminders = sent.reminders,
                    failed = sent.failed.len(),
                    smtp = %mailer.shown_url,
                    "review reminders"
                );
            }
            Err(e) => tracing::error!(error = %e, "review reminders failed"),
        }
        tokio::time::sleep(Duration::from_secs(24 * 60 * 60)).await;
    }
}
