-- Reminders already sent (SQLite): one row per reminder key ("position-id/due-date"), so that
-- every reminder goes out once however often the sender runs. Not part of the registry document.
-- Keep in step with ../postgres/0004_notifications.sql.
CREATE TABLE notifications_sent (
    key TEXT PRIMARY KEY NOT NULL,
    recipient TEXT NOT NULL,
    sent_at TEXT NOT NULL
) STRICT;
