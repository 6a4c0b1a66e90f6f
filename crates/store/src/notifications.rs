//! Which reminders have been sent: the sender records each reminder key once it went out and
//! skips the keys it finds here.

use crate::Result;
use crate::sql::{Driver, Session, Stmt, TxMode};
use ametijuhend_domain::Timestamp;

/// The keys of `keys` already recorded as sent.
pub(crate) async fn notifications_sent<D: Driver>(d: &D, keys: &[String]) -> Result<Vec<String>> {
    let mut s = d.begin(TxMode::Read).await?;
    let mut sent = Vec::new();
    for key in keys {
        let rows = s
            .fetch(Stmt::new("SELECT key FROM notifications_sent WHERE key = $1").text(key))
            .await?;
        if !rows.is_empty() {
            sent.push(key.clone());
        }
    }
    Ok(sent)
}

/// Records reminders as sent to `recipient` (a key recorded before is left as it was).
pub(crate) async fn record_notifications<D: Driver>(
    d: &D,
    keys: &[String],
    recipient: &str,
    at: Timestamp,
) -> Result<()> {
    let mut s = d.begin(TxMode::Write).await?;
    for key in keys {
        s.execute(
            Stmt::new(
                "INSERT INTO notifications_sent (key, recipient, sent_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (key) DO NOTHING",
            )
            .text(key)
            .text(recipient)
            .timestamp(at),
        )
        .await?;
    }
    s.commit().await
}
