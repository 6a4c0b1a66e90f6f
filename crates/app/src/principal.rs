//! The acting principal: the account a use case acts for (a signed-in person on the web, the
//! `--as USER` account on the command line), with its roles, unit and position as the
//! permission decision ([`ametijuhend_domain::access`]) needs them, and the person's name as
//! the history records it.

use ametijuhend_domain::access::{self, Permission, Target, UnitTree};
use ametijuhend_store::User;

use crate::AppError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// What the permission decision sees.
    pub access: access::Principal,
    /// The person's name, when known (recorded beside the account in lifecycle history).
    pub name: Option<String>,
}

impl Principal {
    /// The principal of an account.
    pub fn of(user: &User) -> Self {
        Self {
            access: access::Principal {
                account: user.username.clone(),
                roles: user.roles.clone(),
                unit: user.unit.clone(),
                position: user.position.clone(),
            },
            name: Some(user.display_name.clone()),
        }
    }

    /// The account name, as the audit trail records it.
    pub fn account(&self) -> &str {
        &self.access.account
    }

    /// Asks the one permission decision; a refusal is [`AppError::Denied`].
    pub fn require(
        &self,
        what: Permission,
        target: Target<'_>,
        tree: &UnitTree,
    ) -> Result<(), AppError> {
        access::decide(&self.access, what, target, tree).map_err(AppError::Denied)
    }
}
