//! `ametijuhend user add|list`: accounts of the web application (not part of the registry
//! document). Passwords are read from standard input and stored only as argon2id hashes; the
//! rules and the write are the application layer's ([`ametijuhend_app::accounts`]). The demo
//! accounts of `serve --demo` are made here too.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_app::accounts::{self, AccountInput, NewAccount};
use ametijuhend_app::{AppError, Clock};
use ametijuhend_domain::text::estonian_cmp;
use ametijuhend_domain::{PositionId, Role, UnitId, UnitKind};
use ametijuhend_store::{Store, User};
use std::io::Read;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(clap::Subcommand)]
enum Sub {
    /// Create an account; the password is read from standard input (one line).
    #[command(
        after_help = "Examples:\n  printf '%s\\n' 'a long secret' | ametijuhend user add --username mari --role hr --name \"Mari Maasikas\"\n  ametijuhend user add --username juht --role manager --unit UNIT_ID --password-stdin < pw.txt"
    )]
    Add(AddArgs),
    /// List the accounts (username, roles, unit, position, language).
    List,
}

#[derive(clap::Args)]
struct AddArgs {
    /// The sign-in name (letters, digits, '.', '-', '_').
    #[arg(long)]
    username: String,
    /// A role: administrator, hr, manager, staff or auditor (repeat for several).
    #[arg(long = "role", required = true, value_parser = parse_role)]
    roles: Vec<Role>,
    /// For a manager: the unit whose subtree they may edit.
    #[arg(long)]
    unit: Option<String>,
    /// For a staff member: the position they hold.
    #[arg(long)]
    position: Option<String>,
    /// The name shown in the interface (default: the username).
    #[arg(long)]
    name: Option<String>,
    /// Interface language: et, en or ru.
    #[arg(long, default_value = "et")]
    language: String,
    /// Read the password from standard input (the default; kept for scripts that say so).
    #[arg(long)]
    password_stdin: bool,
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| {
        format!("'{s}' is not a role: use administrator, hr, manager, staff or auditor")
    })
}

