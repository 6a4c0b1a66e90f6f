//! Accounts of the web application (not part of the registry document): creating one from a
//! validated [`NewAccount`], password hashing and verification (argon2id, [`password`]) and
//! the random tokens of sessions and forms ([`random_token`]).
//!
//! Creating an account is the operator's act on the database (`ametijuhend user add`, and the
//! demo accounts of `serve`): the first account is made this way, before anyone can sign in, so
//! no account acts and there is no permission to ask. The store writes an account in one
//! transaction of its own ([`Repository::create_user`]); it keeps no audit entry for accounts.

pub mod password;

use crate::{AppError, Clock, Problem};
use ametijuhend_domain::{PositionId, Role, UnitId};
use ametijuhend_store::{Repository, User};

pub use password::{dummy_hash, hash_password, verify_password};

/// The shortest password, in characters.
pub const MIN_PASSWORD: usize = 8;
/// The longest username, in characters.
pub const MAX_USERNAME: usize = 64;
/// The longest display name, in characters.
pub const MAX_DISPLAY_NAME: usize = 200;
/// The interface languages an account may choose.
pub const LANGUAGES: [&str; 3] = ["et", "en", "ru"];

/// A fresh random token: 32 bytes from the operating system, hex.
pub fn random_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(hex::encode(bytes))
}

/// What an interface read for a new account, before validation.
#[derive(Debug, Clone, Default)]
pub struct AccountInput<'a> {
    pub username: &'a str,
    /// The name shown in the interface (`None`: the username).
    pub display_name: Option<&'a str>,
    pub roles: &'a [Role],
    /// For a manager: the unit (id) whose subtree they may edit.
    pub unit: Option<&'a str>,
    /// For a staff member: the position (id) they hold.
    pub position: Option<&'a str>,
    /// Interface language: et, en or ru.
    pub language: &'a str,
    pub password: &'a str,
}

/// A new account, validated: a username of letters, digits, '.', '-' and '_'; a display name;
/// at least one role (a manager with a unit); a known interface language; a password of at
/// least [`MIN_PASSWORD`] characters. Whether the unit and position exist is checked by
/// [`create`], against the store.
#[derive(Clone)]
pub struct NewAccount {
    username: String,
    display_name: String,
    roles: Vec<Role>,
    unit: Option<UnitId>,
    position: Option<PositionId>,
    language: String,
    password: String,
}

impl std::fmt::Debug for NewAccount {
    /// Everything but the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewAccount")
            .field("username", &self.username)
            .field("display_name", &self.display_name)
            .field("roles", &self.roles)
            .field("unit", &self.unit)
            .field("position", &self.position)
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

impl NewAccount {
    /// Validates `input`; every problem is reported at once ([`AppError::Invalid`]).
    pub fn parse(input: AccountInput<'_>) -> Result<Self, AppError> {
        let mut problems = Vec::new();
        let username = input.username.trim().to_string();
        if username.is_empty()
            || !username
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            problems.push(Problem::new(
                "username",
                format!(
                    "'{username}' is not a valid username: use letters, digits, '.', '-' and '_'"
                ),
            ));
        } else if username.chars().count() > MAX_USERNAME {
            problems.push(Problem::new(
                "username",
                format!("is longer than {MAX_USERNAME} characters"),
            ));
        }
        let display_name = match input.display_name {
            Some(name) => name.trim().to_string(),
            None => username.clone(),
        };
        if display_name.is_empty() {
            problems.push(Problem::new(
                "display_name",
                "is empty: give the name shown in the interface, or leave it out to show the username",
            ));
        } else if display_name.chars().count() > MAX_DISPLAY_NAME {
            problems.push(Problem::new(
                "display_name",
                format!("is longer than {MAX_DISPLAY_NAME} characters"),
            ));
        }
        if input.roles.is_empty() {
            problems.push(Problem::new(
                "roles",
                "an account needs a role: administrator, hr, manager, staff or auditor",
            ));
        }
        let unit = input.unit.and_then(|u| {
            UnitId::parse(u)
                .map_err(|e| problems.push(Problem::new("unit", e.to_string())))
                .ok()
        });
        if input.roles.contains(&Role::Manager) && input.unit.is_none() {
            problems.push(Problem::new(
                "unit",
                "a manager needs a unit: the unit whose subtree they edit",
            ));
        }
        let position = input.position.and_then(|p| {
            PositionId::parse(p)
                .map_err(|e| problems.push(Problem::new("position", e.to_string())))
                .ok()
        });
        if !LANGUAGES.contains(&input.language) {
            problems.push(Problem::new(
                "language",
                format!("'{}' is not et, en or ru", input.language),
            ));
        }
        if input.password.chars().count() < MIN_PASSWORD {
            problems.push(Problem::new(
                "password",
                format!("is shorter than {MIN_PASSWORD} characters"),
            ));
        }
        if !problems.is_empty() {
            return Err(AppError::Invalid(problems));
        }
        let mut roles = Vec::new();
        for r in input.roles {
            if !roles.contains(r) {
                roles.push(*r);
            }
        }
        Ok(Self {
            username,
            display_name,
            roles,
            unit,
            position,
            language: input.language.to_string(),
            password: input.password.to_string(),
        })
    }

    pub fn username(&self) -> &str {
        &self.username
    }
}

/// Hashes a password off the async threads (argon2id is slow on purpose).
pub async fn hash_off_executor(password: String) -> Result<String, AppError> {
    let failed = |message: String| AppError::Conflict {
        code: "hashing_failed",
        message,
    };
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| failed(format!("the password hashing stopped: {e}")))?
        .map_err(failed)
}

/// Creates the account: its unit and position must exist; the username must be free (else
/// [`AppError::Invalid`] for `username`). Returns the stored account.
pub async fn create(
    store: &dyn Repository,
    clock: &dyn Clock,
    account: NewAccount,
) -> Result<User, AppError> {
    if let Some(id) = &account.unit
        && store.get_unit(id).await?.is_none()
    {
        return Err(AppError::invalid(
            "unit",
            format!("there is no unit '{id}'"),
        ));
    }
    if let Some(id) = &account.position
        && store.get_position(id).await?.is_none()
    {
        return Err(AppError::invalid(
            "position",
            format!("there is no position '{id}'"),
        ));
    }
    let NewAccount {
        username,
        display_name,
        roles,
        unit,
        position,
        language,
        password,
    } = account;
    let user = User {
        id: uuid::Uuid::new_v4().to_string(),
        username,
        display_name,
        roles,
        unit,
        position,
        language,
        created_at: clock.timestamp(),
    };
    let hash = hash_off_executor(password).await?;
    store.create_user(&user, &hash).await?;
    Ok(user)
}

#[cfg(test)]
mod tests;
