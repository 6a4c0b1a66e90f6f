//! `ametijuhend user add|list`: accounts of the web application (not part of the registry
//! document). Passwords are read from standard input and stored only as argon2id hashes; the
//! rules and the write are the application layer's ([`ametijuhend_app::accounts`]). The demo
//! accounts of `serve --demo` are made here too.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_app::accounts::{self, AccountInput, NewAccount};
use ametijuhend_app::{AppError, Clock};
use ametijuhend_domain::text::estonian_cmp;
use ametijuhend_domain::{Role, UnitId, UnitKind};
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

/// The demo accounts (one per role, password `demo-<username>`), made when missing. The manager
/// manages "Arendusosakond" if the registry has it, else the department with the most
/// positions; the staff account holds "Peakasutaja" (its approved job description waits for
/// the holder's acknowledgement, so the account has a task), else "Peaspetsialist (STAR
/// kasutajatugi)", if either exists.
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
    let staff_position = ["Peakasutaja", "Peaspetsialist (STAR kasutajatugi)"]
        .iter()
        .find_map(|title| positions.iter().find(|p| p.full_title() == *title))
        .map(|p| p.id.clone());
    let accounts: [(&str, &str, Role); 5] = [
        ("admin", "Demo Administraator", Role::Administrator),
        ("hr", "Demo Personalitöötaja", Role::Hr),
        ("manager", "Demo Juht", Role::Manager),
        ("staff", "Demo Teenistuja", Role::Staff),
        ("auditor", "Demo Audiitor", Role::Auditor),
    ];
    for (username, name, role) in accounts {
        if store.find_user(username).await?.is_some() {
            continue;
        }
        let user = User {
            id: uuid_v4(),
            username: username.into(),
            display_name: name.into(),
            roles: vec![role],
            unit: (role == Role::Manager)
                .then(|| manager_unit.clone())
                .flatten(),
            position: (role == Role::Staff)
                .then(|| staff_position.clone())
                .flatten(),
            language: "et".into(),
            created_at: clock.timestamp(),
        };
        create(store, &user, &format!("demo-{username}")).await?;
    }
    tracing::info!("demo accounts: admin, hr, manager, staff, auditor (password demo-<username>)");
    Ok(())
}