pub async fn run(cfg: &Config, args: Args) -> Result<ExitCode, CliError> {
    let store = cfg.open_store().await?;
    match args.command {
        Sub::List => {
            for u in store.list_users().await? {
                let roles: Vec<&str> = u.roles.iter().map(|r| r.as_str()).collect();
                println!(
                    "{}\t{}\t{}\tunit={}\tposition={}\t{}",
                    u.username,
                    u.display_name,
                    roles.join(","),
                    u.unit.map(|x| x.to_string()).unwrap_or_else(|| "-".into()),
                    u.position
                        .map(|x| x.to_string())
                        .unwrap_or_else(|| "-".into()),
                    u.language
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Sub::Add(a) => {
            let _ = a.password_stdin;
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input).map_err(|e| {
                CliError::new(format!("cannot read the password from standard input: {e}"))
            })?;
            let password = input.lines().next().unwrap_or("");
            let account = NewAccount::parse(AccountInput {
                username: &a.username,
                display_name: a.name.as_deref(),
                roles: &a.roles,
                unit: a.unit.as_deref(),
                position: a.position.as_deref(),
                language: &a.language,
                password,
            })
            .map_err(add_error)?;
            let user = accounts::create(store.as_ref(), cfg.clock.as_ref(), account)
                .await
                .map_err(add_error)?;
            eprintln!("created the account '{}'", user.username);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The use case's refusal, with a hint for the command line's options.
fn add_error(e: AppError) -> CliError {
    let hint = e.problems().iter().find_map(|p| match p.field.as_str() {
        "password" => Some(
            "give a longer password on standard input, e.g. printf '%s\\n' 'a long secret' | ametijuhend user add …",
        ),
        "unit" => Some("give --unit UNIT_ID, a unit of the registry (see the units with: ametijuhend export | less)"),
        "position" => Some("give --position POSITION_ID, a position of the registry"),
        "display_name" => Some("give --name, or leave it out to show the username"),
        _ => None,
    });
    let err = CliError::from(e);
    match hint {
        Some(h) => err.with_hint(h),
        None => err,
    }
}

fn uuid_v4() -> String {
    let mut b = [0u8; 16];
    let _ = getrandom_fill(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

fn getrandom_fill(b: &mut [u8]) -> Result<(), CliError> {
    let token =
        accounts::random_token().map_err(|e| CliError::new(format!("no randomness: {e}")))?;
    let bytes = hex::decode(token).unwrap_or_default();
    for (dst, src) in b.iter_mut().zip(bytes) {
        *dst = src;
    }
    Ok(())
}

async fn create(store: &Store, user: &User, password: &str) -> Result<(), CliError> {
    let password = password.to_string();
    let hash = accounts::hash_off_executor(password).await?;
    store.create_user(user, &hash).await.map_err(CliError::from)
}

/// A demo account: username, name, role, unit (a manager's), position (held).
type DemoAccount = (
    &'static str,
    String,
    Role,
    Option<UnitId>,
    Option<PositionId>,
);

/// The demo accounts (one per role, password `demo-<username>`), made when missing. The manager
/// manages "Arendusosakond" if the registry has it, else the department with the most
/// positions, and acts for every position there (the account names no position); the staff
/// account holds the real "Peakasutaja" of Perehüvitiste valdkonna tiim (its approved job
/// description waits for the holder's acknowledgement, so the account has a task), else
/// another "Peakasutaja" or "Peaspetsialist (STAR kasutajatugi)", if one exists. Where the
/// registry has a "Talitusejuhataja" of "Arendustalitus" (the generated demo agency), a second
/// manager, `juht`, holds that position and manages that division: the supervisor of the
/// positions that report to it.
pub async fn create_demo_accounts(store: &Store, clock: &dyn Clock) -> Result<(), CliError> {
    let units = store.list_units().await?;
    let positions = store.list_positions(None).await?;
    let tree = ametijuhend_domain::access::UnitTree::new(&units);
    let in_subtree = |root: &UnitId| {
        positions
            .iter()
            .filter(|p| tree.is_within(&p.unit, root))
            .count()
    };
    let mut departments: Vec<_> = units
        .iter()
        .filter(|u| u.current().kind == UnitKind::Department)
        .collect();
    departments.sort_by(|a, b| {
        in_subtree(&b.id)
            .cmp(&in_subtree(&a.id))
            .then_with(|| estonian_cmp(a.name(), b.name()))
    });
    let manager_unit = units
        .iter()
        .find(|u| u.name() == "Arendusosakond")
        .or(departments.first().copied())
        .or(units.first())
        .map(|u| u.id.clone());
    // The real "Peakasutaja" stands in Perehüvitiste valdkonna tiim (generated ones elsewhere).
    let unit_named = |p: &ametijuhend_domain::Position, name: &str| {
        units.iter().any(|u| u.id == p.unit && u.name() == name)
    };
    let staff_position = positions
        .iter()
        .find(|p| p.full_title() == "Peakasutaja" && unit_named(p, "Perehüvitiste valdkonna tiim"))
        .or_else(|| {
            ["Peakasutaja", "Peaspetsialist (STAR kasutajatugi)"]
                .iter()
                .find_map(|title| positions.iter().find(|p| p.full_title() == *title))
        })
        .map(|p| p.id.clone());
    // A second manager who holds a position: the head of Arendustalitus (in the generated demo
    // agency), the supervisor of its members and of its teams' members.
    let division_head = positions
        .iter()
        .find(|p| p.title == "Talitusejuhataja" && unit_named(p, "Arendustalitus"));
    let mut accounts: Vec<DemoAccount> = vec![
        (
            "admin",
            "Demo Administraator".into(),
            Role::Administrator,
            None,
            None,
        ),
        ("hr", "Demo Personalitöötaja".into(), Role::Hr, None, None),
        (
            "manager",
            "Demo Juht".into(),
            Role::Manager,
            manager_unit,
            None,
        ),
        (
            "staff",
            "Demo Teenistuja".into(),
            Role::Staff,
            None,
            staff_position,
        ),
        ("auditor", "Demo Audiitor".into(), Role::Auditor, None, None),
    ];
    if let Some(head) = division_head {
        accounts.push((
            "juht",
            "Demo Talitusejuhataja".into(),
            Role::Manager,
            Some(head.unit.clone()),
            Some(head.id.clone()),
        ));
    }
    let mut made = Vec::new();
    for (username, name, role, unit, position) in accounts {
        made.push(username);
        if store.find_user(username).await?.is_some() {
            continue;
        }
        let user = User {
            id: uuid_v4(),
            username: username.into(),
            display_name: name,
            roles: vec![role],
            unit,
            position,
            language: "et".into(),
            created_at: clock.timestamp(),
        };
        create(store, &user, &format!("demo-{username}")).await?;
    }
    tracing::info!(
        "demo accounts: {} (password demo-<username>)",
        made.join(", ")
    );
    Ok(())
}
